using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Sharpless.Events
{
    /// <summary>The kind of change a DynamoDB stream record describes.</summary>
    public enum DynamoDBChangeKind
    {
        /// <summary>An item was added (<c>INSERT</c>): only the new image exists.</summary>
        Insert,

        /// <summary>An item was changed (<c>MODIFY</c>).</summary>
        Modify,

        /// <summary>An item was deleted (<c>REMOVE</c>), by a request or by TTL: only the old image exists.</summary>
        Remove,
    }

    /// <summary>
    /// One DynamoDB stream record, its images decoded by the model's generated mapper. An image is null when the change
    /// has none (no old image for an insert, no new image for a removal) or the stream's view type does not carry it
    /// (<c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c>).
    /// </summary>
    /// <typeparam name="T">The model, a <c>[DynamoDBTable]</c> type.</typeparam>
    public sealed class DynamoDBChange<T>
        where T : class
    {
        /// <summary>Created by the generated handler for each record; public so tests can build one.</summary>
        public DynamoDBChange(DynamoDBChangeKind kind, IReadOnlyDictionary<string, AttributeValue> keys, T? oldImage, T? newImage, string sequenceNumber, DateTimeOffset approximateCreationDateTime, string eventId)
        {
            Kind = kind;
            Keys = keys;
            OldImage = oldImage;
            NewImage = newImage;
            SequenceNumber = sequenceNumber;
            ApproximateCreationDateTime = approximateCreationDateTime;
            EventId = eventId;
        }

        /// <summary>Insert, modify or remove.</summary>
        public DynamoDBChangeKind Kind { get; }

        /// <summary>The item's primary key attributes (present whatever the view type).</summary>
        public IReadOnlyDictionary<string, AttributeValue> Keys { get; }

        /// <summary>The item before the change.</summary>
        public T? OldImage { get; }

        /// <summary>The item after the change.</summary>
        public T? NewImage { get; }

        /// <summary>The record's sequence number; the generated handler reports it in <c>batchItemFailures</c> when the record fails.</summary>
        public string SequenceNumber { get; }

        /// <summary>When the change was made (the stream's resolution is a second).</summary>
        public DateTimeOffset ApproximateCreationDateTime { get; }

        /// <summary>The record's unique ID.</summary>
        public string EventId { get; }
    }
}
