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

    /// <summary>A function of every other source (SNS, S3, Kinesis, schedule, EventBridge).</summary>
    internal const string OtherSources = """
        using System.Threading.Tasks;
        using System.Text.Json.Serialization;
        using Sharpless;
        using Sharpless.Events;

        namespace Shop
        {
            public sealed record Order(string Id);

            [JsonSerializable(typeof(Order))]
            internal partial class AppJson : JsonSerializerContext { }

            public static class Jobs
            {
                [ScheduleEvent("cron(0 3 * * ? *)", Description = "nightly cleanup", Enabled = false)]
                public static void Cleanup() { }
            }

            public static class Clicks
            {
                [KinesisEvent("@ClickStream", StartingPosition = "TRIM_HORIZON", MaximumRetryAttempts = 2, OnFailure = "@ClickFailures")]
                public static void OnClick(Order order) { }
            }

            public static class Uploads
            {
                [S3Event("@UploadsBucket", Prefix = "incoming/", Suffix = ".csv")]
                public static void OnObject(S3ObjectEvent record) { }
            }

            public static class Notifications
            {
                [SNSEvent("@OrderEvents", FilterPolicy = "{\"kind\":[\"OrderPlaced\"]}")]
                public static void OnOrder(Order order) { }
            }

            public static class Rules
            {
                [EventBridgeEvent(Source = "com.shop.orders", DetailType = "OrderPlaced", EventBus = "@OrdersBus")]
                public static Task OnPlaced(Order detail) => Task.CompletedTask;
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
        Assert.Contains("EventReflection.Read<global::Plain.Order>(batch.Body(message)", run.GetSource("Plain.Consumer_Handle_Handler.g.cs"), StringComparison.Ordinal);
        Assert.Contains(run.GeneratedSources, s => s.HintName == EventRuntimeEmitter.ReflectionHintName);
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
    public async Task OtherSources_AreListedInTheManifest_AsTheTemplateWriterReadsThem()
    {
        // The same events as tests/Sharpless.Deployment.Tests' OtherSourcesManifest, which the writer turns into SAM.
        var run = await Project(OtherSources).RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings();
        var manifest = System.Text.Json.JsonDocument.Parse(ManifestJson(run)).RootElement;
        string Events(string name) => manifest.GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).GetProperty("events").GetRawText();
        Assert.Equal("""[{"type":"Schedule","name":"Schedule","properties":{"Schedule":"cron(0 3 * * ? *)","Description":"nightly cleanup","Enabled":false}}]""", Events("Cleanup"));
        Assert.Equal("""[{"type":"Kinesis","name":"ClickStream","properties":{"Stream":"@ClickStream","StartingPosition":"TRIM_HORIZON","MaximumRetryAttempts":2,"DestinationConfig":{"OnFailure":{"Destination":"@ClickFailures","Type":"SQS"}},"FunctionResponseTypes":["ReportBatchItemFailures"]}}]""", Events("OnClick"));
        Assert.Equal("""[{"type":"S3","name":"UploadsBucket","properties":{"Bucket":"@UploadsBucket","Events":["s3:ObjectCreated:*"],"Filter":{"S3Key":{"Rules":[{"Name":"prefix","Value":"incoming/"},{"Name":"suffix","Value":".csv"}]}}}}]""", Events("OnObject"));
        Assert.Equal("""[{"type":"SNS","name":"OrderEvents","properties":{"Topic":"@OrderEvents","FilterPolicy":{"kind":["OrderPlaced"]}}}]""", Events("OnOrder"));
        Assert.Equal("""[{"type":"EventBridgeRule","name":"EventBridgeRule","properties":{"Pattern":{"source":["com.shop.orders"],"detail-type":["OrderPlaced"]},"EventBusName":"@OrdersBus"}}]""", Events("OnPlaced"));
    }

    /// <summary>The manifest's JSON: the value of the generated constant, unescaped by the compiler's own parser.</summary>
    private static string ManifestJson(GeneratorRun run)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(run.GetSource(FunctionCatalogEmitter.ManifestHintName));
        var literal = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>().Single(l => l.Token.ValueText.StartsWith("{\"version\"", StringComparison.Ordinal));
        return (string)literal.Token.Value!;
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
