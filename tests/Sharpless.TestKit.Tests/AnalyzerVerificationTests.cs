using Sharpless.TestKit.Tests.Components;

namespace Sharpless.TestKit.Tests;

public sealed class AnalyzerVerificationTests
{
    private static ProjectBuilder ObjectCreation() => new ProjectBuilder().WithAnalyzer<ObjectCreationAnalyzer>();

    [Fact]
    public Task DefaultMarkupMatches() =>
        ObjectCreation()
            .WithSourceCode("""
                class C
                {
                    object M() => [|new object()|];
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task ExplicitIdMarkupMatchesWithMessage() =>
        ObjectCreation()
            .WithSourceCode("class C { object M() => {|TK0001:new object()|}; }")
            .ShouldReportDiagnosticWithMessage("Do not create a bare object")
            .ValidateAsync();

    [Fact]
    public Task NestedMarkupMatchesDiagnosticsOnOneSpan() =>
        new ProjectBuilder()
            .WithAnalyzer<ConfigurationAnalyzer>()
            .WithBuildProperty("Foo", "bar")
            .WithAdditionalFile("template.yaml", "Resources: x")
            .WithSourceCode("class {|TK0003:{|TK0004:C|}|} { }")
            .ValidateAsync();

    [Fact]
    public Task BuildPropertyReachesAnalyzer() =>
        new ProjectBuilder()
            .WithAnalyzer<ConfigurationAnalyzer>()
            .WithBuildProperty("Foo", "bar")
            .WithSourceCode("class {|TK0003:C|} { }")
            .ShouldReportDiagnosticWithMessage("Foo is bar")
            .ValidateAsync();

    [Fact]
    public Task AdditionalFileReachesAnalyzer() =>
        new ProjectBuilder()
            .WithAnalyzer<ConfigurationAnalyzer>()
            .WithAdditionalFile("template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources: {}")
            .WithSourceCode("class {|TK0004:C|} { }")
            .ShouldReportDiagnosticWithMessage("template says 'Transform: AWS::Serverless-2016-10-31'")
            .ValidateAsync();

    [Fact]
    public Task EditorConfigSeverityNoneSuppresses() =>
        ObjectCreation()
            .WithEditorConfig("root = true\n[*.cs]\ndotnet_diagnostic.TK0001.severity = none")
            .WithSourceCode("class C { object M() => new object(); }")
            .ValidateAsync();

    [Fact]
    public Task EditorConfigSectionOnlyAppliesToMatchingFiles() =>
        ObjectCreation()
            .WithEditorConfig("root = true\n[Generated*.cs]\ndotnet_diagnostic.TK0001.severity = none")
            .WithSourceCode("class C { object M() => [|new object()|]; }")
            .WithSourceCode("class D { object M() => new object(); }", "GeneratedLike.cs")
            .ValidateAsync();

    [Fact]
    public Task DisabledByDefaultRuleStillRuns() =>
        new ProjectBuilder()
            .WithAnalyzer<DisabledByDefaultAnalyzer>()
            .WithSourceCode("class C { void [|Run|]() { } }")
            .ShouldReportDiagnosticWithMessage("Method Run")
            .ValidateAsync();

    [Fact]
    public Task EditorConfigWinsOverEnablingDisabledRules() =>
        new ProjectBuilder()
            .WithAnalyzer<DisabledByDefaultAnalyzer>()
            .WithEditorConfig("root = true\n[*.cs]\ndotnet_diagnostic.TK0005.severity = none")
            .WithSourceCode("class C { void Run() { } }")
            .ValidateAsync();

    [Fact]
    public Task DiagnosticsInStandInsAreIgnored() =>
        new ProjectBuilder()
            .WithAnalyzer<ConfigurationAnalyzer>()
            .WithBuildProperty("Foo", "bar")
            .WithLambdaStandIns()
            .WithSourceCode("""
                using Amazon.Lambda.Core;
                public class {|TK0003:Handler|}
                {
                    public string Handle(string input, ILambdaContext context) => context.FunctionName + input;
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task SecondSourceGetsItsOwnFile() =>
        ObjectCreation()
            .WithSourceCode("class C { }")
            .WithSourceCode("class D { object M() => [|new object()|]; }")
            .ValidateAsync();

    [Fact]
    public Task SharplessAttributesAreReferencedByDefault() =>
        ObjectCreation()
            .WithSourceCode("""
                using Sharpless;
                public class Functions
                {
                    [LambdaFunction]
                    public object Handle() => [|new object()|];
                }
                """)
            .ValidateAsync();

    [Fact]
    public async Task CompileAsyncReturnsInputCompilation()
    {
        var compilation = await new ProjectBuilder()
            .WithAssemblyName("MyFunctions")
            .WithLambdaStandIns()
            .WithSourceCode("class C { }")
            .CompileAsync();

        Assert.Equal("MyFunctions", compilation.AssemblyName);
        Assert.Contains(compilation.SyntaxTrees, t => t.FilePath.EndsWith("Amazon.Lambda.Core.cs", StringComparison.Ordinal));
        Assert.NotNull(compilation.GetTypeByMetadataName("Amazon.Lambda.Core.ILambdaContext"));
    }

    [Fact]
    public async Task WrongSpanFailsAndShowsMatchingMarkup()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => ObjectCreation()
            .WithSourceCode("class C { object M() => new [|object()|]; }")
            .ValidateAsync());

        Assert.Contains("Expected but not reported:", error.Message);
        Assert.Contains("Test0.cs(1,29)-(1,37) TK0001", error.Message);
        Assert.Contains("Reported but not expected:", error.Message);
        Assert.Contains("Test0.cs(1,25)-(1,37) TK0001: Do not create a bare object", error.Message);
        Assert.Contains("class C { object M() => {|TK0001:new object()|}; }", error.Message);
    }

    [Fact]
    public async Task MissingDiagnosticFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => ObjectCreation()
            .WithSourceCode("class C { string M() => [|new string('a', 1)|]; }")
            .ValidateAsync());

        Assert.Contains("Expected but not reported:", error.Message);
        Assert.DoesNotContain("Reported but not expected:", error.Message);
    }

    [Fact]
    public async Task ExtraDiagnosticFailsWithSourceLine()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => ObjectCreation()
            .WithSourceCode("class C\n{\n    object M() => new object();\n}")
            .ValidateAsync());

        Assert.Contains("Reported but not expected:", error.Message);
        Assert.Contains("Test0.cs(3,19)-(3,31) TK0001", error.Message);
        Assert.Contains("        object M() => new object();\n                      ^~~~~~~~~~~~", error.Message);
    }

    [Fact]
    public async Task WrongMessageFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => ObjectCreation()
            .WithSourceCode("class C { object M() => [|new object()|]; }")
            .ShouldReportDiagnosticWithMessage("Something else")
            .ValidateAsync());

        Assert.Contains("Reported with a different message:", error.Message);
        Assert.Contains("expected message: Something else", error.Message);
        Assert.Contains("actual message:   Do not create a bare object", error.Message);
    }

    [Fact]
    public async Task ThrowingAnalyzerFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => new ProjectBuilder()
            .WithAnalyzer<ThrowingAnalyzer>()
            .WithSourceCode("class C { }")
            .ValidateAsync());

        Assert.Contains("An analyzer threw an exception", error.Message);
        Assert.Contains("boom from ThrowingAnalyzer", error.Message);
    }

    [Fact]
    public async Task HalfTypedInput_IsAnalyzed_ButAThrowingAnalyzerStillFails()
    {
        const string HalfTyped = "class C\n{\n    object M() => new object(";
        var diagnostics = await ObjectCreation().WithSourceCode(HalfTyped).AnalyzeHalfTypedAsync();
        var error = await Assert.ThrowsAsync<VerificationException>(() => new ProjectBuilder()
            .WithAnalyzer<ThrowingAnalyzer>()
            .WithSourceCode(HalfTyped)
            .AnalyzeHalfTypedAsync());

        Assert.Contains(diagnostics, d => d.Location.SourceSpan.Start == HalfTyped.IndexOf("new object(", StringComparison.Ordinal));
        Assert.Contains("boom from ThrowingAnalyzer", error.Message);
    }

    [Fact]
    public async Task InputThatDoesNotCompileFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => ObjectCreation()
            .WithSourceCode("class C\n{\n    int M() => Undefined;\n}")
            .ValidateAsync());

        Assert.Contains("The test source does not compile", error.Message);
        Assert.Contains("Test0.cs(3,16): error CS0103: The name 'Undefined' does not exist in the current context", error.Message);
        Assert.Contains("        int M() => Undefined;\n                   ^~~~~~~~~", error.Message);
    }

    [Fact]
    public async Task CompileAsyncFailsOnErrors()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => new ProjectBuilder()
            .WithoutSharplessReference()
            .WithSourceCode("[Sharpless.LambdaFunction] class C { }")
            .CompileAsync());

        Assert.Contains("Test0.cs(1,2): error CS0246", error.Message);
    }

    [Fact]
    public async Task AmbiguousDefaultRuleIdFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => new ProjectBuilder()
            .WithAnalyzer<ConfigurationAnalyzer>()
            .WithSourceCode("class [|C|] { }")
            .ValidateAsync());

        Assert.Contains("needs a rule id", error.Message);
        Assert.Contains("TK0003, TK0004", error.Message);
    }

    [Fact]
    public Task DefaultRuleIdCanBeChosen() =>
        new ProjectBuilder()
            .WithAnalyzer<ConfigurationAnalyzer>()
            .WithBuildProperty("Foo", "bar")
            .WithDefaultRuleId("TK0003")
            .WithSourceCode("class [|C|] { }")
            .ValidateAsync();
}
