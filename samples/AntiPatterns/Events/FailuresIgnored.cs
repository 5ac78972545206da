using System;

namespace AntiPatterns.Events;

public sealed class OrderQueueConsumer
{
    // SLS7003: the handler reports failed messages, but template.yaml's OrderMessages event has no
    // FunctionResponseTypes: [ReportBatchItemFailures], so Lambda ignores the response and deletes the failed messages
    // with the rest of the batch.
    public BatchResponse Handle(QueueEvent evt)
    {
        var response = new BatchResponse();
        foreach (var message in evt.Records)
        {
            if (!Guid.TryParse(message.Body, out _))
            {
                response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        return response;
    }
}
