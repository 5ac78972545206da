using Sharpless.DynamoDB;
using Sharpless.Events;
using Sharpless.Functions.Tests.Infrastructure;
using Sharpless.TestKit;

namespace Sharpless.Functions.Tests.Events;

/// <summary>SLS7001, SLS7002, SLS7008 and the SLS1xxx rules event functions share with [LambdaFunction].</summary>
public sealed class EventRulesTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using System.Text.Json.Serialization;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Lambda.Core;
        using Sharpless;
        using Sharpless.Events;

        public sealed record Order(string Id);

        [JsonSerializable(typeof(Order))]
        internal partial class AppJson : JsonSerializerContext { }

        [DynamoDBTable("Orders")]
        public sealed class StoredOrder { [DynamoDBHashKey] public string Id { get; set; } = ""; }

        public sealed class NotAModel { public string Id { get; set; } = ""; }

        """;

    private static ProjectBuilder Rules(string markup) =>
        new ProjectBuilder()
            .WithAssemblyName("Orders")
            .WithLambdaStandIns()
            .WithDependencyInjection()
            .WithReference(typeof(Amazon.DynamoDBv2.Model.AttributeValue).Assembly)
            .WithReference(typeof(Amazon.Runtime.AmazonServiceClient).Assembly)
            .WithSourceCode(Usings + markup)
            .WithGenerator(JsonSourceGenerator.Instance)
            .WithAnalyzer<EventFunctionAnalyzer>();

    [Fact]
    public Task CorrectFunctions_OfEveryShape_AreQuiet() => Rules("""
        public class Functions
        {
            [SQSEvent("@OrdersQueue", BatchSize = 10, MaximumBatchingWindowInSeconds = 300, MaximumConcurrency = 2, Filters = "{\"body\": {\"kind\": [\"order\"]}}")]
            public Task Typed(Order order, SqsMessage message, ILambdaContext context, CancellationToken cancellationToken) => Task.CompletedTask;

            [SQSEvent("arn:aws:sqs:eu-west-1:123456789012:orders", BatchSize = 10000, MaximumBatchingWindowInSeconds = 1, MaxInBatchConcurrency = 8)]
            public static void Raw(string body) { }

            [LambdaFunction(Name = "Project", MemorySize = 256, Timeout = 30)]
            [DynamoDBEvent("@OrdersTable", StartingPosition = "TRIM_HORIZON", BatchSize = 10000, MaximumRetryAttempts = 10000, OnFailure = "@StreamFailures")]
            public ValueTask OnChange(StoredOrder? oldImage, StoredOrder? newImage) => default;

            [DynamoDBEvent("arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000", MaximumRetryAttempts = 0)]
            public static void Track(DynamoDBChange<StoredOrder> change, ILambdaContext context) { }

            [DynamoDBEvent("@OrdersTable")]
            public static void NewOnly(StoredOrder? newImage) { }
        }
        """).ValidateAsync();

    private static Task Reports(string id, string message, string markup) =>
        Rules(markup).WithDefaultRuleId(id).ShouldReportDiagnosticWithMessage(message).ValidateAsync();

    [Theory]
    [InlineData("SQSEvent(\"@OrdersQueue\", BatchSize = 11)", "BatchSize of [SQSEvent] is 11; above 10 messages AWS requires MaximumBatchingWindowInSeconds of at least 1")]
    [InlineData("SQSEvent(\"@OrdersQueue\", BatchSize = 10001, MaximumBatchingWindowInSeconds = 1)", "BatchSize of [SQSEvent] is 10001; AWS accepts 1 to 10, or up to 10,000 on a standard queue with a batching window")]
    [InlineData("SQSEvent(\"arn:aws:sqs:eu-west-1:123456789012:orders.fifo\", BatchSize = 20)", "BatchSize of [SQSEvent] is 20; a FIFO queue accepts 1 to 10")]
    [InlineData("SQSEvent(\"arn:aws:sqs:eu-west-1:123456789012:orders.fifo\", MaximumBatchingWindowInSeconds = 5)", "MaximumBatchingWindowInSeconds of [SQSEvent] is 5; a FIFO queue has no batching window")]
    [InlineData("SQSEvent(\"@OrdersQueue\", MaximumBatchingWindowInSeconds = 301)", "MaximumBatchingWindowInSeconds of [SQSEvent] is 301; AWS accepts 0 to 300 seconds")]
    [InlineData("SQSEvent(\"@OrdersQueue\", MaximumConcurrency = 1)", "MaximumConcurrency of [SQSEvent] is 1; AWS accepts 2 to 1,000")]
    [InlineData("SQSEvent(\"@OrdersQueue\", MaxInBatchConcurrency = 0)", "MaxInBatchConcurrency of [SQSEvent] is 0; it is 1 (one message at a time) to 100")]
    [InlineData("SQSEvent(\"orders\")", "Queue of [SQSEvent] is 'orders'; use '@LogicalId' of a template resource or an ARN ('arn:…')")]
    [InlineData("SQSEvent(\"@OrdersQueue\", Filters = \"kind = order\")", "Filters of [SQSEvent] is 'kind = order'; each filter is a JSON object pattern such as {\"body\": {\"type\": [\"order\"]}}")]
    [InlineData("SQSEvent(\"@OrdersQueue\", ResourceName = \"orders-queue\")", "ResourceName of [SQSEvent] is 'orders-queue'; a template event name is letters and digits")]
    public Task SLS7001_SqsSettingOutsideAwsRange_IsReported(string attribute, string message) => Reports("SLS7001", message, $$"""
        public static class Functions
        {
            [[|{{attribute}}|]]
            public static void Handle(string body) { }
        }
        """);

    [Theory]
    [InlineData("DynamoDBEvent(\"@OrdersTable\", BatchSize = 10001)", "BatchSize of [DynamoDBEvent] is 10001; AWS accepts 1 to 10,000")]
    [InlineData("DynamoDBEvent(\"@OrdersTable\", StartingPosition = \"AT_TIMESTAMP\")", "StartingPosition of [DynamoDBEvent] is 'AT_TIMESTAMP'; a DynamoDB stream starts at LATEST or TRIM_HORIZON")]
    [InlineData("DynamoDBEvent(\"@OrdersTable\", MaximumRetryAttempts = -2)", "MaximumRetryAttempts of [DynamoDBEvent] is -2; AWS accepts -1 (until the record expires) to 10,000")]
    [InlineData("DynamoDBEvent(\"@OrdersTable\", OnFailure = \"dlq\")", "OnFailure of [DynamoDBEvent] is 'dlq'; use '@LogicalId' of an SQS queue or SNS topic, or an ARN")]
    [InlineData("DynamoDBEvent(\"@OrdersTable\", MaximumBatchingWindowInSeconds = -1)", "MaximumBatchingWindowInSeconds of [DynamoDBEvent] is -1; AWS accepts 0 to 300 seconds")]
    public Task SLS7001_StreamSettingOutsideAwsRange_IsReported(string attribute, string message) => Reports("SLS7001", message, $$"""
        public static class Functions
        {
            [[|{{attribute}}|]]
            public static void Handle(StoredOrder? newImage) { }
        }
        """);

    [Theory]
    [InlineData("[SQSEvent(\"@Q\")] public static void TwoBodies(string body, Order [|order|]) { }", "'TwoBodies' cannot handle SQS events: 'order' would be a second message body; a function handles one message at a time")]
    [InlineData("[SQSEvent(\"@Q\")] public static void [|NoBody|](ILambdaContext context) { }", "'NoBody' cannot handle SQS events: it has no parameter for the message body; add one (string or a typed value)")]
    [InlineData("[SQSEvent(\"@Q\")] public static void Raw(Stream [|input|]) { }", "'Raw' cannot handle SQS events: 'input' is a Stream; take the message body as a string or a typed value")]
    [InlineData("[SQSEvent(\"@Q\")] public static Order [|Returns|](Order order) => order;", "'Returns' cannot handle SQS events: it returns 'Order'; return void, Task or ValueTask and throw to report the message failed")]
    [InlineData("[SQSEvent(\"@Q\")] public static Task<bool> [|ReturnsTask|](Order order) => Task.FromResult(true);", "'ReturnsTask' cannot handle SQS events: it returns 'bool'; return void, Task or ValueTask and throw to report the message failed")]
    [InlineData("[DynamoDBEvent(\"@T\")] public static void NotMapped(NotAModel [|newImage|]) { }", "'NotMapped' cannot handle DynamoDB stream events: 'NotAModel' has no [DynamoDBTable], so no generated mapper can read it from the stream's images")]
    [InlineData("[DynamoDBEvent(\"@T\")] public static void Three(StoredOrder? a, StoredOrder? b, StoredOrder? [|c|]) { }", "'Three' cannot handle DynamoDB stream events: 'c' would be a third image; take (oldImage, newImage) or one DynamoDBChange<T>")]
    [InlineData("[DynamoDBEvent(\"@T\")] public static void [|NoImage|](ILambdaContext context) { }", "'NoImage' cannot handle DynamoDB stream events: it has no image parameter; take (Order? oldImage, Order? newImage) or DynamoDBChange<Order> for a [DynamoDBTable] model")]
    public Task SLS7002_ShapeNoHandlerCanCall_IsReported(string method, string message) => Reports("SLS7002", message, $$"""
        public static class Functions
        {
            {{method}}
        }
        """);

    [Theory]
    [InlineData("S3Event(\"arn:aws:s3:::uploads\")", "Bucket of [S3Event] is 'arn:aws:s3:::uploads'; SAM subscribes a function only to a bucket of the same template: use '@LogicalId'")]
    [InlineData("S3Event(\"@Uploads\", Events = \"ObjectCreated:*\")", "Events of [S3Event] is 'ObjectCreated:*'; S3 event types start with 's3:' (s3:ObjectCreated:*, s3:ObjectRemoved:*, …)")]
    public Task SLS7001_S3SettingOutsideWhatSamAccepts_IsReported(string attribute, string message) => Reports("SLS7001", message, $$"""
        public static class Functions
        {
            [[|{{attribute}}|]]
            public static void Handle(S3ObjectEvent record) { }
        }
        """);

    [Theory]
    [InlineData("ScheduleEvent(\"every 5 minutes\")", "Schedule of [ScheduleEvent] is 'every 5 minutes'; a schedule is rate(value unit) or cron(minutes hours day-of-month month day-of-week year)")]
    [InlineData("ScheduleEvent(\"rate(1 minutes)\")", "Schedule of [ScheduleEvent] is 'rate(1 minutes)'; a value of 1 takes the singular unit: rate(1 minute)")]
    [InlineData("ScheduleEvent(\"rate(5 hour)\")", "Schedule of [ScheduleEvent] is 'rate(5 hour)'; a value above 1 takes the plural unit: rate(5 hours)")]
    [InlineData("ScheduleEvent(\"rate(0 days)\")", "Schedule of [ScheduleEvent] is 'rate(0 days)'; a rate is a positive whole number and a unit, such as rate(5 minutes)")]
    [InlineData("ScheduleEvent(\"rate(5 weeks)\")", "Schedule of [ScheduleEvent] is 'rate(5 weeks)'; the unit of a rate is minute(s), hour(s) or day(s)")]
    [InlineData("ScheduleEvent(\"cron(0 12 * * *)\")", "Schedule of [ScheduleEvent] is 'cron(0 12 * * *)'; a cron expression has six fields (minutes hours day-of-month month day-of-week year), not 5")]
    [InlineData("ScheduleEvent(\"cron(0 12 * * MON *)\")", "Schedule of [ScheduleEvent] is 'cron(0 12 * * MON *)'; exactly one of day-of-month and day-of-week must be '?' (cron(0 12 * * ? *), cron(0 8 ? * MON-FRI *))")]
    public Task SLS7001_ScheduleThatEventBridgeRefuses_IsReported(string attribute, string message) => Reports("SLS7001", message, $$"""
        public static class Functions
        {
            [[|{{attribute}}|]]
            public static void Run() { }
        }
        """);

    [Theory]
    [InlineData("SNSEvent(\"@Topic\", FilterPolicy = \"kind = order\")", "FilterPolicy of [SNSEvent] is 'kind = order'; a filter policy is a JSON object such as {\"kind\": [\"order\"]}")]
    [InlineData("SNSEvent(\"topic\")", "Topic of [SNSEvent] is 'topic'; use '@LogicalId' of a template resource or an ARN ('arn:…')")]
    [InlineData("KinesisEvent(\"@Clicks\", StartingPosition = \"AT_TIMESTAMP\")", "StartingPosition of [KinesisEvent] is 'AT_TIMESTAMP'; a Kinesis trigger declared here starts at LATEST or TRIM_HORIZON (AT_TIMESTAMP needs a timestamp: declare that trigger in the template)")]
    public Task SLS7001_MessageSourceSettingOutsideRange_IsReported(string attribute, string message) => Reports("SLS7001", message, $$"""
        public static class Functions
        {
            [[|{{attribute}}|]]
            public static void Handle(string body) { }
        }
        """);

    [Fact]
    public Task SLS7001_EventBridgeRuleMatchingNothing_IsReported() => Reports(
        "SLS7001",
        "Source and DetailType of [EventBridgeEvent] is empty; a rule needs at least one of them to match events",
        """
        public static class Functions
        {
            [[|EventBridgeEvent(EventBus = "@Bus")|]]
            public static void Handle(Order detail) { }
        }
        """);

    [Theory]
    [InlineData("[S3Event(\"@B\")] public static void [|NoRecord|](ILambdaContext context) { }", "'NoRecord' cannot handle S3 events: it has no S3ObjectEvent parameter for the record")]
    [InlineData("[S3Event(\"@B\")] public static void Typed(Order [|order|]) { }", "'Typed' cannot handle S3 events: 'order' is neither S3ObjectEvent, ILambdaContext, CancellationToken nor [FromServices]")]
    [InlineData("[ScheduleEvent(\"rate(1 day)\")] public static void Run(string [|text|]) { }", "'Run' cannot handle schedule events: 'text' is neither EventBridgeEnvelope, ILambdaContext, CancellationToken nor [FromServices]")]
    [InlineData("[SNSEvent(\"@T\")] public static void [|NoMessage|]() { }", "'NoMessage' cannot handle SNS events: it has no parameter for the message body; add one (string or a typed value)")]
    [InlineData("[KinesisEvent(\"@S\")] public static void Two(string a, string [|b|]) { }", "'Two' cannot handle Kinesis events: 'b' would be a second record data; a function handles one record at a time")]
    public Task SLS7002_ShapeOfOtherSourcesNoHandlerCanCall_IsReported(string method, string message) => Reports("SLS7002", message, $$"""
        public static class Functions
        {
            {{method}}
        }
        """);

    [Fact]
    public Task CorrectFunctionsOfTheOtherSources_AreQuiet() => Rules("""
        public class More
        {
            [SNSEvent("@OrderEvents", FilterPolicy = "{\"kind\": [\"OrderPlaced\"]}")]
            public Task OnOrder(Order order, SnsMessage message, CancellationToken cancellationToken, ILambdaContext context) => Task.CompletedTask;

            [S3Event("@Uploads", Events = "s3:ObjectCreated:*;s3:ObjectRemoved:*", Prefix = "in/", Suffix = ".csv")]
            public static void OnObject(S3ObjectEvent record) { }

            [KinesisEvent("@Clicks", StartingPosition = "TRIM_HORIZON", BatchSize = 500, MaximumRetryAttempts = 3, OnFailure = "@Failures")]
            public static void OnClick(byte[] data, KinesisRecordInfo record) { }

            [ScheduleEvent("cron(0 8 ? * MON-FRI *)")]
            public static Task Morning(EventBridgeEnvelope scheduled) => Task.CompletedTask;

            [ScheduleEvent("rate(1 hour)", Enabled = false)]
            public static void Hourly() { }

            [EventBridgeEvent(Source = "com.shop.orders;com.shop.returns", DetailType = "OrderPlaced")]
            public static void OnPlaced(Order detail, EventBridgeEnvelope envelope) { }

            [EventBridgeEvent(DetailType = "OrderPlaced")]
            public static void EnvelopeOnly(EventBridgeEnvelope envelope) { }
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS7008_FifoQueueWithInBatchConcurrency_IsReported() => Reports(
        "SLS7008",
        "[SQSEvent] on 'A' sets MaxInBatchConcurrency to 4, but queue 'arn:aws:sqs:eu-west-1:123456789012:orders.fifo' is a FIFO queue; messages of one group must be handled in order",
        """
        public static class Functions
        {
            [[|SQSEvent("arn:aws:sqs:eu-west-1:123456789012:orders.fifo", MaxInBatchConcurrency = 4)|]]
            public static void A(string body) { }

            [SQSEvent("arn:aws:sqs:eu-west-1:123456789012:orders.fifo")]
            public static void Sequential(string body) { }
        }
        """);

    [Fact]
    public Task SLS1008_AnEventFunctionNamedLikeAnotherFunction_IsReportedOnBoth() => Rules("""
        public static class A
        {
            [{|SLS1008:SQSEvent("@Q")|}]
            public static void Handle(string body) { }
        }

        public static class B
        {
            [{|SLS1008:LambdaFunction(Name = "Handle")|}]
            public static string Ping(string text) => text;
        }
        """).WithAnalyzer<Sharpless.Functions.LambdaFunctionAnalyzer>().ValidateAsync();

    [Fact]
    public Task SharedFunctionRules_ApplyToEventFunctions() => Rules("""
        public static class Functions
        {
            [SQSEvent("@Q")]
            private static void {|SLS1001:Hidden|}(string body) { }

            [SQSEvent("@Q")]
            public static void Cancel(string body, CancellationToken cancellationToken) { }
        }

        public sealed record Unregistered(string Id);

        public static class More
        {
            [SQSEvent("@Q")]
            public static void Typed(Unregistered {|SLS1010:message|}) { }
        }
        """).ValidateAsync();
}
