using Sharpless.Networking;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.Networking;

public sealed class SLS6006UnreadableDeploymentFileTests
{
    private static ProjectBuilder Project() => new ProjectBuilder()
        .WithAnalyzer<DeploymentFileAnalyzer>()
        .WithSourceCode("namespace Orders; public class Function { public string Handle(string input) => input; }");

    [Fact]
    public Task BrokenYamlTemplate_IsOneInfoOnTheFile() => Project()
        .WithAdditionalFileMarkup("/src/template.yaml", """
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Orders.Function::Handle
                  Events: {|SLS6006:'|}unclosed
            """)
        .ValidateAsync();

    [Fact]
    public async Task TheMessage_SaysWhatIsWrong()
    {
        var diagnostics = await Project()
            .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", "\u0000\u0001binary\u00ff")
            .AnalyzeAsync();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SLS6006", diagnostic.Id);
        Assert.StartsWith("This deployment file cannot be read (", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("/src/aws-lambda-tools-defaults.json", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public Task ValidFiles_EmptyFiles_AndOtherFiles_AreQuiet() => Project()
        .WithAdditionalFile("/src/template.yaml", "Resources: {}\n")
        .WithAdditionalFile("/src/serverless.template", "{ \"Resources\": {} }")
        .WithAdditionalFile("/src/notes/template.txt", "Resources: [unclosed")
        .WithAdditionalFile("/src/config.yaml", "a: [unclosed")
        .ValidateAsync();
}
