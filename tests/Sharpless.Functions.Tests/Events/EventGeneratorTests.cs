using Microsoft.CodeAnalysis;
using Sharpless.DynamoDB;
using Sharpless.Events;
using Sharpless.Functions.Tests.Infrastructure;
using Sharpless.TestKit;

namespace Sharpless.Functions.Tests.Events;

/// <summary>What the generator writes for event functions, in which projects, and how little it redoes after an edit.</summary>
public sealed class EventGeneratorTests
{
    internal const string Service = """
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Lambda.Core;
        using Sharpless;
        using Sharpless.Events;

        namespace Shop
        {
            public sealed record Order(string Id, decimal Total);

            [JsonSerializable(typeof(Order))]
            internal partial class AppJson : JsonSerializerContext { }

            [DynamoDBTable("Orders")]
            public sealed class StoredOrder
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public string CustomerId { get; set; } = "";
            }

            public class Fulfilment
            {
                [SQSEvent("@OrdersQueue", BatchSize = 5)]
                public async Task Ship(Order order, SqsMessage message, ILambdaContext context, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                }

                [LambdaFunction(Name = "ProjectOrders", Timeout = 30)]
                [DynamoDBEvent("@OrdersTable", StartingPosition = "TRIM_HORIZON", MaximumRetryAttempts = 3, OnFailure = "@ProjectionFailures")]
                public static void Project(StoredOrder? oldImage, StoredOrder? newImage)
                {
                }
            }
        }
        """;

    internal static ProjectBuilder Project(string source) =>
        FunctionProject.Create(source)
            .WithReference(typeof(Amazon.DynamoDBv2.Model.AttributeValue).Assembly)
            .WithReference(typeof(Amazon.Runtime.AmazonServiceClient).Assembly)
            .WithGenerator<ItemMapperGenerator>();

    [Fact]
    public async Task Service_MatchesBaselines()
    {
        var run = await Project(Service).RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings()
            .ShouldMatchBaseline("Shop.Fulfilment_Ship_Handler.g.cs", "Shop.Fulfilment_Ship_Handler.g.cs")
            .ShouldMatchBaseline("Shop.Fulfilment_ProjectOrders_Handler.g.cs", "Shop.Fulfilment_ProjectOrders_Handler.g.cs")
            .ShouldMatchBaseline(FunctionCatalogEmitter.ManifestHintName, "Events.FunctionManifest.g.cs");
    }

    [Fact]
    public async Task ProjectWithoutLambdaCoreOrContexts_GetsStreamOnlyHandlers_ThatCompileWithoutWarnings()
    {
        var run = await FunctionProject.CreateWithoutLambdaCore("""
            namespace Plain
            {
                public sealed class Order { public string Id { get; set; } = ""; }

                public static class Consumer
                {
                    [Sharpless.SQSEvent("@Queue", MaxInBatchConcurrency = 2)]
                    public static void Handle(Order order) { }

                    [Sharpless.SQSEvent("@Queue")]
                    public static System.Threading.Tasks.Task Text(string? body) => System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """).RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings();
        Assert.Contains("public async global::System.Threading.Tasks.Task<global::System.IO.Stream> Handle(global::System.IO.Stream input)", run.GetSource("Plain.Consumer_Handle_Handler.g.cs"), StringComparison.Ordinal);
        Assert.Contains("SqsEventReflection.ReadBody<global::Plain.Order>", run.GetSource("Plain.Consumer_Handle_Handler.g.cs"), StringComparison.Ordinal);
        Assert.Contains(run.GeneratedSources, s => s.HintName == EventRuntimeEmitter.SqsReflectionHintName);
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName == EventRuntimeEmitter.StreamHintName);
    }

    [Fact]
    public async Task ServicesFromTheContainer_AreResolvedPerMessage()
    {
        var run = await Project("""
            using Microsoft.Extensions.DependencyInjection;
            using Sharpless;

            namespace Shop
            {
                public interface IClock { }
                public sealed class Clock : IClock { }

                [LambdaStartup]
                public static class Startup
                {
                    public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClock, Clock>();
                }

                public sealed class Consumer(IClock clock)
                {
                    [SQSEvent("@Queue")]
                    public void Handle(string body, [FromServices] IClock perMessage) { }
                }
            }
            """).RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings();
        var handler = run.GetSource("Shop.Consumer_Handle_Handler.g.cs");
        Assert.Contains("await using var scope", handler, StringComparison.Ordinal);
        Assert.Contains("new global::Shop.Consumer(global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Shop.IClock>(global::Sharpless.Generated.LambdaServices.Root))", handler, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFunctionWithAnError_GetsNoHandler_AndNoCatalogEntry()
    {
        var run = await Project("""
            namespace Shop
            {
                public static class Broken
                {
                    [Sharpless.SQSEvent("@Queue")]
                    public static int Handle(string body) => 1;
                }
            }
            """).RunGeneratorsAsync();

        Assert.Empty(run.GeneratedSources.Where(s => s.HintName.Contains("Broken", StringComparison.Ordinal) || s.HintName == FunctionCatalogEmitter.CatalogHintName));
    }

    [Fact]
    public async Task AnEventFunctionNamedLikeAnotherFunction_GetsNoHandler()
    {
        var run = await Project("""
            namespace Shop
            {
                public static class A
                {
                    [Sharpless.SQSEvent("@Queue")]
                    public static void Handle(string body) { }
                }

                public static class B
                {
                    [Sharpless.LambdaFunction(Name = "Handle")]
                    public static string Ping(string text) => text;
                }
            }
            """).RunGeneratorsAsync();

        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.EndsWith("_Handle_Handler.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnrelatedFile_LeavesEveryStepCached()
    {
        var run = await Project(Service).RunGeneratorsAsync();

        await run.ShouldStayCachedAsync();
    }

    [Fact]
    public async Task ChangingABatchSize_RegeneratesOnlyTheManifest()
    {
        var run = await Project(Service).RunGeneratorsAsync();

        var edited = run.RerunAfter(c => GeneratorRun.ReplaceText(c, "BatchSize = 5", "BatchSize = 7"));

        Assert.All(edited.StepReasons[FunctionGenerator.EventHandlerStep], reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        var changed = edited.GeneratedSources
            .Where(after => run.GeneratedSources.Single(before => before.HintName == after.HintName).SourceText.ToString() != after.SourceText.ToString())
            .Select(s => s.HintName);
        Assert.Equal([FunctionCatalogEmitter.ManifestHintName], changed);
        Assert.Contains("\\\"BatchSize\\\":7", edited.GetSource(FunctionCatalogEmitter.ManifestHintName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingAHandlerBody_LeavesEveryStepCached()
    {
        var run = await Project(Service).RunGeneratorsAsync();

        await run.ShouldStayCachedAsync(c => GeneratorRun.ReplaceText(c, "await Task.Delay(1, cancellationToken);", "await Task.Delay(2, cancellationToken);"));
    }
}
