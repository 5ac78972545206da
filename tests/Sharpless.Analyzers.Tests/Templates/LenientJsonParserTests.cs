using Microsoft.CodeAnalysis.Text;
using Sharpless.Deployment.Templates;
using static Sharpless.Analyzers.Tests.Templates.TemplateDump;

namespace Sharpless.Analyzers.Tests.Templates;

public sealed class LenientJsonParserTests
{
    [Fact]
    public void ValuesOfEveryKind()
    {
        Assert.Equal(
            """{s: "a\"b\\cé\n/", n: "-12.5e3", i: "0", t: "true", f: "false", z: ~, a: ["1", [], {}], o: {k: "v"}}""",
            Json("""{"s": "a\"b\\c\u00e9\n\/", "n": -12.5e3, "i": 0, "t": true, "f": false, "z": null, "a": [1, [], {}], "o": {"k": "v"}}"""));
        Assert.Equal("\U0001F600", ((TemplateScalar)LenientJsonParser.Parse("\"\\ud83d\\ude00\"").Root!).Value);
    }

    [Fact]
    public void ScalarStyles()
    {
        var root = (TemplateMapping)LenientJsonParser.Parse("""{"s": "512", "n": 512, "z": null}""").Root!;

        Assert.Equal(TemplateScalarStyle.DoubleQuoted, root.GetScalar("s")!.Style);
        Assert.True(root.GetScalar("s")!.IsQuoted);
        Assert.Equal(TemplateScalarStyle.Plain, root.GetScalar("n")!.Style);
        Assert.True(root.GetScalar("n")!.TryGetInt32(out var number) && number == 512);
        Assert.True(root.GetScalar("z")!.IsNull);
        Assert.False(root.GetScalar("z")!.TryGetInt32(out _));
    }

    [Fact]
    public void CommentsAndTrailingCommas_AreTolerated()
    {
        Assert.Equal("""{a: "1", b: ["1", "2"]}""", Json("// head\n{ /* c */ \"a\": 1, // x\n \"b\": [1,2,], }\n/* tail */"));
        Assert.Equal("""{a: "1"}""", Json("\uFEFF{\"a\":1}"));
    }

    [Fact]
    public void Spans()
    {
        const string json = "{\n  \"key\": \"value\",\n  \"list\": [1, 22]\n}";
        var root = (TemplateMapping)LenientJsonParser.Parse(json).Root!;

        Assert.True(root.TryGetEntry("key", out var entry));
        Assert.Equal(new LinePositionSpan(new LinePosition(1, 2), new LinePosition(1, 7)), entry.KeyLineSpan);
        Assert.Equal(new LinePositionSpan(new LinePosition(1, 9), new LinePosition(1, 16)), entry.Value.LineSpan);
        var list = (TemplateSequence)root.Get("list")!;
        Assert.Equal(new LinePositionSpan(new LinePosition(2, 10), new LinePosition(2, 17)), list.LineSpan);
        Assert.Equal(new TextSpan(json.IndexOf("22", StringComparison.Ordinal), 2), list.Items[1].Span);
        Assert.Equal(new TextSpan(0, json.Length), root.Span);
    }

    [Theory]
    [InlineData("{\"a\": 1", 0, 0, "Unterminated object")]
    [InlineData("[1, 2", 0, 0, "Unterminated array")]
    [InlineData("{\"a\" 1}", 0, 5, "Expected ':'")]
    [InlineData("{a: 1}", 0, 1, "property name")]
    [InlineData("[1 2]", 0, 3, "Expected ','")]
    [InlineData("\"abc", 0, 0, "Unterminated string")]
    [InlineData("{\"a\": \"x\ny\"}", 0, 6, "Unterminated string")]
    [InlineData("{\"a\": tru}", 0, 6, "expected a JSON value")]
    [InlineData("{\"a\": truex}", 0, 6, "Invalid value")]
    [InlineData("[01]", 0, 1, "Invalid value")]
    [InlineData("[-]", 0, 1, "Invalid number")]
    [InlineData("[1.]", 0, 1, "digits must follow")]
    [InlineData("{\"a\": \"\\q\"}", 0, 7, "Invalid escape")]
    [InlineData("{\"a\": \"\\u12\"}", 0, 7, "four hexadecimal digits")]
    [InlineData("{\"a\": 1} extra", 0, 9, "after the end")]
    [InlineData("/* never closed", 0, 0, "Unterminated comment")]
    [InlineData("[,]", 0, 1, "expected a JSON value")]
    [InlineData("{\"a\": 1,, }", 0, 8, "property name")]
    [InlineData("\u0000\u0001\uFFFD{{{", 0, 0, "U+0000")]
    [InlineData("", 0, 0, "no content")]
    [InlineData(" // only a comment", 0, 18, "no content")]
    [InlineData("Resources:\n  Fn: {}", 0, 0, "'R'")]
    public void Errors_AreReportedWithAPosition(string json, int line, int character, string message)
    {
        var result = LenientJsonParser.Parse(json);

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(new LinePosition(line, character), result.Error.LineSpan.Start);
    }

    [Fact]
    public void ARootStringIsAValue()
    {
        Assert.Equal("\"\"", Json("\"\""));
    }
}
