using System;
using System.Collections.Generic;

namespace Sharpless.Events
{
    /// <summary>One S3 object notification, for an <c>[S3Event]</c> method.</summary>
    public sealed class S3ObjectEvent
    {
        /// <summary>Created by the generated handler for each record; public so tests can build one.</summary>
        public S3ObjectEvent(string eventName, DateTimeOffset eventTime, string bucket, string key, long size, string? eTag, string? versionId, string? sequencer)
        {
            EventName = eventName;
            EventTime = eventTime;
            Bucket = bucket;
            Key = key;
            Size = size;
            ETag = eTag;
            VersionId = versionId;
            Sequencer = sequencer;
        }

        /// <summary>What happened, without the <c>s3:</c> prefix: <c>ObjectCreated:Put</c>, <c>ObjectRemoved:Delete</c>, ….</summary>
        public string EventName { get; }

        /// <summary>When it happened.</summary>
        public DateTimeOffset EventTime { get; }

        /// <summary>The bucket's name.</summary>
        public string Bucket { get; }

        /// <summary>
        /// The object's key, URL-decoded: S3 notifications carry keys URL-encoded with <c>+</c> for a space, and a
        /// <c>GetObject</c> with the encoded key would not find the object.
        /// </summary>
        public string Key { get; }

        /// <summary>The object's size in bytes (0 for removals).</summary>
        public long Size { get; }

        /// <summary>The object's ETag, when the event has one.</summary>
        public string? ETag { get; }

        /// <summary>The object's version, in a versioned bucket.</summary>
        public string? VersionId { get; }

        /// <summary>Orders the events of one key: a larger sequencer (compared as hexadecimal of the same length) is later.</summary>
        public string? Sequencer { get; }
    }

    /// <summary>What an SNS message carries besides its body, for an <c>[SNSEvent]</c> method that asks for it.</summary>
    public sealed class SnsMessage
    {
        /// <summary>Created by the generated handler for each record; public so tests can build one.</summary>
        public SnsMessage(string messageId, string? subject, DateTimeOffset timestamp, string topicArn, IReadOnlyDictionary<string, string> messageAttributes)
        {
            MessageId = messageId;
            Subject = subject;
            Timestamp = timestamp;
            TopicArn = topicArn;
            MessageAttributes = messageAttributes;
        }

        /// <summary>The message ID SNS assigned.</summary>
        public string MessageId { get; }

        /// <summary>The subject, when the publisher set one.</summary>
        public string? Subject { get; }

        /// <summary>When the message was published.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>The topic's ARN.</summary>
        public string TopicArn { get; }

        /// <summary>The message attributes by name, as strings.</summary>
        public IReadOnlyDictionary<string, string> MessageAttributes { get; }
    }

    /// <summary>What a Kinesis record carries besides its data, for a <c>[KinesisEvent]</c> method that asks for it.</summary>
    public sealed class KinesisRecordInfo
    {
        /// <summary>Created by the generated handler for each record; public so tests can build one.</summary>
        public KinesisRecordInfo(string partitionKey, string sequenceNumber, DateTimeOffset approximateArrivalTimestamp, string eventSourceArn)
        {
            PartitionKey = partitionKey;
            SequenceNumber = sequenceNumber;
            ApproximateArrivalTimestamp = approximateArrivalTimestamp;
            EventSourceArn = eventSourceArn;
        }

        /// <summary>The key the producer put the record with.</summary>
        public string PartitionKey { get; }

        /// <summary>The record's sequence number; the generated handler reports it in <c>batchItemFailures</c> when the record fails.</summary>
        public string SequenceNumber { get; }

        /// <summary>When the stream received the record.</summary>
        public DateTimeOffset ApproximateArrivalTimestamp { get; }

        /// <summary>The stream's ARN.</summary>
        public string EventSourceArn { get; }
    }

    /// <summary>The envelope of an EventBridge event (its <c>detail</c> is the method's typed parameter).</summary>
    public sealed class EventBridgeEnvelope
    {
        /// <summary>Created by the generated handler for each event; public so tests can build one.</summary>
        public EventBridgeEnvelope(string id, string source, string detailType, DateTimeOffset time, string account, string region, IReadOnlyList<string> resources)
        {
            Id = id;
            Source = source;
            DetailType = detailType;
            Time = time;
            Account = account;
            Region = region;
            Resources = resources;
        }

        /// <summary>The event's ID.</summary>
        public string Id { get; }

        /// <summary><c>aws.events</c> for a schedule; the publisher's source otherwise.</summary>
        public string Source { get; }

        /// <summary><c>Scheduled Event</c> for a schedule; the publisher's detail type otherwise.</summary>
        public string DetailType { get; }

        /// <summary>When the event happened (for a schedule, the scheduled time).</summary>
        public DateTimeOffset Time { get; }

        /// <summary>The account the event came from.</summary>
        public string Account { get; }

        /// <summary>The region the event came from.</summary>
        public string Region { get; }

        /// <summary>The ARNs the event is about (for a schedule, the rule's).</summary>
        public IReadOnlyList<string> Resources { get; }
    }
}
