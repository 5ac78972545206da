using System.Collections.Generic;

namespace AntiPatterns.Events;

// The shapes Lambda sends and reads for SQS and stream batches. Amazon.Lambda.SQSEvents/DynamoDBEvents declare the same
// (SQSEvent, SQSBatchResponse, StreamsEventResponse); this sample cannot restore them here, and Lambda reads any class
// that serializes to { "batchItemFailures": [{ "itemIdentifier": "…" }] } as a batch response.
public sealed class QueueEvent
{
    public List<QueueMessage> Records { get; set; } = [];
}

public sealed class QueueMessage
{
    public string MessageId { get; set; } = "";

    public string Body { get; set; } = "";
}

public sealed class StreamEvent
{
    public List<StreamRecord> Records { get; set; } = [];
}

public sealed class StreamRecord
{
    public string EventName { get; set; } = "";

    public string SequenceNumber { get; set; } = "";
}

public sealed class BatchResponse
{
    public List<BatchItemFailure> BatchItemFailures { get; set; } = [];
}

public sealed class BatchItemFailure
{
    public string ItemIdentifier { get; set; } = "";
}
