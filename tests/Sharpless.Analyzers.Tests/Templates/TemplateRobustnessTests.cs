using System.Text;
using Microsoft.CodeAnalysis.Text;
using Sharpless.Deployment.Templates;

namespace Sharpless.Analyzers.Tests.Templates;

/// <summary>
/// The readers run inside the compiler and the IDE on whatever the files hold, half-typed or not text at all: they
/// must return, with a result, every time. Time limits here are generous guards (a cancellation after ten seconds),
/// not performance assertions.
/// </summary>
public sealed class TemplateRobustnessTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public void BinaryGarbage_IsAnError()
    {
        var random = new Random(1234);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[4096];
            random.NextBytes(bytes);
            var text = Encoding.UTF8.GetString(bytes);

            AssertCleanFailure(CloudFormationYamlParser.Parse(text, Timeout()));
            AssertCleanFailure(LenientJsonParser.Parse(text, Timeout()));
            Assert.NotNull(DeploymentDocuments.ReadFile("/p/template.yaml", SourceText.From(text), Timeout()).Error);
        }
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{")]
    [InlineData("{\"a\": ")]
    [InlineData("{a: ")]
    [InlineData("- ")]
    public void DeepNesting_IsAnError(string open)
    {
        var text = new StringBuilder().Insert(0, open, 10_000).ToString();

        var yaml = CloudFormationYamlParser.Parse(text, Timeout());

        Assert.Contains("nests deeper than 200", yaml.Error!.Message, StringComparison.Ordinal);
        if (open != "{" && !open.StartsWith("{a", StringComparison.Ordinal) && open != "- ")
        {
            // JSON has no '{{' (keys are strings) and no unquoted keys; the other openings nest in JSON too.
            Assert.Contains("nests deeper than 200", LenientJsonParser.Parse(text, Timeout()).Error!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DeepBlockNesting_IsAnError()
    {
        var mappings = new StringBuilder();
        var sequences = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            mappings.Append(' ', i).Append("a:\n");
            sequences.Append("- ");
        }

        Assert.Contains("nests deeper", CloudFormationYamlParser.Parse(mappings.ToString(), Timeout()).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("nests deeper", CloudFormationYamlParser.Parse(sequences.Append('x').ToString(), Timeout()).Error!.Message, StringComparison.Ordinal);

        // Just inside the limit is fine.
        var nested = new string('[', 150) + new string(']', 150);
        Assert.True(CloudFormationYamlParser.Parse(nested, Timeout()).Succeeded);
        Assert.True(LenientJsonParser.Parse(nested, Timeout()).Succeeded);
    }

    [Fact]
    public void EveryPrefixOfARealTemplate_ReturnsAResult()
    {
        // What the IDE sees while a template is typed top to bottom.
        Prefixes(SampleTemplates.SamYaml, text => ReadAndCheck("/p/template.yaml", text));
        Prefixes(SampleTemplates.AnnotationsJson, text => ReadAndCheck("/p/serverless.template", text));
        Prefixes(SampleTemplates.ToolsDefaultsJson, text => ReadAndCheck("/p/aws-lambda-tools-defaults.json", text));
    }

    [Fact]
    public void RandomEditsOfARealTemplate_ReturnAResult()
    {
        const string alphabet = " \t\n\r-:?[]{},#&*!|>'\"%@`\\~<=0aZ\u00e9";
        var random = new Random(42);
        var readCount = 0;
        foreach (var (path, source) in new[]
                 {
                     ("/p/template.yaml", SampleTemplates.SamYaml),
                     ("/p/serverless.template", SampleTemplates.AnnotationsJson),
                 })
        {
            for (var i = 0; i < 1500; i++)
            {
                var text = new StringBuilder(source);
                for (var edit = random.Next(1, 4); edit > 0; edit--)
                {
                    var at = random.Next(text.Length);
                    switch (random.Next(3))
                    {
                        case 0:
                            text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at));
                            break;
                        case 1:
                            text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                            break;
                        default:
                            text[at] = alphabet[random.Next(alphabet.Length)];
                            break;
                    }
                }

                if (ReadAndCheck(path, text.ToString()))
                {
                    readCount++;
                }
            }
        }

        // The edits leave some files readable and break others; both outcomes must have happened.
        Assert.InRange(readCount, 1, 2999);
    }

    [Fact]
    public void AFiveMegabyteTemplate_IsRead()
    {
        var (yaml, functions) = LargeYamlTemplate(5 * 1024 * 1024);
        var file = DeploymentDocuments.ReadFile("/p/template.yaml", SourceText.From(yaml), Timeout());

        Assert.True(file.Template is not null, file.Error?.ToString());
        Assert.Equal(functions, file.Template!.Functions.Length);
        var last = file.Template.Functions[functions - 1];
        Assert.Equal($"Fn{functions - 1}", last.LogicalId);
        Assert.Equal($"App::App.Function{functions - 1}::Handle", last.Handler);
        Assert.Equal(256, last.MemorySize);  // from Globals
        Assert.True(last.VpcConfig!.HasSubnets);
    }

    [Fact]
    public void AFiveMegabyteJsonTemplate_IsRead()
    {
        var json = new StringBuilder("{\"Resources\": {");
        var count = 0;
        while (json.Length < 5 * 1024 * 1024)
        {
            json.Append(count == 0 ? string.Empty : ",")
                .Append($"\"Fn{count}\": {{\"Type\": \"AWS::Lambda::Function\", \"Properties\": {{\"Handler\": \"App::App.F{count}::H\", ")
                .Append("\"Environment\": {\"Variables\": {\"A\": \"1\", \"B\": {\"Fn::GetAtt\": [\"Proxy\", \"Endpoint\"]}}}}}");
            count++;
        }

        var file = DeploymentDocuments.ReadFile("/p/serverless.template", SourceText.From(json.Append("}}").ToString()), Timeout());

        Assert.Equal(count, file.Template!.Functions.Length);
        Assert.Equal($"App::App.F{count - 1}::H", file.Template.Functions[count - 1].Handler);
    }

    [Fact]
    public void OversizedInput_IsRefusedUnread()
    {
        var text = SourceText.From(new string(' ', TemplateSource.MaxLength + 1));

        Assert.Contains("larger than", CloudFormationYamlParser.Parse(text, default).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("larger than", LenientJsonParser.Parse(text, default).Error!.Message, StringComparison.Ordinal);
    }

    private static (string Yaml, int Functions) LargeYamlTemplate(int size)
    {
        var yaml = new StringBuilder("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                MemorySize: 256
                VpcConfig: &vpc
                  SubnetIds: [subnet-a, subnet-b]
            Resources:

            """);
        var count = 0;
        while (yaml.Length < size)
        {
            yaml.Append($"""
                  Fn{count}:   # function {count}
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: App::App.Function{count}::Handle
                      Description: >
                        Function number {count}, described
                        over two lines.
                      Environment:
                        Variables: {"{"} TABLE: !Ref Table, PROXY: !GetAtt [Proxy, Endpoint], NAME: "fn-{count}" {"}"}
                      Policies:
                        - Statement:
                            - Effect: Allow
                              Action: ['dynamodb:GetItem', "dynamodb:PutItem"]
                              Resource: !Sub 'arn:${"{"}AWS::Partition{"}"}:dynamodb:*:*:table/${"{"}Table{"}"}'

                """);
            count++;
        }

        return (yaml.ToString(), count);
    }

    private static void Prefixes(string text, Action<string> read)
    {
        for (var length = 0; length <= text.Length; length++)
        {
            read(text.Substring(0, length));
        }
    }

    /// <summary>Reads a file and checks the outcome is well-formed; true when it was read.</summary>
    private static bool ReadAndCheck(string path, string text)
    {
        var source = SourceText.From(text);
        var file = DeploymentDocuments.ReadFile(path, source, Timeout());
        if (file.Error is { } error)
        {
            Assert.DoesNotContain("could not be read", error.Message, StringComparison.Ordinal); // the parsers' safety net
            Assert.InRange(error.Span.Start, 0, text.Length);
            Assert.InRange(error.Span.End, 0, text.Length);
            return false;
        }

        Assert.True(file.Template is not null || file.ToolsDefaults is not null);
        return true;
    }

    private static void AssertCleanFailure(TemplateParseResult result)
    {
        Assert.False(result.Succeeded);
        Assert.DoesNotContain("could not be read", result.Error!.Message, StringComparison.Ordinal);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(Guard).Token;
}
