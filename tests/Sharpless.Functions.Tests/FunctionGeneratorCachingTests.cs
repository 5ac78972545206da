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
    public async Task ChangingASignature_RegeneratesThatHandler()
    {
        var run = await FunctionProject.Create(FunctionGeneratorTests.OrdersService).RunGeneratorsAsync();

        var edited = run.RerunAfter(c => GeneratorRun.ReplaceText(c, "public static string Health() => \"ok\";", "public static string Health(string who) => \"ok \" + who;"));

        Assert.Contains(IncrementalStepRunReason.Modified, edited.StepReasons[FunctionGenerator.HandlerStep]);
        Assert.Contains("global::Shop.Orders.Health(payload)", edited.GetSource("Shop.Orders_Ping_Handler.g.cs"), StringComparison.Ordinal);
    }
}
