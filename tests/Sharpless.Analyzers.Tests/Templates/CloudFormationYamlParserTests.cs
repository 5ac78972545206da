using Microsoft.CodeAnalysis.Text;
using Sharpless.Deployment.Templates;
using static Sharpless.Analyzers.Tests.Templates.TemplateDump;

namespace Sharpless.Analyzers.Tests.Templates;

/// <summary>
/// The YAML subset, one construct per test. Expected trees are written out by hand from the YAML 1.2 rules, in
/// <see cref="TemplateDump"/>'s notation.
/// </summary>
public sealed class CloudFormationYamlParserTests
{
    [Fact]
    public void BlockMappingsAndSequences()
    {
        Assert.Equal("""{a: "1", b: "two"}""", Yaml("a: 1\nb: two\n"));
        Assert.Equal("""{a: {b: "1", c: ["x", "y"]}}""", Yaml("a:\n  b: 1\n  c:\n    - x\n    - y\n"));
    }

    [Fact]
    public void SequenceAtTheIndentationOfItsKey()
    {
        Assert.Equal("""{a: ["x", "y"], b: "z"}""", Yaml("a:\n- x\n- y\nb: z"));
        Assert.Equal(
            """{Policies: [{Statement: [{Effect: "Allow", Action: ["s3:GetObject"], Resource: "*"}]}]}""",
            Yaml("""
                Policies:
                  - Statement:
                      - Effect: Allow
                        Action:
                        - s3:GetObject
                        Resource: '*'
                """));
    }

    [Fact]
    public void CompactMappingsAndSequencesInsideSequenceItems()
    {
        Assert.Equal(
            """[{name: "a", value: "1"}, ["p", "q"], ~, "last"]""",
            Yaml("- name: a\n  value: 1\n- - p\n  - q\n-\n- last"));
        Assert.Equal("""[{a: "1", b: "2"}]""", Yaml("-   a: 1\n    b: 2"));
    }

    [Fact]
    public void EmptyAndNullValues()
    {
        Assert.Equal("""{a: ~, b: ~, c: ~, d: "", e: "", f: "null", g: !!str ""}""", Yaml("a:\nb: ~\nc: null\nd: ''\ne: \"\"\nf: 'null'\ng: !!str"));
        var mapping = (TemplateMapping)Root("a:\nb: ~\nc: 'x'");
        Assert.True(mapping.GetScalar("a")!.IsNull);
        Assert.Equal("~", mapping.GetScalar("b")!.Value);
        Assert.False(mapping.GetScalar("c")!.IsNull);
        Assert.True(mapping.GetScalar("c")!.IsQuoted);
    }

    [Fact]
    public void PlainScalarsFoldOverLines()
    {
        Assert.Equal(
            """{Description: "first line second line\nafter blank", Next: "x"}""",
            Yaml("Description: first line\n  second line\n\n  after blank\nNext: x"));
        Assert.Equal("""{a: "value - x"}""", Yaml("a: value\n  - x"));
        Assert.Equal("""["a b", "c"]""", Yaml("- a\n  b\n- c"));
    }

    [Fact]
    public void CommentsNeedASpaceBeforeTheHash()
    {
        Assert.Equal(
            """{url: "http://example.com/a#frag", arn: "arn:aws:s3:::bucket", hash: "a#b", key: "a", x: "y"}""",
            Yaml("url: http://example.com/a#frag\narn: arn:aws:s3:::bucket\nhash: 'a#b' # comment\nkey: a #comment\n# x: z\n  # indented comment\nx: y # end"));
    }

    [Fact]
    public void QuotedScalars()
    {
        Assert.Equal("""{s: "it's", d: "tab\tnew\nline \"q\" é A \\ /"}""", Yaml("s: 'it''s'\nd: \"tab\\tnew\\nline \\\"q\\\" \\u00e9 \\x41 \\\\ \\/\""));
        Assert.Equal("""{a: "one two\nthree", b: "x y"}""", Yaml("a: \"one\n  two\n\n  three\"\nb: 'x\n   y'"));
        Assert.Equal("""{a: "abcdef"}""", Yaml("a: \"abc\\\n   def\""));
        Assert.Equal("""{a: "trailing spaces go"}""", Yaml("a: \"trailing spaces   \n  go\""));
        Assert.Equal("""{a b: "1", c:d: "2"}""", Yaml("'a b': 1\n\"c:d\": 2"));
        Assert.Equal("\U0001F600", ((TemplateScalar)Root("\"\\U0001F600\"")).Value);
    }

    [Fact]
    public void LiteralBlockScalars()
    {
        Assert.Equal("""{a: "line1\n indented\nline3\n", b: "x"}""", Yaml("a: |\n  line1\n   indented\n  line3\n\nb: x"));
        Assert.Equal("""{a: "x\ny"}""", Yaml("a: |-\n  x\n  y\n\n"));
        Assert.Equal("""{a: "x\n\n\n", b: "1"}""", Yaml("a: |+\n  x\n\n\nb: 1"));
        Assert.Equal("""{a: "  two extra\nbase\n"}""", Yaml("a: |2\n    two extra\n  base\n"));
        Assert.Equal("""{a: "x\n"}""", Yaml("a: | # a comment on the header\n  x\n"));
        Assert.Equal("""{a: "x"}""", Yaml("a: |\n  x"));
        Assert.Equal("""{a: "", b: "1"}""", Yaml("a: |\nb: 1"));
        Assert.Equal("""{a: "\nx\n"}""", Yaml("a: |\n\n  x\n"));
    }

    [Fact]
    public void FoldedBlockScalars()
    {
        Assert.Equal(
            """{a: "folded text\nnext\n  more\nlast\n", b: "1"}""",
            Yaml("a: >\n  folded\n  text\n\n  next\n    more\n  last\nb: 1"));
        Assert.Equal("""["a\n", "b c"]""", Yaml("- |\n  a\n- >-\n  b\n  c\n"));
    }

    [Fact]
    public void TaggedBlockScalar_KeepsHashLinesAsContent()
    {
        Assert.Equal(
            """{v: !Sub "arn:${AWS::Partition}:s3:::${Bucket}/*\n# not a comment\n", w: "1"}""",
            Yaml("v: !Sub |\n  arn:${AWS::Partition}:s3:::${Bucket}/*\n  # not a comment\nw: 1"));
    }

    [Fact]
    public void FlowCollections()
    {
        Assert.Equal(
            """{a: ["1", "two", "three", ["x", "y"], {k: "v", q: "2"}]}""",
            Yaml("a: [1, 'two', \"three\", [x, y], {k: v, \"q\": 2,}, ]"));
        Assert.Equal(
            """{a: ["one", "two"], b: {x: "1", y: ["2", "3"]}}""",
            Yaml("a: [\n  one, # first\n  two\n  ]\nb: {x: 1,\n  y: [2,\n 3]}\n"));
        Assert.Equal("""[{a: "b"}, "c"]""", Yaml("[a: b, c]"));
        Assert.Equal("""{a: ~, b: ~}""", Yaml("{a, b: }"));
        Assert.Equal("""{a: "1", b: ["true", ~]}""", Yaml("{\"a\":1,\"b\":[true,null]}"));
        Assert.Equal("""{url: "http://x:80/p", t: "a b"}""", Yaml("{url: http://x:80/p, t: a b}"));
        Assert.Equal("""["a b", "c"]""", Yaml("[a\n  b, c]"));
        Assert.Equal("""{a: [], b: {}}""", Yaml("a: []\nb: {}"));
    }

    [Fact]
    public void CloudFormationShortFormTags()
    {
        Assert.Equal(
            """{a: !Ref "X", b: !GetAtt "A.B", c: !Sub "s-${X}", d: !If ["Cond", !Ref "A", !Ref "AWS::NoValue"], e: !Ref ~, f: !!str "123", g: !Join ["", ["a", "b"]]}""",
            Yaml("a: !Ref X\nb: !GetAtt A.B\nc: !Sub \"s-${X}\"\nd: !If [Cond, !Ref A, !Ref AWS::NoValue]\ne: !Ref\nf: !!str 123\ng: !Join\n  - ''\n  - - a\n    - b"));
        Assert.Equal(
            """{a: !Transform {Name: "AWS::Include", Parameters: {Location: "s3://b/k"}}}""",
            Yaml("a: !Transform\n  Name: AWS::Include\n  Parameters:\n    Location: s3://b/k"));
        Assert.Equal("""{a: !If ["c", "x", "y"]}""", Yaml("a: !If\n- c\n- x\n- y"));
        Assert.Equal("""[!Ref ~, "x", !<tag:yaml.org,2002:str> "v"]""", Yaml("[!Ref , x, !<tag:yaml.org,2002:str> v]"));
    }

    [Fact]
    public void TagsWithoutValues()
    {
        Assert.Equal("""{a: !Ref ~}""", Yaml("a: !Ref"));
        Assert.Equal("""[!Ref ~, "x"]""", Yaml("- !Ref\n- x"));
        Assert.Equal("""{a: !Ref ~}""", Yaml("{a: !Ref}"));
        Assert.Equal("""{a: !Ref ~, b: "1"}""", Yaml("{a: !Ref, b: 1}"));
        Assert.Equal("""{a: !GetAZs ""}""", Yaml("a: !GetAZs ''"));
        var empty = (TemplateScalar)((TemplateMapping)Root("a: !Ref # nothing here\nb: 1")).Get("a")!;
        Assert.True(empty.IsNull);
        Assert.Equal("!Ref", empty.Tag);
        Assert.Equal(new TextSpan(3, 4), empty.Span);
    }

    [Fact]
    public void CommentsAnywhere()
    {
        Assert.Equal(
            """{a: ["x", "y"], b: {c: "1"}, d: "e\n", f: ["g", "h"]}""",
            Yaml("""
                --- # after the marker
                # before a key
                a:   # after a key
                  # between a key and its sequence
                  - x   # after an item
                # at column zero inside a sequence
                  - y
                b:
                    # more indented than what follows
                  c: 1
                d: |  # after a block scalar header
                  e
                f: [ # inside a flow sequence
                  g, # after an item
                  # on its own line
                  h ] # after the closing bracket
                # at the very end, without a line break
                """));
    }

    [Fact]
    public void JsonThroughTheYamlReader_GivesTheSameTree()
    {
        // JSON is YAML's flow style: both readers must agree on a real JSON template.
        Assert.Equal(Json(SampleTemplates.AnnotationsJson), Yaml(SampleTemplates.AnnotationsJson));
    }

    [Fact]
    public void WindowsLineEndings_GiveTheSameTreeAsUnix()
    {
        var unix = SampleTemplates.SamYaml.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(Yaml(unix), Yaml(unix.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnchorsAliasesAndMergeKeys()
    {
        var root = (TemplateMapping)Root("base: &b\n  x: 1\n  y: 2\nderived:\n  <<: *b\n  y: 3\n  z: 4\nlist: [*b]\nscalar: &s hello\nagain: *s");
        Assert.Equal(
            """{base: {x: "1", y: "2"}, derived: {x: "1", y: "3", z: "4"}, list: [{x: "1", y: "2"}], scalar: "hello", again: "hello"}""",
            Of(root));
        Assert.Same(root.Get("base"), ((TemplateSequence)root.Get("list")!).Items[0]);
        Assert.Same(root.Get("scalar"), root.Get("again"));

        Assert.Equal(
            """{a: {p: "1", q: "1"}, b: {q: "2", r: "2"}, c: {p: "1", q: "1", r: "2", s: "3"}}""",
            Yaml("a: &a {p: 1, q: 1}\nb: &b {q: 2, r: 2}\nc:\n  <<: [*a, *b]\n  s: 3"));
        Assert.Equal("""{a: {k: "v"}, b: {k: "v"}}""", Yaml("a: &x\n  k: v\nb: *x"));
        Assert.Equal("""{<<: "literal"}""", Yaml("'<<': literal"));
        Assert.Equal("""{l: ["a"], m: ["a"]}""", Yaml("l: &list [a]\nm: *list"));
    }

    [Fact]
    public void DirectivesAndDocumentMarkers()
    {
        Assert.Equal("""{a: "1"}""", Yaml("%YAML 1.2\n---\na: 1\n...\n"));
        Assert.Equal("""{a: "1"}""", Yaml("---\na: 1\n---\nb: 2"));
        Assert.Equal("""["x"]""", Yaml("# only a comment\n---\n- x"));
        Assert.Equal("""{a: "x\n"}""", Yaml("a: |\n x\n---\n"));
    }

    [Fact]
    public void WindowsLineEndingsByteOrderMarkAndTabSeparators()
    {
        Assert.Equal(
            """{a: "1", b: ["x", "y z"], c: "l1\nl2\n", d: "e f"}""",
            Yaml("a: 1\r\nb:\r\n  - x\r\n  - \"y\r\n  z\"\r\nc: |\r\n  l1\r\n  l2\r\nd: e\r\n  f\r\n"));
        Assert.Equal("""{a: "1"}""", Yaml("\uFEFFa: 1"));
        Assert.Equal("""{a: "b", c: "d"}""", Yaml("a:\tb\nc: d\t# comment"));
    }

    [Fact]
    public void DuplicateKeys_KeepBothEntries_LookupSeesTheLast()
    {
        var mapping = (TemplateMapping)Root("a: 1\nb: 0\na: 2");
        Assert.Equal(3, mapping.Count);
        Assert.Equal("2", mapping.GetScalar("a")!.Value);
        Assert.False(mapping.TryGet("A", out _)); // keys are case-sensitive
    }

    [Fact]
    public void LargeMappings_AreIndexedForLookup()
    {
        var yaml = string.Join("\n", Enumerable.Range(0, 50).Select(i => $"k{i}: v{i}")) + "\nk7: again";
        var mapping = (TemplateMapping)Root(yaml);
        Assert.Equal("v49", mapping.GetScalar("k49")!.Value);
        Assert.Equal("again", mapping.GetScalar("k7")!.Value);
        Assert.Null(mapping.Get("k50"));
    }

    [Fact]
    public void RootScalar_IsReadAsAScalar()
    {
        Assert.Equal("\"just some text\"", Yaml("just some text"));
    }

    [Fact]
    public void NodesCarryTheirSpans()
    {
        const string yaml = """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: 'A::B::C'
                  Events: {Api: {Type: HttpApi}}
            """;
        var root = (TemplateMapping)Root(yaml);
        var resources = root.GetMapping("Resources")!;
        var fn = resources.Entries[0];

        Assert.Equal(new LinePositionSpan(new LinePosition(1, 2), new LinePosition(1, 4)), fn.KeyLineSpan);
        Assert.Equal(yaml.IndexOf("Fn:", StringComparison.Ordinal), fn.KeySpan.Start);

        var definition = (TemplateMapping)fn.Value;
        var type = definition.GetScalar("Type")!;
        Assert.Equal(new LinePositionSpan(new LinePosition(2, 10), new LinePosition(2, 35)), type.LineSpan);

        var properties = definition.GetMapping("Properties")!;
        var handler = properties.GetScalar("Handler")!;
        Assert.Equal(new LinePositionSpan(new LinePosition(4, 15), new LinePosition(4, 24)), handler.LineSpan);
        Assert.Equal(new TextSpan(yaml.IndexOf("'A::B::C'", StringComparison.Ordinal), 9), handler.Span);
        Assert.Equal("A::B::C", handler.Value);

        var events = properties.Get("Events")!;
        Assert.Equal(new LinePositionSpan(new LinePosition(5, 14), new LinePosition(5, 36)), events.LineSpan);
        Assert.Equal(new LinePositionSpan(new LinePosition(4, 6), new LinePosition(5, 36)), properties.LineSpan);
        Assert.Equal(new LinePosition(0, 0), root.LineSpan.Start);

        var location = handler.GetLocation("/repo/template.yaml").GetLineSpan();
        Assert.Equal("/repo/template.yaml", location.Path);
        Assert.Equal(new LinePosition(4, 15), location.StartLinePosition);
    }

    [Fact]
    public void SpansOfTaggedEmptyAndBlockNodes()
    {
        const string yaml = "a: !Ref X\nb:\nc: |\n  x\n  y\nd: [1, 2]";
        var root = (TemplateMapping)Root(yaml);
        Assert.Equal(new TextSpan(3, 6), root.Get("a")!.Span);                  // "!Ref X", tag included
        Assert.Equal(new TextSpan(yaml.IndexOf("b:") + 2, 0), root.Get("b")!.Span); // empty: right after the colon
        var c = root.Get("c")!;
        Assert.Equal(new LinePosition(2, 3), c.LineSpan.Start);                 // from the '|'
        Assert.Equal(new LinePosition(4, 3), c.LineSpan.End);                   // to the end of "  y"
        Assert.Equal(new LinePositionSpan(new LinePosition(5, 3), new LinePosition(5, 9)), root.Get("d")!.LineSpan);
        Assert.Equal(new LinePosition(5, 9), root.LineSpan.End);
    }

    [Theory]
    [InlineData("a: \"abc\nb: 1", 0, 3, "Unterminated double-quoted")]
    [InlineData("a: 'abc", 0, 3, "Unterminated single-quoted")]
    [InlineData("a: [1, 2\nb: 3", 0, 3, "Unterminated flow sequence")]
    [InlineData("{a: 1", 0, 0, "Unterminated flow mapping")]
    [InlineData("a:\n  b: 1\n c: 2", 2, 1, "Bad indentation")]
    [InlineData("a:\n  b: 1\n    c: 2", 2, 5, "': '")]
    [InlineData("a: b: c", 0, 4, "same line as its key")]
    [InlineData("a:\n\tb: 1", 1, 0, "Tabs")]
    [InlineData("a: *nope", 0, 3, "'*nope'")]
    [InlineData("a: 1\n- b", 1, 0, "sequence entry")]
    [InlineData("a: \"\\q\"", 0, 4, "escape")]
    [InlineData("? a\n: b", 0, 0, "Explicit mapping keys")]
    [InlineData("a: |x\n  y", 0, 4, "block scalar header")]
    [InlineData("a: & x", 0, 3, "anchor needs a name")]
    [InlineData("a: - b", 0, 3, "block sequence")]
    [InlineData("a:\n  b: 1\n  - c", 2, 2, "sequence entry")]
    [InlineData("%YAML 1.2\na: 1", 1, 0, "directive")]
    [InlineData("[section]\nkey=value", 1, 0, "Unexpected content")]
    [InlineData("a: \"x\" y", 0, 7, "Unexpected content after the value")]
    [InlineData("a: 1\n---x", 1, 4, "Expected ':'")]
    [InlineData("x: !Ref\n  - a\n  - b\n y: 1", 3, 1, "Bad indentation")]
    [InlineData("<<: scalar", 0, 4, "merge key")]
    [InlineData("a: @x", 0, 3, "'@'")]
    public void SyntaxErrors_AreReportedWithAPosition(string yaml, int line, int character, string message)
    {
        var result = CloudFormationYamlParser.Parse(yaml);

        Assert.False(result.Succeeded);
        Assert.Null(result.Root);
        Assert.Contains(message, result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(new LinePosition(line, character), result.Error.LineSpan.Start);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# just a comment\n   # and another\n")]
    [InlineData("---\n")]
    [InlineData("\uFEFF")]
    public void EmptyDocuments_AreErrors(string yaml)
    {
        var result = CloudFormationYamlParser.Parse(yaml);

        Assert.False(result.Succeeded);
        Assert.Contains("no content", result.Error!.Message, StringComparison.Ordinal);
    }
}
