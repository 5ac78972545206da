using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.TestKit.Tests.Components;

namespace Sharpless.TestKit.Tests;

public sealed class GeneratorVerificationTests
{
    internal const string Functions = """
        using Sharpless;

        namespace Orders
        {
            public class Handlers
            {
                [LambdaFunction]
                public string GetOrder(string id) => id;

                [LambdaFunction]
                public string DeleteOrder(string id) => id;
            }
        }
        """;

    internal static ProjectBuilder Generate<TGenerator>()
        where TGenerator : IIncrementalGenerator, new() =>
        new ProjectBuilder().WithGenerator<TGenerator>().WithSourceCode(Functions);

    [Fact]
    public async Task CachedGeneratorProducesCompilingSourceAndStaysCached()
    {
        var run = await Generate<CachedGenerator>().RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings().ShouldHaveNoDiagnostics();
        Assert.Contains("public const string GetOrder = \"Orders.Handlers::GetOrder\";", run.GetSource("FunctionList.g.cs"));
        Assert.Equal<IncrementalStepRunReason>([IncrementalStepRunReason.New, IncrementalStepRunReason.New], run.StepReasons["Functions"].ToArray());

        var rerun = await run.ShouldStayCachedAsync();
        Assert.All(rerun.StepReasons["Functions"], r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(rerun.StepReasons["AllFunctions"], r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.NotNull(rerun.InputCompilation.GetTypeByMetadataName("Unrelated.UnrelatedEdit"));
    }

    [Fact]
    public async Task CachedGeneratorStaysCachedAfterCallerSuppliedEdit()
    {
        var run = await Generate<CachedGenerator>().RunGeneratorsAsync();

        // Editing a method body is the edit users make all day; it must not rerun the model step.
        await run.ShouldStayCachedAsync(c =>
        {
            var tree = c.SyntaxTrees.First();
            var edited = CSharpSyntaxTree.ParseText(
                tree.ToString().Replace("=> id;", "=> id + \"!\";", StringComparison.Ordinal),
                (CSharpParseOptions)tree.Options,
                tree.FilePath);
            return c.ReplaceSyntaxTree(tree, edited);
        });
    }

    [Fact]
    public async Task GeneratedCodeIsVisibleToTheOutputCompilation()
    {
        var run = await Generate<CachedGenerator>()
            .WithSourceCode("namespace Use { static class U { public static string Name => Generated.FunctionList.GetOrder; } }")
            .RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings();
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public async Task NonEquatableModelIsReportedAsNotCached()
    {
        var run = await Generate<UncachedGenerator>().RunGeneratorsAsync();

        var error = await Assert.ThrowsAsync<VerificationException>(() => run.ShouldStayCachedAsync());

        Assert.Contains("rerun over compilation.Clone(): UncachedGenerator step 'AssemblyModel' run 0 output 0 is Modified: AssemblyModel(TestProject)", error.Message);
    }

    [Fact]
    public async Task SymbolInPipelineIsReported()
    {
        var run = await Generate<SymbolHoldingGenerator>().RunGeneratorsAsync();

        var error = await Assert.ThrowsAsync<VerificationException>(() => run.ShouldStayCachedAsync());

        Assert.Contains("SymbolHoldingGenerator step 'Symbols' output 0 holds a Roslyn ISymbol (MethodSymbol) at value", error.Message);
    }

    [Fact]
    public async Task CompilationInPipelineIsReported()
    {
        var run = await Generate<CompilationHoldingGenerator>().RunGeneratorsAsync();

        var error = await Assert.ThrowsAsync<VerificationException>(() => run.ShouldStayCachedAsync());

        Assert.Contains("CompilationHoldingGenerator step 'Holder' output 0 holds a Roslyn Compilation (CSharpCompilation) at value.Item2", error.Message);
    }

    [Fact]
    public async Task ThrowingGeneratorFailsTheRun()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => Generate<ThrowingGenerator>().RunGeneratorsAsync());

        Assert.Contains("A generator threw an exception", error.Message);
        Assert.Contains("boom from ThrowingGenerator", error.Message);
    }

    [Fact]
    public async Task WarningInGeneratedCodeFails()
    {
        var run = await Generate<WarningGenerator>().RunGeneratorsAsync();

        var error = Assert.Throws<VerificationException>(() => run.ShouldCompileWithoutWarnings());

        Assert.Contains("/Warning.g.cs(1,88): warning CS0219: The variable 'unused' is assigned but its value is never used", error.Message);
    }

    [Fact]
    public async Task GeneratorDiagnosticsFailShouldHaveNoDiagnosticsButNotCaching()
    {
        var run = await new ProjectBuilder()
            .WithGenerator<ReportingGenerator>()
            .WithLanguageVersion(LanguageVersion.CSharp12)
            .WithSourceCode("class C { }")
            .RunGeneratorsAsync();

        var error = Assert.Throws<VerificationException>(() => run.ShouldHaveNoDiagnostics());

        Assert.Contains("<no location>: info TKG001: Generated for C# CSharp12", error.Message);
        await run.ShouldStayCachedAsync();
    }

    [Fact]
    public async Task UnknownHintNameListsGeneratedFiles()
    {
        var run = await Generate<CachedGenerator>().RunGeneratorsAsync();

        var error = Assert.Throws<VerificationException>(() => run.GetSource("Nope.g.cs"));

        Assert.Contains("No generated source(s) have a hint name ending with 'Nope.g.cs'", error.Message);
        Assert.Contains("  FunctionList.g.cs", error.Message);
    }

    [Fact]
    public async Task ValidateAsyncAnalyzesGeneratedCodeToo()
    {
        // The source uses a generated constant; it compiles only with the generator's output, as in a real build.
        await new ProjectBuilder()
            .WithGenerator<CachedGenerator>()
            .WithAnalyzer<ObjectCreationAnalyzer>()
            .WithSourceCode(Functions)
            .WithSourceCode("static class U { public static object Name => Generated.FunctionList.GetOrder ?? [|new object()|]; }")
            .ValidateAsync();
    }
}
