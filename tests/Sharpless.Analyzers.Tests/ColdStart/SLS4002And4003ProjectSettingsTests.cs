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

    // The handler with the project-level diagnostic expected on its declaration.
    private static string HandlerMarked(string id) => Handler.Replace("string Handle(", "string {|" + id + ":Handle|}(", StringComparison.Ordinal);

    private const string Library = """
        public class Calculator
        {
            public int Add(int a, int b) => a + b;
        }
        """;

    // The package's props make these visible; an empty value is how MSBuild passes an unset property.
    private static ProjectBuilder Project(string code, string readyToRun = "", string aot = "", string tiered = "", string projectType = "", bool lambdaStandIns = true)
    {
        var builder = new ProjectBuilder().WithAnalyzer<LambdaProjectSettingsAnalyzer>();
        return (lambdaStandIns ? builder.WithLambdaStandIns() : builder)
            .WithSourceCode(code)
            .WithBuildProperty("PublishReadyToRun", readyToRun)
            .WithBuildProperty("PublishAot", aot)
            .WithBuildProperty("TieredCompilation", tiered)
            .WithBuildProperty("AWSProjectType", projectType)
            .WithBuildProperty("IsTestProject", "");
    }

    [Fact]
    public Task ProjectWithHandlers_AndNoPrecompilation_IsReported_AtTheHandler() =>
        Project(HandlerMarked("SLS4002")).ShouldReportDiagnosticWithMessage(NoPrecompilation).ValidateAsync();

    [Fact]
    public Task AWSProjectTypeLambda_WithoutHandlersYet_IsReported_AtTheFirstTypeDeclared() =>
        Project(Library.Replace("class Calculator", "class {|SLS4002:Calculator|}", StringComparison.Ordinal), projectType: "Lambda", lambdaStandIns: false)
            .ShouldReportDiagnosticWithMessage(NoPrecompilation)
            .ValidateAsync();

    [Fact]
    public Task ExecutableWithABootstrapHandler_IsReported_AtTheBootstrap() => Project("""
        using System.IO;
        using Amazon.Lambda.RuntimeSupport;
        await LambdaBootstrapBuilder.{|SLS4002:Create|}((Stream input) => System.Threading.Tasks.Task.FromResult(input)).Build().RunAsync();
        """)
        .WithOutputKind(OutputKind.ConsoleApplication)
        .ShouldReportDiagnosticWithMessage(NoPrecompilation)
        .ValidateAsync();

    [Fact]
    public Task MinimalApiOnLambda_HasNoHandlerMethod_AndIsReported_AtAddAWSLambdaHosting() => Project("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.{|SLS4002:AddAWSLambdaHosting|}(LambdaEventSource.HttpApi);
        var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        app.Run();
        """)
        .WithAspNetCoreOnLambda()
        .WithOutputKind(OutputKind.ConsoleApplication)
        .ShouldReportDiagnosticWithMessage(NoPrecompilation)
        .ValidateAsync();

    [Fact]
    public Task AspNetCoreFunctionSubclass_IsALambdaProject_ReportedAtTheClass() => Project("""
        namespace Api;
        public class {|SLS4002:LambdaEntryPoint|} : Amazon.Lambda.AspNetCoreServer.APIGatewayHttpApiV2ProxyFunction { }
        """)
        .WithAspNetCoreOnLambda()
        .ShouldReportDiagnosticWithMessage(NoPrecompilation)
        .ValidateAsync();

    [Fact]
    public Task AspNetCoreAppNotHostedOnLambda_IsNotALambdaProject() => Project("""
        using Microsoft.AspNetCore.Builder;
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/ping", () => "pong");
        app.Run();
        """)
        .WithAspNetCoreOnLambda()
        .WithOutputKind(OutputKind.ConsoleApplication)
        .ValidateAsync();

    [Fact]
    public Task TieredCompilationOff_IsReported_EvenWithReadyToRun() =>
        Project(HandlerMarked("SLS4003"), readyToRun: "true", tiered: "false").ShouldReportDiagnosticWithMessage(TieredOff).ValidateAsync();

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

    // Issue #22: which projects are Lambda projects, and where the project-level diagnostic goes.

    [Fact]
    public Task ToolsDefaultsWithoutAWSProjectType_MakesALambdaProject_ReportedInTheFile() =>
        Project(Library)
            .WithAdditionalFileMarkup("/src/aws-lambda-tools-defaults.json", """
                {
                  {|SLS4002:"framework"|}: "net8.0",
                  "template": "serverless.template"
                }
                """)
            .ShouldReportDiagnosticWithMessage(NoPrecompilation)
            .ValidateAsync();

    [Fact]
    public Task ToolsDefaultsFunctionHandler_IsWhereTheDiagnosticGoes_WhenItsMethodIsNotWrittenYet() =>
        Project(Library)
            .WithAdditionalFileMarkup("/src/aws-lambda-tools-defaults.json", """
                {
                  "function-runtime": "dotnet8",
                  "function-handler": {|SLS4002:"TestProject::Calculator::NotWrittenYet"|}
                }
                """)
            .ShouldReportDiagnosticWithMessage(NoPrecompilation)
            .ValidateAsync();

    [Fact]
    public Task TemplateNamingAHandlerOfThisAssembly_MakesALambdaProject_ReportedAtItsHandlerEntry() =>
        Project(Library)
            .WithAdditionalFileMarkup("/src/template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  AddFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: {|SLS4002:TestProject::Calculator::NotWrittenYet|}
                      Runtime: dotnet8
                """)
            .ShouldReportDiagnosticWithMessage(NoPrecompilation)
            .ValidateAsync();

    [Fact]
    public Task TemplateNamingAnotherAssembly_DoesNotMakeALambdaProject() =>
        Project(Library)
            .WithAdditionalFile("/src/template.yaml", """
                Resources:
                  AddFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: OtherProject::Calculator::Add
                """)
            .ValidateAsync();

    [Fact]
    public Task HandlerWithContext_InAConcreteClass_IsALambdaProject_ReportedThere_NotAtAnEarlierHelper() => Project("""
        using Amazon.Lambda.Core;
        public static class LogHelpers
        {
            public static void Started(ILambdaContext context) { }
        }

        public class Function
        {
            public string {|SLS4002:FunctionHandler|}(string input, ILambdaContext context) => input;
        }
        """)
        .ShouldReportDiagnosticWithMessage(NoPrecompilation)
        .ValidateAsync();

    [Fact]
    public Task TheFirstHandlerInSourceOrder_GetsTheDiagnostic() =>
        Project("""
            using Amazon.Lambda.Core;
            public class Second { public string Handle(string input, ILambdaContext context) => input; }
            """)
            .WithSourceCode("""
                using Amazon.Lambda.Core;
                public class First { public string {|SLS4002:Handle|}(string input, ILambdaContext context) => input; }
                """, "A.cs")
            .ShouldReportDiagnosticWithMessage(NoPrecompilation)
            .ValidateAsync();

    // Shared or infrastructure code in a class library that references Amazon.Lambda.Core: never a Lambda project.
    private static readonly Dictionary<string, string> SharedLibraryShapes = new(StringComparer.Ordinal)
    {
        ["helper taking the context first"] = """
            public class LambdaLogging
            {
                public void Log(ILambdaContext context, string message) { }
            }
            """,
        ["helper with more parameters than a handler"] = """
            public class Metrics
            {
                public void Record(string name, double value, ILambdaContext context) { }
            }
            """,
        ["abstract base handler class"] = """
            public abstract class FunctionBase<TInput>
            {
                public string FunctionHandler(TInput input, ILambdaContext context) => Handle(input);
                protected abstract string Handle(TInput input);
            }
            """,
        ["abstract non-generic base"] = """
            public abstract class HandlerBase
            {
                public string FunctionHandler(string input, ILambdaContext context) => input;
            }
            """,
        ["static utility class"] = """
            public static class ContextUtilities
            {
                public static string RequestId(ILambdaContext context) => context.AwsRequestId;
            }
            """,
        ["extension method"] = """
            public static class ContextExtensions
            {
                public static string Describe(this ILambdaContext context) => context.FunctionName;
            }
            """,
        ["generic method"] = """
            public class Dispatcher
            {
                public T Dispatch<T>(T input, ILambdaContext context) => input;
            }
            """,
    };

    [Theory]
    [InlineData("helper taking the context first")]
    [InlineData("helper with more parameters than a handler")]
    [InlineData("abstract base handler class")]
    [InlineData("abstract non-generic base")]
    [InlineData("static utility class")]
    [InlineData("extension method")]
    [InlineData("generic method")]
    public Task SharedLibrariesThatReferenceLambda_AreNotLambdaProjects(string shape) =>
        Project("using Amazon.Lambda.Core;\n" + SharedLibraryShapes[shape]).ValidateAsync();

    [Fact]
    public void WeakEvidence_IsDecidedInOnePlace_AndAnAttributeIsNeverWeak()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Library",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                namespace Amazon.Lambda.Core { public interface ILambdaContext { } }
                namespace Sharpless { public sealed class LambdaFunctionAttribute : System.Attribute { } }
                public static class Helpers
                {
                    public static void Log(Amazon.Lambda.Core.ILambdaContext context) { }
                    [Sharpless.LambdaFunction] public static string Attributed(string input, Amazon.Lambda.Core.ILambdaContext context) => input;
                }
                public class Function { public string Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => input; }
                """)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([]);
        var evidence = LambdaProjectEvidence.Create(compilation, options, isLambdaProjectType: false, CancellationToken.None);
        IMethodSymbol Method(string type, string name) => (IMethodSymbol)compilation.GetTypeByMetadataName(type)!.GetMembers(name).Single();

        Assert.True(evidence.IsWeakEvidence(Method("Helpers", "Log")));
        Assert.False(evidence.IsWeakEvidence(Method("Helpers", "Attributed")));
        Assert.False(evidence.IsWeakEvidence(Method("Function", "Handle")));
        Assert.False(evidence.IsLambdaProject);
    }
}
