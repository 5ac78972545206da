using Sharpless.Deployment.Templates;
using Sharpless.TestKit;
using static Sharpless.Deployment.Tests.TemplateWriterFixtures;

namespace Sharpless.Deployment.Tests;

/// <summary>
/// The written templates, checked in under Baselines/ and reviewed by hand: each is also written a second time to
/// prove a build with nothing new changes nothing, and updates are checked to touch only what Sharpless owns.
/// </summary>
public sealed class TemplateWriterGoldenTests
{
    private static readonly string BaselineDirectory = Baselines.GetDirectory(typeof(TemplateWriterGoldenTests).Assembly);

    [Theory]
    [InlineData(TemplateFormat.Yaml, "fresh.yaml")]
    [InlineData(TemplateFormat.Json, "fresh.template")]
    public void A_new_project_gets_a_template_with_every_function(TemplateFormat format, string baseline)
    {
        var written = Write(null, format, Orders);

        Baselines.Verify(written, Path.Combine(BaselineDirectory, baseline));
        Assert.Equal(written, Write(written, format, Orders));
    }

    [Theory]
    [InlineData(TemplateFormat.Yaml, "HandWritten.yaml", "update.yaml", "Outputs:")]
    [InlineData(TemplateFormat.Json, "HandWritten.template", "update.template", "\n  },\n  \"Outputs\"")]
    public void Updating_a_hand_written_template_only_adds_the_functions(TemplateFormat format, string input, string baseline, string afterResources)
    {
        var original = Input(input);

        var written = Write(original, format, Orders);

        Baselines.Verify(written, Path.Combine(BaselineDirectory, baseline));
        // One insertion at the end of Resources, and no other change: comments, quoting, flow collections and short-form
        // tags of the user's parts are the same bytes.
        var (start, removed, _) = ChangedRegion(original, written);
        Assert.Equal(0, removed);
        Assert.Equal(original.IndexOf(afterResources, StringComparison.Ordinal), start + LeadingOffset(original, start, afterResources));
        Assert.Equal(written, Write(written, format, Orders));
    }

    [Theory]
    [InlineData(TemplateFormat.Yaml, "HandWritten.yaml", "edited.yaml", "  Api:", "Outputs:")]
    [InlineData(TemplateFormat.Json, "HandWritten.template", "edited.template", "\"Api\": {", "\"Outputs\"")]
    public void An_edit_in_code_changes_only_the_owned_resources(TemplateFormat format, string input, string baseline, string firstOwned, string afterResources)
    {
        var before = Write(Input(input), format, Orders);

        var after = Write(before, format, OrdersAfterEdit());

        Baselines.Verify(after, Path.Combine(BaselineDirectory, baseline));
        var (start, removed, _) = ChangedRegion(before, after);
        Assert.True(start >= before.IndexOf(firstOwned, StringComparison.Ordinal) - 8, $"The edit starts at {start}, before the first owned resource.");
        Assert.True(start + removed <= before.IndexOf(afterResources, StringComparison.Ordinal), "The edit reaches past Resources.");
        Assert.DoesNotContain("Refund", after, StringComparison.Ordinal);
        Assert.DoesNotContain("/health", after, StringComparison.Ordinal);
        Assert.Equal(after, Write(after, format, OrdersAfterEdit()));
    }

    [Theory]
    [InlineData(TemplateFormat.Yaml, "HandWritten.yaml")]
    [InlineData(TemplateFormat.Json, "HandWritten.template")]
    public void Removing_every_function_gives_back_the_hand_written_template(TemplateFormat format, string input)
    {
        var original = Input(input);
        var withFunctions = Write(original, format, Orders);

        var without = Write(withFunctions, format, new Manifest.FunctionManifest([]));

        Assert.Equal(original, without);
    }

    [Fact]
    public void No_functions_and_no_template_writes_nothing()
    {
        Assert.Equal(string.Empty, Write(null, TemplateFormat.Yaml, new Manifest.FunctionManifest([])));
    }

    /// <summary>Where two texts differ: start offset, characters removed from <paramref name="a"/>, inserted from <paramref name="b"/>.</summary>
    private static (int Start, int Removed, int Inserted) ChangedRegion(string a, string b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        return (prefix, a.Length - prefix - suffix, b.Length - prefix - suffix);
    }

    // The common prefix can run a few characters into the inserted block when it starts like the text after it.
    private static int LeadingOffset(string original, int start, string afterResources) =>
        original.IndexOf(afterResources, StringComparison.Ordinal) - start is var gap && gap >= 0 && gap < 16 ? gap : 0;
}
