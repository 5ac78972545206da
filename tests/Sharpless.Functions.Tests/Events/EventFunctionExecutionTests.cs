using System.Reflection;
using System.Text.Json;
using Sharpless.DynamoDB;
using Sharpless.Functions.Tests.Infrastructure;
using Sharpless.TestKit;

namespace Sharpless.Functions.Tests.Events;

/// <summary>
/// Generated SQS and DynamoDB stream handlers, compiled with the user's code and invoked as the Lambda runtime invokes
/// them (the event as <c>new MemoryStream(bytes)</c>) on event JSON shaped as the AWS Lambda developer guide documents
/// it; the batch response is checked field by field.
/// </summary>
public sealed class EventFunctionExecutionTests
{
    private const string Models = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Amazon.DynamoDBv2.DataModel;

        namespace Shop
        {
            public sealed record Order(string Id, string Customer, decimal Total);

            [JsonSerializable(typeof(Order))]
            internal partial class AppJson : JsonSerializerContext { }

            [DynamoDBTable("Orders")]
            public sealed class StoredOrder
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public string CustomerId { get; set; } = "";
                public decimal Total { get; set; }
                public HashSet<string>? Tags { get; set; }
                public List<Line>? Lines { get; set; }
                public bool Paid { get; set; }
                public string? Note { get; set; }
            }

            public sealed class Line
            {
                public string Sku { get; set; } = "";
                public int Quantity { get; set; }
            }

            /// <summary>What the functions saw, in order, for the test to read.</summary>
            public static class Seen
            {
                public static readonly List<string> Calls = new List<string>();
            }
        }

        """;

    private static async Task<FunctionHost> LoadAsync(string functions) =>
        FunctionProject.Load(await FunctionProject.Create(Models + functions)
            .WithReference(typeof(Amazon.DynamoDBv2.Model.AttributeValue).Assembly)
            .WithReference(typeof(Amazon.Runtime.AmazonServiceClient).Assembly)
            .WithGenerator<ItemMapperGenerator>()
            .RunGeneratorsAsync());

    private static string Payload(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Events", "Payloads", name));

    private static List<string> Calls(FunctionHost host) =>
        (List<string>)host.Assembly.GetType("Shop.Seen", throwOnError: true)!.GetField("Calls", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The item identifiers of a batch response, in order; fails unless the response has exactly that shape.</summary>
    private static string[] Failures(string response)
    {
        using var document = JsonDocument.Parse(response);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(["batchItemFailures"], root.EnumerateObject().Select(p => p.Name).ToArray());
        return root.GetProperty("batchItemFailures").EnumerateArray().Select(item =>
        {
            Assert.Equal(["itemIdentifier"], item.EnumerateObject().Select(p => p.Name).ToArray());
            return item.GetProperty("itemIdentifier").GetString()!;
        }).ToArray();
    }

    private const string TypedConsumer = """
        namespace Shop
        {
            using System;
            using System.Threading.Tasks;
            using Sharpless;

            public class OrderConsumer
            {
                [SQSEvent("@OrdersQueue")]
                public async Task Handle(Order order)
                {
                    await Task.Yield();
                    if (order.Id == "poison") throw new InvalidOperationException("cannot ship " + order.Id);
                    Seen.Calls.Add(order.Id + "/" + order.Customer + "/" + order.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        """;

    [Fact]
    public async Task SqsBatch_HandlesEachMessage_AndReportsOnlyTheMalformedAndThePoisonMessage()
    {
        var host = await LoadAsync(TypedConsumer);

        var response = await host.InvokeAsync("Handle", Payload("sqs-standard.json"));

        Assert.Equal(["2e1424d4-f796-459a-8184-9c92662be6da", "c80e8021-a70a-42c7-a470-796e1186f753"], Failures(response));
        Assert.Equal(["o-1/c-7/12.5", "o-é 4/c-7/3"], Calls(host));
    }

    [Fact]
    public async Task SqsBatch_WithoutFailures_AnswersAnEmptyFailureList()
    {
        var host = await LoadAsync(TypedConsumer);
        var batch = """{"Records":[{"messageId":"m-1","body":"{\"Id\":\"o-9\",\"Customer\":\"c\",\"Total\":0}","attributes":{},"eventSource":"aws:sqs"}]}""";

        var response = await host.InvokeAsync("Handle", batch);

        Assert.Equal("""{"batchItemFailures":[]}""", response);
        Assert.Equal(["o-9/c/0"], Calls(host));
    }

    [Fact]
    public async Task SqsBatch_JsonNullBody_FailsThatMessage_WhenTheParameterDoesNotAcceptNull()
    {
        var host = await LoadAsync(TypedConsumer);
        var batch = """{"Records":[{"messageId":"m-null","body":"null"},{"messageId":"m-empty","body":""},{"messageId":"m-ok","body":"{\"Id\":\"x\",\"Customer\":\"c\",\"Total\":1}"}]}""";

        Assert.Equal(["m-null", "m-empty"], Failures(await host.InvokeAsync("Handle", batch)));
        Assert.Equal(["x/c/1"], Calls(host));
    }

    [Fact]
    public async Task SqsFifoBatch_ReportsTheRestOfAFailedGroup_WithoutHandlingIt_AndHandlesOtherGroups()
    {
        var host = await LoadAsync(TypedConsumer);

        var response = await host.InvokeAsync("Handle", Payload("sqs-fifo.json"));

        // a-1 succeeds; the poison message of group A fails, so a-3 (group A, later) is reported unhandled; group B runs.
        Assert.Equal(["22d6ee51-4cc7-4302-9e22-7cd8afdaadf5", "44d6ee51-4cc7-4302-9e22-7cd8afdaadf5"], Failures(response));
        Assert.Equal(["a-1/A/1", "b-1/B/3", "b-2/B/5"], Calls(host));
    }

    [Fact]
    public async Task SqsBatch_StringBodyAndMessageDetails_AreBound()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using Sharpless;
                using Sharpless.Events;

                public static class Audit
                {
                    [SQSEvent("arn:aws:sqs:us-east-2:123456789012:orders")]
                    public static void Record(string body, SqsMessage message)
                    {
                        message.MessageAttributes.TryGetValue("tenant", out var tenant);
                        Seen.Calls.Add(message.MessageId.Substring(0, 8) + "|" + message.ApproximateReceiveCount + "|" + (tenant ?? "-") + "|" +
                            message.SentTimestamp.ToUnixTimeMilliseconds() + "|" + message.EventSourceArn + "|" + (message.MessageGroupId ?? "standard") + "|" + (body == message.Body) + "|" + body.Length);
                    }
                }
            }
            """);

        var response = await host.InvokeAsync("Record", Payload("sqs-standard.json"));

        Assert.Empty(Failures(response));
        Assert.Equal(
            [
                "059f36b4|1|acme|1545082649183|arn:aws:sqs:us-east-2:123456789012:orders|standard|True|42",
                "2e1424d4|3|-|1545082650636|arn:aws:sqs:us-east-2:123456789012:orders|standard|True|23",
                "c80e8021|5|-|1545082650700|arn:aws:sqs:us-east-2:123456789012:orders|standard|True|42",
                "9b2a67e1|1|-|1545082650800|arn:aws:sqs:us-east-2:123456789012:orders|standard|True|46",
            ],
            Calls(host));
    }

    [Fact]
    public async Task SqsBatch_InBatchConcurrency_HandlesEveryMessage_AndStillReportsFailures()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using System;
                using System.Threading.Tasks;
                using Sharpless;

                public static class Parallel
                {
                    [SQSEvent("@OrdersQueue", MaxInBatchConcurrency = 3)]
                    public static async Task Handle(Order order)
                    {
                        await Task.Delay(10);
                        if (order.Id == "poison") throw new InvalidOperationException();
                        lock (Seen.Calls) Seen.Calls.Add(order.Id);
                    }
                }
            }
            """);

        var response = await host.InvokeAsync("Handle", Payload("sqs-standard.json"));

        Assert.Equal(["2e1424d4-f796-459a-8184-9c92662be6da", "c80e8021-a70a-42c7-a470-796e1186f753"], Failures(response).Order(StringComparer.Ordinal));
        Assert.Equal(["o-1", "o-é 4"], Calls(host).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SqsWholeBatch_ReportsAnUnreadableBodyAlone_AndEveryOtherMessageWhenTheMethodThrows()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Sharpless;

                public static class Bulk
                {
                    [SQSEvent("@OrdersQueue")]
                    public static async Task Import(IReadOnlyList<Order> orders)
                    {
                        await Task.Yield();
                        Seen.Calls.Add(string.Join(",", orders.Select(o => o.Id)));
                        if (orders.Any(o => o.Id == "poison")) throw new InvalidOperationException("the batch failed");
                    }
                }
            }
            """);

        var failed = Failures(await host.InvokeAsync("Import", Payload("sqs-standard.json")));
        var clean = Failures(await host.InvokeAsync("Import", Payload("sqs-standard.json").Replace("poison", "o-3", StringComparison.Ordinal)));

        Assert.Equal(["2e1424d4-f796-459a-8184-9c92662be6da", "059f36b4-87a3-44ab-83d2-661975830a7d", "c80e8021-a70a-42c7-a470-796e1186f753", "9b2a67e1-3c1f-4d8e-a0a4-5f6b7c8d9e0f"], failed);
        Assert.Equal(["2e1424d4-f796-459a-8184-9c92662be6da"], clean);
        Assert.Equal(["o-1,poison,o-é 4", "o-1,o-3,o-é 4"], Calls(host));
    }

    [Fact]
    public async Task SqsBatch_CloseToTheDeadline_ReportsEveryMessageUnhandled()
    {
        var host = await LoadAsync(TypedConsumer);

        var response = await host.InvokeAsync("Handle", Payload("sqs-fifo.json"), remainingTime: TimeSpan.FromMilliseconds(100));

        Assert.Equal(5, Failures(response).Length);
        Assert.Empty(Calls(host));
    }

    [Fact]
    public async Task SqsHandler_GivenAnotherEvent_FailsTheInvocation_SoLambdaRetriesTheWholeBatch()
    {
        var host = await LoadAsync(TypedConsumer);

        var error = await Assert.ThrowsAsync<LambdaPayloadException>(() => host.InvokeAsync("Handle", """{"detail-type":"Scheduled Event"}"""));
        Assert.Contains("'Handle' expects an SQS event: it has no 'Records'", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LambdaPayloadException>(() => host.InvokeAsync("Handle", "{\"Records\":[{\"body\":"));
    }

    private const string Projector = """
        namespace Shop
        {
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Sharpless;

            public class OrderProjector
            {
                [DynamoDBEvent("@OrdersTable", StartingPosition = "TRIM_HORIZON")]
                public Task OnChange(StoredOrder? oldImage, StoredOrder? newImage)
                {
                    if (newImage?.Note == "fail") throw new InvalidOperationException("projection failed");
                    Seen.Calls.Add(Describe(oldImage) + " -> " + Describe(newImage));
                    return Task.CompletedTask;
                }

                private static string Describe(StoredOrder? order) => order is null
                    ? "none"
                    : order.Id + "/" + order.CustomerId + "/" + order.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" +
                      string.Join("+", (order.Tags ?? new()).OrderBy(t => t)) + "/" + string.Join("+", (order.Lines ?? new()).Select(l => l.Sku + "x" + l.Quantity)) + "/" + order.Paid + "/" + (order.Note ?? "null");
            }
        }
        """;

    [Fact]
    public async Task StreamBatch_DecodesOldAndNewImagesWithTheGeneratedMapper_IncludingARemoveWithoutNewImage()
    {
        var host = await LoadAsync(Projector);

        var response = await host.InvokeAsync("OnChange", Payload("dynamodb-stream.json"));

        Assert.Empty(Failures(response));
        Assert.Equal(
            [
                "none -> o-1/c-7/12.5/gift+rush/A-1x2/True/null",
                "o-1/c-7/12.5/gift+rush//False/null -> o-1/c-7/20/gift//True/null",
                "o-1/c-7/20///True/null -> none",
            ],
            Calls(host));
    }

    [Fact]
    public async Task StreamBatch_AttributeNamesReadOncePerBatch_StillDecodeEscapedNamesAndMoreNamesThanTheTableHolds()
    {
        // The reader keeps each attribute name of a batch as one string (a 128-slot table on the name's UTF-8 bytes):
        // an escaped name must not be confused with its unescaped bytes, and names beyond the table are read as usual.
        var host = await LoadAsync(Projector);
        var extra = string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"x{i}\": {{ \"N\": \"{i}\" }}"));
        string Image(string id, string customerName, string more) =>
            $$$"""{"Id":{"S":"{{{id}}}"},"{{{customerName}}}":{"S":"c-{{{id}}}"},"Total":{"N":"1"},"Paid":{"BOOL":true}{{{more}}}}""";
        string Record(string sequence, string image) =>
            $$$"""{"eventID":"e","eventName":"INSERT","dynamodb":{"Keys":{"Id":{"S":"k"}},"NewImage":{{{image}}},"SequenceNumber":"{{{sequence}}}"}}""";
        var batch = "{\"Records\":[" + string.Join(",",
            Record("1", Image("a", "CustomerId", "")),
            Record("2", Image("b", "Customer\\u0049d", "")),
            Record("3", Image("c", "CustomerId", "," + extra)),
            Record("4", Image("d", "CustomerId", ""))) + "]}";

        var response = await host.InvokeAsync("OnChange", batch);

        Assert.Empty(Failures(response));
        Assert.Equal(
            ["none -> a/c-a/1///True/null", "none -> b/c-b/1///True/null", "none -> c/c-c/1///True/null", "none -> d/c-d/1///True/null"],
            Calls(host));
    }

    [Fact]
    public async Task StreamBatch_StopsAtTheFirstFailure_AndReportsItsSequenceNumber()
    {
        var host = await LoadAsync(Projector);
        var stream = Payload("dynamodb-stream.json").Replace("\"Paid\": { \"BOOL\": true }\n        },\n        \"OldImage\"", "\"Paid\": { \"BOOL\": true }, \"Note\": { \"S\": \"fail\" }\n        },\n        \"OldImage\"");
        Assert.Contains("\"fail\"", stream, StringComparison.Ordinal);

        var response = await host.InvokeAsync("OnChange", stream);

        // Lambda retries from the reported record, so the REMOVE after it must not be handled now.
        Assert.Equal(["13021600000000001596893680"], Failures(response));
        Assert.Single(Calls(host));
    }

    [Fact]
    public async Task StreamBatch_AnUnreadableImage_FailsThatRecord()
    {
        var host = await LoadAsync(Projector);
        var stream = Payload("dynamodb-stream.json").Replace("\"Total\": { \"N\": \"12.5\" },\n          \"Tags\": { \"SS\": [\"gift\", \"rush\"] },\n          \"Lines\"", "\"Total\": { \"S\": \"twelve\" },\n          \"Tags\": { \"SS\": [\"gift\", \"rush\"] },\n          \"Lines\"");
        Assert.Contains("twelve", stream, StringComparison.Ordinal);

        Assert.Equal(["13021600000000001596893679"], Failures(await host.InvokeAsync("OnChange", stream)));
        Assert.Empty(Calls(host));
    }

    [Fact]
    public async Task StreamBatch_ChangeRecord_CarriesKindKeysSequenceAndTime()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using Sharpless;
                using Sharpless.Events;

                public static class Changes
                {
                    [DynamoDBEvent("@OrdersTable")]
                    public static void Track(DynamoDBChange<StoredOrder> change) =>
                        Seen.Calls.Add(change.Kind + "|" + change.Keys["Id"].S + "|" + change.SequenceNumber + "|" + change.ApproximateCreationDateTime.ToUnixTimeSeconds() + "|" +
                            (change.OldImage?.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-") + "|" + (change.NewImage?.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-") + "|" + change.EventId.Substring(0, 4));
                }
            }
            """);

        Assert.Empty(Failures(await host.InvokeAsync("Track", Payload("dynamodb-stream.json"))));
        Assert.Equal(
            [
                "Insert|o-1|13021600000000001596893679|1479499740|-|12.5|c4ca",
                "Modify|o-1|13021600000000001596893680|1479499741|12.5|20|c81e",
                "Remove|o-1|13021600000000001596893681|1479499742|20|-|eccb",
            ],
            Calls(host));
    }

    [Fact]
    public async Task EventFunctions_AreListedInTheCatalog_WithTheirHandlerStrings()
    {
        var host = await LoadAsync(TypedConsumer + Projector);

        Assert.Equal("Orders::Shop.OrderConsumer_Handle_Handler::Handle", host.HandlerString("Handle"));
        Assert.Equal("Orders::Shop.OrderProjector_OnChange_Handler::Handle", host.HandlerString("OnChange"));
    }
}
