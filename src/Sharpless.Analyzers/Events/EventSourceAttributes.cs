using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sharpless.Events
{
    /// <summary>The event-source attributes Sharpless generates functions from, and what kind of trigger each declares.</summary>
    internal static class EventSourceAttributes
    {
        public const string Sqs = "Sharpless.SQSEventAttribute";
        public const string DynamoDB = "Sharpless.DynamoDBEventAttribute";
        public const string Sns = "Sharpless.SNSEventAttribute";
        public const string S3 = "Sharpless.S3EventAttribute";
        public const string Kinesis = "Sharpless.KinesisEventAttribute";
        public const string Schedule = "Sharpless.ScheduleEventAttribute";
        public const string EventBridge = "Sharpless.EventBridgeEventAttribute";
        public const string SqsMessage = "Sharpless.Events.SqsMessage";
        public const string SnsMessage = "Sharpless.Events.SnsMessage";
        public const string KinesisRecordInfo = "Sharpless.Events.KinesisRecordInfo";
        public const string S3ObjectEvent = "Sharpless.Events.S3ObjectEvent";
        public const string EventBridgeEnvelope = "Sharpless.Events.EventBridgeEnvelope";

        /// <summary>Every event-source attribute, for the generator's one pipeline per attribute.</summary>
        public static readonly string[] All = { Sqs, DynamoDB, Sns, S3, Kinesis, Schedule, EventBridge };
        public const string DynamoDBChange = "Sharpless.Events.DynamoDBChange`1";
        public const string DynamoDBTable = "Amazon.DynamoDBv2.DataModel.DynamoDBTableAttribute";

        /// <summary>An event-source method belongs to the event generator, not to the plain-function or route readers.</summary>
        public static bool IsEventSource(IMethodSymbol method) =>
            method.GetAttributes().Any(a => KindOf(a.AttributeClass) is not null);

        public static EventSourceKind? KindOf(INamedTypeSymbol? attributeClass) => attributeClass?.ToDisplayString() switch
        {
            Sqs => EventSourceKind.Sqs,
            DynamoDB => EventSourceKind.DynamoDB,
            Sns => EventSourceKind.Sns,
            S3 => EventSourceKind.S3,
            Kinesis => EventSourceKind.Kinesis,
            Schedule => EventSourceKind.Schedule,
            EventBridge => EventSourceKind.EventBridge,
            _ => null,
        };

        /// <summary>The type that carries an item's details besides its body, for each kind (none for DynamoDB streams).</summary>
        public static string? DetailsType(EventSourceKind kind) => kind switch
        {
            EventSourceKind.Sqs => SqsMessage,
            EventSourceKind.Sns => SnsMessage,
            EventSourceKind.Kinesis => KinesisRecordInfo,
            EventSourceKind.S3 => S3ObjectEvent,
            EventSourceKind.Schedule or EventSourceKind.EventBridge => EventBridgeEnvelope,
            _ => null,
        };

        /// <summary>How rules name the source: "SQS", "DynamoDB stream", ….</summary>
        public static string Describe(EventSourceKind kind) => kind switch
        {
            EventSourceKind.Sqs => "SQS",
            EventSourceKind.DynamoDB => "DynamoDB stream",
            EventSourceKind.Sns => "SNS",
            EventSourceKind.S3 => "S3",
            EventSourceKind.Kinesis => "Kinesis",
            EventSourceKind.Schedule => "schedule",
            _ => "EventBridge",
        };

        /// <summary>What one unit of the event is called: message, record or event.</summary>
        public static string ItemName(EventSourceKind kind) => kind switch
        {
            EventSourceKind.Sqs or EventSourceKind.Sns => "message",
            EventSourceKind.Schedule or EventSourceKind.EventBridge => "event",
            _ => "record",
        };

        /// <summary>The attribute's name as written in code.</summary>
        public static string AttributeName(EventSourceKind kind) => kind switch
        {
            EventSourceKind.Sqs => "SQSEvent",
            EventSourceKind.DynamoDB => "DynamoDBEvent",
            EventSourceKind.Sns => "SNSEvent",
            EventSourceKind.S3 => "S3Event",
            EventSourceKind.Kinesis => "KinesisEvent",
            EventSourceKind.Schedule => "ScheduleEvent",
            _ => "EventBridgeEvent",
        };
    }
}
