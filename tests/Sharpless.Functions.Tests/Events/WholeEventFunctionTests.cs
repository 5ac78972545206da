using System.Text.Json;
using Sharpless.Functions.Tests.Infrastructure;
using Sharpless.TestKit;

namespace Sharpless.Functions.Tests.Events;

/// <summary>
/// Methods written for AWS's Annotations framework — an event attribute on a method that takes the whole
/// Amazon.Lambda.*Events event (stand-ins here) — get a plain handler (the event read through the JSON context, the
/// result written back) and their trigger in the manifest, with ReportBatchItemFailures only when they return a
/// batch response.
/// </summary>
public sealed class WholeEventFunctionTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Sharpless;

        namespace Shop
        {
            // The Lambda serializer reads AWS's event names case-insensitively; a context for these types must too.
            [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
            [JsonSerializable(typeof(SQSEvent))]
            [JsonSerializable(typeof(SQSBatchResponse))]
            internal partial class LambdaJson : JsonSerializerContext { }

            public class Annotated
            {
                public static int Fired;

                [LambdaFunction(Name = "Consume", Timeout = 30)]
                [SQSEvent("@OrdersQueue")]
                public SQSBatchResponse Handle(SQSEvent evnt, ILambdaContext context)
                {
                    var failures = new List<SQSBatchResponse.BatchItemFailure>();
                    foreach (var message in evnt.Records)
                    {
                        if (message.Body.Contains("poison"))
                        {
                            failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                        }
                    }

                    return new SQSBatchResponse { BatchItemFailures = failures };
                }

                [SQSEvent("@AuditQueue")]
                public static void Fire(SQSEvent evnt) => Fired += evnt.Records.Count;
            }
        }
        """;

    [Fact]
    public async Task AMethodTakingTheWholeEvent_GetsAPlainHandler_AndItsResponseIsTheBatchResponse()
    {
        var run = await FunctionProject.Create(Source).RunGeneratorsAsync();
        var host = FunctionProject.Load(run);

        var response = await host.InvokeAsync("Consume", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Events", "Payloads", "sqs-standard.json")));

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"c80e8021-a70a-42c7-a470-796e1186f753"}]}""", response);
        Assert.Equal("Orders::Shop.Annotated_Consume_Handler::Handle", host.HandlerString("Consume"));
        Assert.Equal(string.Empty, await host.InvokeAsync("Fire", """{"Records":[{"messageId":"1","body":"a"},{"messageId":"2","body":"b"}]}"""));
        Assert.Equal(2, (int)host.Assembly.GetType("Shop.Annotated", throwOnError: true)!.GetField("Fired")!.GetValue(null)!);
    }

    [Fact]
    public async Task TheTrigger_ReportsBatchFailuresOnlyWhenTheMethodReturnsABatchResponse()
    {
        var run = await FunctionProject.Create(Source).RunGeneratorsAsync();

        var manifest = run.GetSource(FunctionCatalogEmitter.ManifestHintName);
        Assert.Contains("""{\"type\":\"SQS\",\"name\":\"OrdersQueue\",\"properties\":{\"Queue\":\"@OrdersQueue\",\"FunctionResponseTypes\":[\"ReportBatchItemFailures\"]}}""", manifest, StringComparison.Ordinal);
        Assert.Contains("""{\"type\":\"SQS\",\"name\":\"AuditQueue\",\"properties\":{\"Queue\":\"@AuditQueue\"}}""", manifest, StringComparison.Ordinal);
        Assert.Contains("\\\"timeout\\\":30", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public Task AWholeEventMissingFromTheJsonContext_IsSLS1010() => new ProjectBuilder()
        .WithAssemblyName("Orders")
        .WithLambdaStandIns()
        .WithSourceCode("""
            using System.Text.Json.Serialization;
            using Amazon.Lambda.SQSEvents;
            using Sharpless;

            public sealed record Other(string Id);

            [JsonSerializable(typeof(Other))]
            internal partial class AppJson : JsonSerializerContext { }

            public static class Functions
            {
                [SQSEvent("@Q")]
                public static void Handle(SQSEvent {|SLS1010:evnt|}) { }
            }
            """)
        .WithGenerator(JsonSourceGenerator.Instance)
        .WithAnalyzer<Sharpless.Events.EventFunctionAnalyzer>()
        .ValidateAsync();
}
