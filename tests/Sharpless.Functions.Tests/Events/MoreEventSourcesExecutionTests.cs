using System.Reflection;
using Sharpless.Functions.Tests.Infrastructure;

namespace Sharpless.Functions.Tests.Events;

/// <summary>
/// Generated SNS, S3, Kinesis, schedule and EventBridge handlers, invoked as the Lambda runtime invokes them on event
/// JSON shaped as the AWS Lambda developer guide documents it.
/// </summary>
public sealed class MoreEventSourcesExecutionTests
{
    private const string Models = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;

        namespace Shop
        {
            public sealed record Order(string Id, string Customer, decimal Total);

            [JsonSerializable(typeof(Order))]
            internal partial class AppJson : JsonSerializerContext { }

            public static class Seen
            {
                public static readonly List<string> Calls = new List<string>();
            }
        }

        """;

    private static async Task<FunctionHost> LoadAsync(string functions) =>
        FunctionProject.Load(await FunctionProject.Create(Models + functions).RunGeneratorsAsync());

    private static string Payload(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Events", "Payloads", name));

    private static List<string> Calls(FunctionHost host) =>
        (List<string>)host.Assembly.GetType("Shop.Seen", throwOnError: true)!.GetField("Calls", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static string Money(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Sns_TypedMessageAndDetails_AreBound_AndTheResponseIsEmpty()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using Sharpless;
                using Sharpless.Events;

                public static class Notifications
                {
                    [SNSEvent("@OrderEvents", FilterPolicy = "{\"kind\": [\"OrderPlaced\"]}")]
                    public static void OnOrder(Order order, SnsMessage message) =>
                        Seen.Calls.Add(order.Id + "|" + order.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + message.Subject + "|" + message.MessageAttributes["kind"] + "|" + message.TopicArn + "|" + message.Timestamp.ToUnixTimeSeconds());
                }
            }
            """);

        Assert.Equal(string.Empty, await host.InvokeAsync("OnOrder", Payload("sns.json")));
        Assert.Equal(["o-1|12.5|order placed|OrderPlaced|arn:aws:sns:us-east-1:123456789012:order-events|1546433107"], Calls(host));
    }

    [Fact]
    public async Task Sns_AMessageThatThrows_FailsTheInvocation_SoLambdaRetriesIt()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                public static class Notifications
                {
                    [Sharpless.SNSEvent("arn:aws:sns:us-east-1:123456789012:order-events")]
                    public static void OnText(string message) => throw new System.InvalidOperationException("down: " + message.Length);
                }
            }
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.InvokeAsync("OnText", Payload("sns.json")));
        Assert.Equal("down: 42", error.Message);
    }

    [Fact]
    public async Task S3_KeysAreUrlDecoded_AndEveryRecordIsHandled()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using System.Threading.Tasks;
                using Sharpless;
                using Sharpless.Events;

                public class Uploads
                {
                    [S3Event("@UploadsBucket", Prefix = "incoming/", Suffix = ".csv")]
                    public Task OnObject(S3ObjectEvent s3)
                    {
                        Seen.Calls.Add(s3.EventName + "|" + s3.Bucket + "|" + s3.Key + "|" + s3.Size + "|" + (s3.ETag ?? "-") + "|" + (s3.VersionId ?? "-") + "|" + s3.Sequencer + "|" + s3.EventTime.ToUnixTimeMilliseconds());
                        return Task.CompletedTask;
                    }
                }
            }
            """);

        Assert.Equal(string.Empty, await host.InvokeAsync("OnObject", Payload("s3.json")));
        Assert.Equal(
            [
                "ObjectCreated:Put|lambda-artifacts-deafc19498e3f2df|incoming/Monthly Report (2019) + café.csv|1305107|b21b84d653bb07b05b1e6b33684dc11b|096fKKXTRTtl3on89fVO.nfljtsv6qko|0C0F6F405D6ED209E1|1567539447192",
                "ObjectRemoved:Delete|lambda-artifacts-deafc19498e3f2df|incoming/old.csv|0|-|-|0C0F6F405D6ED209E2|1567539448000",
            ],
            Calls(host));
    }

    private const string KinesisConsumer = """
        namespace Shop
        {
            using Sharpless;
            using Sharpless.Events;

            public static class Clicks
            {
                [KinesisEvent("@ClickStream", StartingPosition = "TRIM_HORIZON", MaximumRetryAttempts = 2, OnFailure = "@ClickFailures")]
                public static void OnRecord(Order order, KinesisRecordInfo record) =>
                    Seen.Calls.Add(order.Id + "|" + order.Customer + "|" + record.PartitionKey + "|" + record.ApproximateArrivalTimestamp.ToUnixTimeMilliseconds());

                [KinesisEvent("arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream")]
                public static void Raw(byte[] data) => Seen.Calls.Add(data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        """;

    [Fact]
    public async Task Kinesis_Base64DataIsDecodedAndTyped_AndTheFirstBadRecordStopsTheBatch()
    {
        var host = await LoadAsync(KinesisConsumer);

        var response = await host.InvokeAsync("OnRecord", Payload("kinesis.json"));

        // The third record's data is not base64: it is reported, and the fourth waits for the retry that starts there.
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"49590338271490256608559692540925702759324208523137515619"}]}""", response);
        Assert.Equal(["o-1|c-7|c-7|1545084650987", "o-é|c-8|c-8|1545084711166"], Calls(host));
    }

    [Fact]
    public async Task Kinesis_BytesParameter_GetsTheDecodedData()
    {
        var host = await LoadAsync(KinesisConsumer);
        var twoRecords = """{"Records":[{"kinesis":{"sequenceNumber":"1","data":"AAEC"}},{"kinesis":{"sequenceNumber":"2","data":""}}]}""";

        Assert.Equal("""{"batchItemFailures":[]}""", await host.InvokeAsync("Raw", twoRecords));
        Assert.Equal(["3", "0"], Calls(host));
    }

    [Fact]
    public async Task EventBridge_DetailIsTyped_AndTheEnvelopeIsBound()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using Sharpless;
                using Sharpless.Events;

                public static class Rules
                {
                    [EventBridgeEvent(Source = "com.shop.orders", DetailType = "OrderPlaced", EventBus = "@OrdersBus")]
                    public static void OnPlaced(Order detail, EventBridgeEnvelope envelope) =>
                        Seen.Calls.Add(detail.Id + "|" + detail.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + envelope.Source + "|" + envelope.DetailType + "|" + envelope.Time.ToUnixTimeSeconds() + "|" + envelope.Resources[0]);

                    [EventBridgeEvent(Source = "com.shop.orders")]
                    public static void Raw(string detail) => Seen.Calls.Add(detail);
                }
            }
            """);

        Assert.Equal(string.Empty, await host.InvokeAsync("OnPlaced", Payload("eventbridge.json")));
        Assert.Equal(string.Empty, await host.InvokeAsync("Raw", Payload("eventbridge.json")));
        Assert.Equal(
            ["o-1|12.5|com.shop.orders|OrderPlaced|1588058420|arn:aws:events:us-east-2:123456789012:event-bus/orders", """{ "Id": "o-1", "Customer": "c-7", "Total": 12.5 }"""],
            Calls(host));
        await Assert.ThrowsAsync<LambdaPayloadException>(() => host.InvokeAsync("OnPlaced", """{"detail-type":"OrderPlaced","source":"com.shop.orders","detail":null}"""));
        var notAnEvent = await Assert.ThrowsAsync<LambdaPayloadException>(() => host.InvokeAsync("OnPlaced", """{"Records":[]}"""));
        Assert.Contains("'OnPlaced' expects an EventBridge event: it has no 'detail-type'", notAnEvent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_RunsWithTheScheduledTime()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Sharpless;
                using Sharpless.Events;

                public static class Jobs
                {
                    [ScheduleEvent("cron(0 3 * * ? *)", Description = "nightly cleanup")]
                    public static async Task Cleanup(EventBridgeEnvelope scheduled, ILambdaContext context, CancellationToken cancellationToken)
                    {
                        await Task.Delay(1, cancellationToken);
                        Seen.Calls.Add(scheduled.DetailType + "|" + scheduled.Time.ToUnixTimeSeconds() + "|" + context.FunctionName);
                    }

                    [ScheduleEvent("rate(5 minutes)")]
                    public static void Tick() => Seen.Calls.Add("tick");
                }
            }
            """);

        Assert.Equal(string.Empty, await host.InvokeAsync("Cleanup", Payload("schedule.json")));
        Assert.Equal(string.Empty, await host.InvokeAsync("Tick", Payload("schedule.json")));
        Assert.Equal(["Scheduled Event|1551403425|orders", "tick"], Calls(host));
    }
}
