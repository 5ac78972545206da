using Microsoft.CodeAnalysis;
using Sharpless.ColdStart;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.ColdStart;

public sealed class SLS4002And4003ProjectSettingsTests
{
    private const string NoPrecompilation =
        "This Lambda project sets neither PublishReadyToRun nor PublishAot, so every cold start JIT-compiles the code it runs; add <PublishReadyToRun>true</PublishReadyToRun> with a <RuntimeIdentifier> matching the function's architecture (linux-x64 or linux-arm64) to the project file, or <PublishAot>true</PublishAot> for Native AOT (built on Amazon Linux 2023)";

    private const string TieredOff =
        "TieredCompilation is false in this Lambda project: without quick JIT every method is fully optimized on its first call, which slows every cold start; remove <TieredCompilation>false</TieredCompilation>";

    private const string Handler = """
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public string Handle(string input) => input;
        }
        """;

    private const string Library = """
        public class Calculator
        {
            public int Add(int a, int b) => a + b;
        }
        """;

    // The package's props make these visible; an empty value is how MSBuild passes an unset property.
    private static ProjectBuilder Project(string code, string readyToRun = "", string aot = "", string tiered = "", string projectType = "") =>
        new ProjectBuilder()
            .WithAnalyzer<LambdaProjectSettingsAnalyzer>()
            .WithLambdaStandIns()
            .WithSourceCode(code)
            .WithBuildProperty("PublishReadyToRun", readyToRun)
            .WithBuildProperty("PublishAot", aot)
            .WithBuildProperty("TieredCompilation", tiered)
            .WithBuildProperty("AWSProjectType", projectType)
            .WithBuildProperty("IsTestProject", "");

    [Fact]
    public Task ProjectWithHandlers_AndNoPrecompilation_IsReported() =>
        Project(Handler).ShouldReportProjectDiagnostic("SLS4002", NoPrecompilation).ValidateAsync();

    [Fact]
    public Task AWSProjectTypeLambda_WithoutHandlersYet_IsReported() =>
        Project(Library, projectType: "Lambda").ShouldReportProjectDiagnostic("SLS4002", NoPrecompilation).ValidateAsync();

    [Fact]
    public Task ExecutableWithABootstrapHandler_IsReported() => Project("""
        using System.IO;
        using Amazon.Lambda.RuntimeSupport;
        await LambdaBootstrapBuilder.Create((Stream input) => System.Threading.Tasks.Task.FromResult(input)).Build().RunAsync();
        """)
        .WithOutputKind(OutputKind.ConsoleApplication)
        .ShouldReportProjectDiagnostic("SLS4002", NoPrecompilation)
        .ValidateAsync();

    [Fact]
    public Task TieredCompilationOff_IsReported_EvenWithReadyToRun() =>
        Project(Handler, readyToRun: "true", tiered: "false").ShouldReportProjectDiagnostic("SLS4003", TieredOff).ValidateAsync();

    [Theory]
    [InlineData("true", "", "")]
    [InlineData("True", "", "")]
    [InlineData("", "true", "false")]
    public Task PrecompiledProjects_AreNotReported(string readyToRun, string aot, string tiered) =>
        Project(Handler, readyToRun, aot, tiered).ValidateAsync();

    [Fact]
    public Task ReadyToRunPassedByTheLambdaTools_IsNotReported() =>
        Project(Handler)
            .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", """
                {
                  "profile": "",
                  "configuration": "Release",
                  "function-runtime": "dotnet8",
                  "msbuild-parameters": "--self-contained false /p:PublishReadyToRun=true"
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task AotPassedByTheLambdaTools_SilencesTieredCompilationToo() =>
        Project(Handler, tiered: "false")
            .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", """{ "msbuild-parameters": "-p:PublishAot=true --self-contained" }""")
            .ValidateAsync();

    [Fact]
    public Task NonLambdaProjects_TestProjects_AndProjectsWithoutThePackageProps_AreNotReported()
    {
        return Task.WhenAll(
            Project(Library).ValidateAsync(),
            Project(Handler).WithBuildProperty("IsTestProject", "true").ValidateAsync(),
            new ProjectBuilder().WithAnalyzer<LambdaProjectSettingsAnalyzer>().WithSourceCode(Handler).ValidateAsync());
    }
}
