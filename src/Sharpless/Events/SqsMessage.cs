using System;
using System.Collections.Generic;

namespace Sharpless.Events
{
    /// <summary>
    /// What an SQS message carries besides its body, for an <c>[SQSEvent]</c> method that asks for it with a parameter
    /// of this type. Message attributes hold their string value (binary values are base64, as SQS sends them).
    /// </summary>
    public sealed class SqsMessage
    {
        /// <summary>Created by the generated handler for each message; public so tests can build one.</summary>
        public SqsMessage(
            string messageId,
            string body,
            int approximateReceiveCount,
            string? messageGroupId,
            string? messageDeduplicationId,
            DateTimeOffset sentTimestamp,
            IReadOnlyDictionary<string, string> messageAttributes,
            string eventSourceArn)
        {
            MessageId = messageId;
            Body = body;
            ApproximateReceiveCount = approximateReceiveCount;
            MessageGroupId = messageGroupId;
            MessageDeduplicationId = messageDeduplicationId;
            SentTimestamp = sentTimestamp;
            MessageAttributes = messageAttributes;
            EventSourceArn = eventSourceArn;
        }

        /// <summary>The message ID; the generated handler reports it in <c>batchItemFailures</c> when the message fails.</summary>
        public string MessageId { get; }

        /// <summary>The body as sent.</summary>
        public string Body { get; }

        /// <summary>How many times the message has been received, this delivery included (1 the first time).</summary>
        public int ApproximateReceiveCount { get; }

        /// <summary>The message group of a FIFO queue's message; null on a standard queue.</summary>
        public string? MessageGroupId { get; }

        /// <summary>The deduplication ID of a FIFO queue's message; null on a standard queue.</summary>
        public string? MessageDeduplicationId { get; }

        /// <summary>When the message was sent to the queue.</summary>
        public DateTimeOffset SentTimestamp { get; }

        /// <summary>The message attributes by name, as strings.</summary>
        public IReadOnlyDictionary<string, string> MessageAttributes { get; }

        /// <summary>The queue's ARN.</summary>
        public string EventSourceArn { get; }
    }
}
