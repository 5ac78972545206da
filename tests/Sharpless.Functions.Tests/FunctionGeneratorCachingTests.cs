using Microsoft.CodeAnalysis;
using Sharpless.Functions.Tests.Infrastructure;
using Sharpless.TestKit;

namespace Sharpless.Functions.Tests;

/// <summary>The generator does no work on keystrokes that cannot change its output, and the least work on those that can.</summary>
public sealed class FunctionGeneratorCachingTests
{
    [Fact]
    public async Task UnrelatedFile_LeavesEveryStepCached()
    {
        var run = await FunctionProject.Create(FunctionGeneratorTests.OrdersService).RunGeneratorsAsync();

        await run.ShouldStayCachedAsync();
    }

    [Fact]
    public async Task EditingAFunctionBody_LeavesEveryStepCached()
    {
        var run = await FunctionProject.Create(FunctionGeneratorTests.OrdersService).RunGeneratorsAsync();

        await run.ShouldStayCachedAsync(c => GeneratorRun.ReplaceText(c, "return new Receipt(order.Id, \"placed\");", "return new Receipt(order.Id + \"!\", \"placed\");"));
    }

    [Fact]
    public async Task ChangingMemorySize_RegeneratesOnlyTheManifest()
    {
        var run = await FunctionProject.Create(FunctionGeneratorTests.OrdersService).RunGeneratorsAsync();

        var edited = run.RerunAfter(c => GeneratorRun.ReplaceText(c, "MemorySize = 512", "MemorySize = 1024"));

        Assert.All(edited.StepReasons[FunctionGenerator.HandlerStep], reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        Assert.All(edited.StepReasons[FunctionGenerator.CatalogStep], reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        Assert.Equal([IncrementalStepRunReason.Modified], edited.StepReasons[FunctionGenerator.ManifestStep].ToArray());

        var changed = edited.GeneratedSources
            .Where(after => run.GeneratedSources.Single(before => before.HintName == after.HintName).SourceText.ToString() != after.SourceText.ToString())
            .Select(s => s.HintName);
        Assert.Equal([FunctionCatalogEmitter.ManifestHintName], changed);
        Assert.Contains("\\\"memorySize\\\":1024", edited.GetSource(FunctionCatalogEmitter.ManifestHintName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAFunctionOrARoute_TheCompilationIsNotRead_UntilOneAppears()
    {
        // A shared library that references Sharpless: the environment step must not look into the compilation (type
        // lookups, assembly attributes, an entry point scan), which in a fresh compiler process cost a tenth of a second.
        var run = await FunctionProject.Create("namespace Shared { public static class Greeting { public static string For(string name) => \"Hi \" + name; } }")
            .RunGeneratorsAsync();

        Assert.Same(FunctionEnvironment.Unused, EnvironmentOutput(run));
        Assert.Empty(run.GeneratedSources);

        var withFunction = run.RerunAfter(c => c.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            "namespace Shared { public static class Fn { [Sharpless.LambdaFunction] public static string Ping(string text) => text; } }",
            (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)c.SyntaxTrees.First().Options,
            "/src/Fn.cs")));

        var environment = EnvironmentOutput(withFunction);
        Assert.NotSame(FunctionEnvironment.Unused, environment);
        Assert.True(environment.HasLambdaContext);
        Assert.Contains(withFunction.GeneratedSources, s => s.HintName.EndsWith("Fn_Ping_Handler.g.cs", StringComparison.Ordinal));
    }

    private static FunctionEnvironment EnvironmentOutput(GeneratorRun run) =>
        (FunctionEnvironment)run.RunResult.Results
            .Single(r => r.Generator.GetGeneratorType() == typeof(FunctionGenerator))
            .TrackedSteps[FunctionGenerator.EnvironmentStep]
            .Single().Outputs.Single().Value;

    [Fact]
    public async Task ChangingASignature_RegeneratesThatHandler()
    {
        var run = await FunctionProject.Create(FunctionGeneratorTests.OrdersService).RunGeneratorsAsync();

        var edited = run.RerunAfter(c => GeneratorRun.ReplaceText(c, "public static string Health() => \"ok\";", "public static string Health(string who) => \"ok \" + who;"));

        Assert.Contains(IncrementalStepRunReason.Modified, edited.StepReasons[FunctionGenerator.HandlerStep]);
        Assert.Contains("global::Shop.Orders.Health(payload)", edited.GetSource("Shop.Orders_Ping_Handler.g.cs"), StringComparison.Ordinal);
    }
}
