using Microsoft.CodeAnalysis.Text;
using Sharpless.Common;

namespace Sharpless.Analyzers.Tests.Common;

public sealed class TextSearchTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4090)]     // the value straddles the first chunk boundary (4096)
    [InlineData(4096)]
    [InlineData(12_000)]
    public void FindsTheValue_WhereverItIs(int position)
    {
        var text = SourceText.From(new string('x', position) + ".RDS.amazonaws.com" + new string('y', 5000));
        Assert.True(TextSearch.Contains(text, ".rds.amazonaws.com", StringComparison.OrdinalIgnoreCase));
        Assert.False(TextSearch.Contains(text, ".rds.amazonaws.com", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("rds.amazonaws.co")]
    public void IsFalse_WhenTheValueIsNotThere(string content) =>
        Assert.False(TextSearch.Contains(SourceText.From(content), ".rds.amazonaws.com", StringComparison.OrdinalIgnoreCase));
}
