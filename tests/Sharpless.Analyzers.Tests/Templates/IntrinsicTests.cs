using Sharpless.Deployment.Templates;

namespace Sharpless.Analyzers.Tests.Templates;

public sealed class IntrinsicTests
{
    [Theory]
    [InlineData("v: !Ref X", "Ref", true)]
    [InlineData("v: !Condition IsProd", "Condition", true)]
    [InlineData("v: !GetAtt A.B", "Fn::GetAtt", true)]
    [InlineData("v: !Base64 x", "Fn::Base64", true)]
    [InlineData("v: !GetAZs ''", "Fn::GetAZs", true)]
    [InlineData("v: !If [c, a, b]", "Fn::If", true)]
    [InlineData("v: !Select [0, !GetAZs '']", "Fn::Select", true)]
    [InlineData("v: {Ref: X}", "Ref", false)]
    [InlineData("v: {\"Fn::ImportValue\": !Sub \"${Stack}-Vpc\"}", "Fn::ImportValue", false)]
    [InlineData("v:\n  Fn::FindInMap: [M, K, V]", "Fn::FindInMap", false)]
    public void ReadsBothForms(string yaml, string name, bool shortForm)
    {
        Assert.True(Intrinsic.TryRead(Value(yaml), out var intrinsic));
        Assert.Equal(name, intrinsic.Name);
        Assert.Equal(shortForm, intrinsic.IsShortForm);
    }

    [Theory]
    [InlineData("v: plain")]
    [InlineData("v: !!str x")]
    [InlineData("v: !Custom x")]
    [InlineData("v: {Ref: X, Other: Y}")]
    [InlineData("v: {Type: String}")]
    [InlineData("v: [Ref, X]")]
    public void OtherNodes_AreNotIntrinsics(string yaml)
    {
        Assert.False(Intrinsic.TryRead(Value(yaml), out _));
        Assert.False(Intrinsic.TryRead(null, out _));
    }

    [Theory]
    [InlineData("v: !GetAtt Proxy.Endpoint", "Proxy", "Endpoint")]
    [InlineData("v: !GetAtt Db.Endpoint.Address", "Db", "Endpoint.Address")]
    [InlineData("v: !GetAtt [Proxy, Endpoint]", "Proxy", "Endpoint")]
    [InlineData("v: {\"Fn::GetAtt\": [\"Proxy\", \"Endpoint\"]}", "Proxy", "Endpoint")]
    [InlineData("v: {\"Fn::GetAtt\": \"Proxy.Endpoint\"}", "Proxy", "Endpoint")]
    public void GetAtt(string yaml, string logicalId, string attribute)
    {
        Assert.True(Intrinsic.TryRead(Value(yaml), out var intrinsic));
        Assert.True(intrinsic.TryGetGetAtt(out var id, out var name));
        Assert.Equal((logicalId, attribute), (id, name));
    }

    [Theory]
    [InlineData("v: !GetAtt Proxy")]
    [InlineData("v: !GetAtt Proxy.")]
    [InlineData("v: !GetAtt [Proxy]")]
    [InlineData("v: !GetAtt [Proxy, !Ref Attribute]")]
    [InlineData("v: !Ref Proxy.Endpoint")]
    public void GetAtt_RejectsIncompleteForms(string yaml)
    {
        Assert.True(Intrinsic.TryRead(Value(yaml), out var intrinsic));
        Assert.False(intrinsic.TryGetGetAtt(out _, out _));
    }

    [Fact]
    public void RefAndSub()
    {
        Assert.True(Intrinsic.TryRead(Value("v: !Ref AWS::Region"), out var region));
        Assert.True(region.TryGetRefTarget(out var target));
        Assert.Equal("AWS::Region", target);
        Assert.True(Intrinsic.TryRead(Value("v: !Ref"), out var empty));
        Assert.False(empty.TryGetRefTarget(out _));
        Assert.False(region.TryGetSub(out _, out _));

        Assert.True(Intrinsic.TryRead(Value("v: !Sub 'arn:${AWS::Partition}:s3:::${B}'"), out var sub));
        Assert.True(sub.TryGetSub(out var text, out var variables));
        Assert.Equal("arn:${AWS::Partition}:s3:::${B}", text);
        Assert.Null(variables);

        Assert.True(Intrinsic.TryRead(Value("v:\n  Fn::Sub:\n    - '${A}-${B}'\n    - {A: x, B: !Ref Y}"), out var longSub));
        Assert.True(longSub.TryGetSub(out var longText, out var longVariables));
        Assert.Equal("${A}-${B}", longText);
        Assert.Equal(new[] { "A", "B" }, longVariables!.Entries.Select(e => e.Key));
    }

    [Fact]
    public void ArgumentAndNode()
    {
        var shortForm = Value("v: !If [c, a, b]");
        Assert.True(Intrinsic.TryRead(shortForm, out var tagged));
        Assert.Same(shortForm, tagged.Argument);  // the tag is the function; the tagged node its argument
        Assert.Same(shortForm, tagged.Node);

        var longForm = (TemplateMapping)Value("v: {\"Fn::If\": [c, a, b]}");
        Assert.True(Intrinsic.TryRead(longForm, out var mapped));
        Assert.Same(longForm.Entries[0].Value, mapped.Argument);
        Assert.Same(longForm, mapped.Node);
        Assert.Equal(3, ((TemplateSequence)mapped.Argument).Count);
    }

    private static TemplateNode Value(string yaml) => ((TemplateMapping)TemplateDump.Root(yaml)).Get("v")!;
}
