using System;

namespace AntiPatterns.Events;

public sealed class AuditQueueConsumer
{
    // SLS7004: template.yaml's AuditMessages event sets ReportBatchItemFailures, but the handler returns nothing; one bad
    // message throws and every message of the batch is delivered again.
    public void Handle(QueueEvent evt)
    {
        foreach (var message in evt.Records)
        {
            if (message.Body.Length == 0)
            {
                throw new InvalidOperationException("empty audit message " + message.MessageId);
            }
        }
    }
}
