using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sharpless.Deployment.Templates;

namespace Sharpless.Analyzers.Tests.Templates;

/// <summary>Choosing files from AdditionalFiles, JSON or YAML by content, errors per file, and the per-text cache.</summary>
public sealed class DeploymentDocumentsTests
{
    [Fact]
    public void ReadsDeploymentFilesByName_AndReportsUnreadableOnes()
    {
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(
            new Text("/p/template.yaml", SampleTemplates.SamYaml),
            new Text("/p/Serverless.Template", SampleTemplates.AnnotationsJson),
            new Text("/p/aws-lambda-tools-defaults.json", SampleTemplates.ToolsDefaultsJson),
            new Text("/p/notes.json", "{ \"function-handler\": \"A::B::C\" }"),
            new Text("/p/other/template.yml", "Resources:\n  Fn: [unclosed"),
            new Text("/p/template.json", "\u0000\u0001garbage"),
            new Text("/p/nested/template.yaml", "just a sentence"),
            new Text("/p/missing/template.yaml", null)));

        var documents = DeploymentDocuments.Read(options, CancellationToken.None);

        Assert.Equal(new[] { "/p/template.yaml", "/p/Serverless.Template" }, documents.Templates.Select(t => t.Path));
        Assert.Equal("/p/aws-lambda-tools-defaults.json", Assert.Single(documents.ToolsDefaults).Path);
        Assert.Equal(new[] { "/p/other/template.yml", "/p/template.json", "/p/nested/template.yaml" }, documents.Errors.Select(e => e.Path));

        var unclosed = documents.Errors[0];
        Assert.Contains("Unterminated flow sequence", unclosed.Message, StringComparison.Ordinal);
        var location = unclosed.Location.GetLineSpan();
        Assert.Equal("/p/other/template.yml", location.Path);
        Assert.Equal(new LinePosition(1, 6), location.StartLinePosition);
        Assert.Contains("U+0000", documents.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("top level must be a mapping", documents.Errors[2].Message, StringComparison.Ordinal);
        Assert.Equal(new LinePosition(0, 0), documents.Errors[2].LineSpan.Start);
    }

    [Fact]
    public void NoDeploymentFiles_IsEmpty()
    {
        Assert.Same(DeploymentDocuments.Empty, DeploymentDocuments.Read(ImmutableArray<AdditionalText>.Empty, default));
        Assert.Same(DeploymentDocuments.Empty, DeploymentDocuments.Read(ImmutableArray.Create<AdditionalText>(new Text("/p/readme.md", "# hi")), default));
    }

    [Fact]
    public void JsonOrYaml_IsDecidedByContent()
    {
        // A serverless.template with a leading comment and a trailing comma: only the JSON reader takes it.
        var json = DeploymentDocuments.ReadFile("/p/serverless.template", SourceText.From("// generated\n{\"Resources\": {\"F\": {\"Type\": \"AWS::Lambda::Function\",},},}"), default);
        Assert.Equal("F", Assert.Single(json.Template!.Functions).LogicalId);

        // A template.json that is really YAML is read as YAML.
        var yaml = DeploymentDocuments.ReadFile("/p/template.json", SourceText.From("Resources:\n  F:\n    Type: AWS::Lambda::Function\n"), default);
        Assert.Equal("F", Assert.Single(yaml.Template!.Functions).LogicalId);

        // aws-lambda-tools-defaults.json is always JSON.
        var tools = DeploymentDocuments.ReadFile("/p/aws-lambda-tools-defaults.json", SourceText.From("function-handler: A::B::C"), default);
        Assert.Null(tools.ToolsDefaults);
        Assert.Contains("expected a JSON value", tools.Error!.Message, StringComparison.Ordinal);

        var array = DeploymentDocuments.ReadFile("/p/aws-lambda-tools-defaults.json", SourceText.From("[1]"), default);
        Assert.Contains("JSON object", array.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachTextIsParsedOnce()
    {
        var text = SourceText.From(SampleTemplates.SamYaml);

        var first = DeploymentDocuments.ReadFile("/p/template.yaml", text, default);
        var second = DeploymentDocuments.ReadFile("/p/template.yaml", text, default);
        var equalButNew = DeploymentDocuments.ReadFile("/p/template.yaml", SourceText.From(SampleTemplates.SamYaml), default);
        var otherPath = DeploymentDocuments.ReadFile("/q/template.yaml", text, default);

        Assert.Same(first, second);
        Assert.NotSame(first, equalButNew);
        Assert.Equal("/q/template.yaml", otherPath.Path);
        Assert.Equal("/q/template.yaml", otherPath.Template!.Path);
    }

    [Fact]
    public void Cancellation_IsTheOnlyExceptionThatEscapes()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CloudFormationYamlParser.Parse(SampleTemplates.SamYaml, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => LenientJsonParser.Parse(SampleTemplates.AnnotationsJson, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            DeploymentDocuments.ReadFile("/p/template.yaml", SourceText.From(SampleTemplates.SamYaml), cancelled.Token));

        // A cancelled read is not cached: the next read with a live token succeeds.
        var text = SourceText.From(SampleTemplates.SamYaml);
        Assert.ThrowsAny<OperationCanceledException>(() => DeploymentDocuments.ReadFile("/p/template.yaml", text, cancelled.Token));
        Assert.NotNull(DeploymentDocuments.ReadFile("/p/template.yaml", text, default).Template);
    }

    private sealed class Text(string path, string? content) : AdditionalText
    {
        private readonly SourceText? _text = content is null ? null : SourceText.From(content);

        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
    }
}
