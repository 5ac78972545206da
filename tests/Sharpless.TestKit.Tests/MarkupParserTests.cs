using Microsoft.CodeAnalysis.Text;

namespace Sharpless.TestKit.Tests;

public sealed class MarkupParserTests
{
    [Fact]
    public void StripsMarkupAndRecordsSpans()
    {
        var result = MarkupParser.Parse("a [|bc|] {|X1:d [|e|]|} f");

        Assert.Equal("a bc d e f", result.Text);
        Assert.Equal<MarkupSpan>(
            [new MarkupSpan(new TextSpan(2, 2), null), new MarkupSpan(TextSpan.FromBounds(5, 8), "X1"), new MarkupSpan(new TextSpan(7, 1), null)],
            result.Spans.ToArray());
    }

    [Fact]
    public void LeavesBracesThatAreNotMarkupAlone()
    {
        var result = MarkupParser.Parse("var x = a || b; var s = $\"{y}\"; int[] z = { 1 };");

        Assert.Equal("var x = a || b; var s = $\"{y}\"; int[] z = { 1 };", result.Text);
        Assert.Empty(result.Spans);
    }

    [Theory]
    [InlineData("a [|b", "'[|' opened at line 1, column 3 is never closed")]
    [InlineData("a |] b", "'|]' at line 1, column 3 closes nothing")]
    [InlineData("{|X:a |] b", "'|]' at line 1, column 7 closes '{|X:'")]
    public void UnbalancedMarkupThrows(string markup, string fragment)
    {
        var error = Assert.Throws<ArgumentException>(() => MarkupParser.Parse(markup));
        Assert.Contains(fragment, error.Message);
    }
}
