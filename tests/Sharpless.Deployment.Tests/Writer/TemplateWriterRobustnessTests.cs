using Sharpless.Deployment.Templates;
using static Sharpless.Deployment.Tests.TemplateWriterFixtures;

namespace Sharpless.Deployment.Tests;

/// <summary>
/// A template half written by hand (every prefix of the hand-written inputs, and of a written template) either merges
/// into a template the writer reads back and leaves unchanged on a second run, or is refused with a
/// <see cref="TemplateEditException"/>, which the build shows as a warning. Anything else would fail the user's build.
/// </summary>
public sealed class TemplateWriterRobustnessTests
{
    [Theory]
    [InlineData("HandWritten.yaml", TemplateFormat.Yaml)]
    [InlineData("HandWritten.template", TemplateFormat.Json)]
    [InlineData("fresh.yaml", TemplateFormat.Yaml)]
    [InlineData("fresh.template", TemplateFormat.Json)]
    public void Every_prefix_of_a_template_is_merged_or_refused_never_crashed(string file, TemplateFormat format)
    {
        var text = file.StartsWith("fresh", StringComparison.Ordinal)
            ? Write(null, format, Orders)
            : Input(file);
        var merged = 0;
        var refused = 0;

        for (var length = 0; length <= text.Length; length++)
        {
            var prefix = text[..length];
            string written;
            try
            {
                written = Write(prefix, format, OrdersAfterEdit());
            }
            catch (TemplateEditException)
            {
                refused++;
                continue;
            }

            merged++;
            Assert.True(written == Write(written, format, OrdersAfterEdit()), $"Not idempotent after the prefix of {length} characters:\n{prefix}\n---\n{written}");
        }

        // Both outcomes occur: the sweep really exercises the merge, not only the refusal (a JSON prefix parses only
        // when it is whole).
        Assert.True(format == TemplateFormat.Json ? merged > 0 : merged > text.Length / 10, $"{merged} merged, {refused} refused");
        Assert.True(refused > 0, $"{merged} merged, {refused} refused");
    }
}
