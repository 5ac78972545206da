namespace Sharpless.TestKit.Tests;

public sealed class TextDiffTests
{
    [Fact]
    public void ShowsChangedLinesWithContext()
    {
        var diff = TextDiff.Render("a\nb\nc\nd", "a\nB\nc\nd\ne");

        Assert.Equal("--- expected\n+++ actual\n@@ expected line 1, actual line 1 @@\n  a\n- b\n+ B\n  c\n  d\n+ e\n", diff);
    }

    [Fact]
    public void ExplainsWhitespaceOnlyDifferences()
    {
        Assert.Contains("differ only in line endings", TextDiff.Render("a\nb", "a\r\nb"));
    }
}
