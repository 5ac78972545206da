using System.Text.Json.Serialization;

// The event and response classes a .NET Lambda function reads SQS and DynamoDB stream events into, declared here with
// the public shape of Amazon.Lambda.SQSEvents (SQSEvent, SQSBatchResponse) and Amazon.Lambda.DynamoDBEvents 3.x
// (DynamoDBEvent with the library's own AttributeValue, StreamsEventResponse): those packages cannot be restored in this
// environment. Same type names, nesting, property names and property types; JSON property names come, as with the Lambda
// serializers, from the naming policy and case-insensitive matching in the context's options (LambdaEventJson), except
// where the packages themselves carry [JsonPropertyName] (the batch responses).
namespace Sharpless.Benchmarks.Events.LambdaEvents;

/// <summary>Shape of <c>Amazon.Lambda.SQSEvents.SQSEvent</c>.</summary>
public class SQSEvent
{
    public List<SQSMessage> Records { get; set; } = null!;

    public class MessageAttribute
    {
        public string? StringValue { get; set; }

        public MemoryStream? BinaryValue { get; set; }

        public List<string>? StringListValues { get; set; }

        public List<MemoryStream>? BinaryListValues { get; set; }

        public string? DataType { get; set; }
    }

    public class SQSMessage
    {
        public string MessageId { get; set; } = null!;

        public string? ReceiptHandle { get; set; }

        public string Body { get; set; } = null!;

        public string? Md5OfBody { get; set; }

        public string? Md5OfMessageAttributes { get; set; }

        public string? EventSourceArn { get; set; }

        public string? EventSource { get; set; }

        public string? AwsRegion { get; set; }

        public Dictionary<string, string>? Attributes { get; set; }

        public Dictionary<string, MessageAttribute>? MessageAttributes { get; set; }
    }
}

/// <summary>Shape of <c>Amazon.Lambda.SQSEvents.SQSBatchResponse</c>.</summary>
public class SQSBatchResponse
{
    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; } = null!;

    public class BatchItemFailure
    {
        [JsonPropertyName("itemIdentifier")]
        public string ItemIdentifier { get; set; } = null!;
    }
}

/// <summary>Shape of <c>Amazon.Lambda.DynamoDBEvents.DynamoDBEvent</c> (3.x, which no longer depends on the AWS SDK).</summary>
public class DynamoDBEvent
{
    public IList<DynamodbStreamRecord> Records { get; set; } = null!;

    public class DynamodbStreamRecord
    {
        public string? EventSourceArn { get; set; }

        public string? AwsRegion { get; set; }

        public StreamRecord Dynamodb { get; set; } = null!;

        public string? EventID { get; set; }

        public string? EventName { get; set; }

        public string? EventSource { get; set; }

        public string? EventVersion { get; set; }

        public Identity? UserIdentity { get; set; }
    }

    public class StreamRecord
    {
        public DateTime ApproximateCreationDateTime { get; set; }

        public Dictionary<string, AttributeValue>? Keys { get; set; }

        public Dictionary<string, AttributeValue>? NewImage { get; set; }

        public Dictionary<string, AttributeValue>? OldImage { get; set; }

        public string SequenceNumber { get; set; } = null!;

        public long SizeBytes { get; set; }

        public string? StreamViewType { get; set; }
    }

    public class Identity
    {
        public string? PrincipalId { get; set; }

        public string? Type { get; set; }
    }

    /// <summary>The event library's own attribute value (not the SDK's <c>Amazon.DynamoDBv2.Model.AttributeValue</c>).</summary>
    public class AttributeValue
    {
        public MemoryStream? B { get; set; }

        public bool? BOOL { get; set; }

        public List<MemoryStream>? BS { get; set; }

        public List<AttributeValue>? L { get; set; }

        public Dictionary<string, AttributeValue>? M { get; set; }

        public string? N { get; set; }

        public List<string>? NS { get; set; }

        public bool? NULL { get; set; }

        public string? S { get; set; }

        public List<string>? SS { get; set; }
    }
}

/// <summary>Shape of <c>Amazon.Lambda.DynamoDBEvents.StreamsEventResponse</c>.</summary>
public class StreamsEventResponse
{
    [JsonPropertyName("batchItemFailures")]
    public IList<BatchItemFailure> BatchItemFailures { get; set; } = null!;

    public class BatchItemFailure
    {
        [JsonPropertyName("itemIdentifier")]
        public string ItemIdentifier { get; set; } = null!;
    }
}
