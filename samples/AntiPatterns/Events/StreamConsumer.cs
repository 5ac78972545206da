namespace AntiPatterns.Events;

public sealed class LedgerStreamConsumer
{
    // The code is right: it returns the first failed record's sequence number. The template is not (SLS7007 on the
    // LedgerChanges event): nothing bounds the retries of a record that always fails, so its shard stops for 24 hours.
    public BatchResponse Handle(StreamEvent evt)
    {
        var response = new BatchResponse();
        foreach (var record in evt.Records)
        {
            if (record.EventName.Length == 0)
            {
                response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = record.SequenceNumber });
                break;
            }
        }

        return response;
    }
}
