using System;

namespace Sharpless
{
    /// <summary>
    /// Makes a method a Lambda function triggered by S3 object notifications. The method handles one record, an
    /// <see cref="Events.S3ObjectEvent"/> with the object's key already URL-decoded, optionally with <c>ILambdaContext</c>,
    /// <c>CancellationToken</c> and <c>[FromServices]</c> parameters. S3 invokes the function asynchronously: a record
    /// that throws fails the invocation, and Lambda retries it (docs/events.md).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class S3EventAttribute : Attribute
    {
        /// <param name="bucket"><c>@LogicalId</c> of an <c>AWS::S3::Bucket</c> in the same template (SAM requires it there).</param>
        public S3EventAttribute(string bucket) => Bucket = bucket;

        /// <summary>The bucket: <c>@LogicalId</c> of a template resource.</summary>
        public string Bucket { get; }

        /// <summary>The template event's name; defaults to the bucket's logical ID.</summary>
        public string? ResourceName { get; set; }

        /// <summary>The S3 event types, separated by <c>;</c>. Defaults to <c>s3:ObjectCreated:*</c>.</summary>
        public string Events { get; set; } = "s3:ObjectCreated:*";

        /// <summary>Only keys that start with this prefix.</summary>
        public string? Prefix { get; set; }

        /// <summary>Only keys that end with this suffix.</summary>
        public string? Suffix { get; set; }
    }

    /// <summary>
    /// Makes a method a Lambda function triggered by an SNS topic. The method handles one message: typed (read through
    /// the project's JsonSerializerContext) or as a string, optionally with <see cref="Events.SnsMessage"/>,
    /// <c>ILambdaContext</c>, <c>CancellationToken</c> and <c>[FromServices]</c>. SNS invokes the function
    /// asynchronously: a message that throws fails the invocation, and Lambda retries it (docs/events.md).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class SNSEventAttribute : Attribute
    {
        /// <param name="topic"><c>@LogicalId</c> of an <c>AWS::SNS::Topic</c>, or the topic's ARN.</param>
        public SNSEventAttribute(string topic) => Topic = topic;

        /// <summary>The topic: <c>@LogicalId</c> of a template resource, or an ARN.</summary>
        public string Topic { get; }

        /// <summary>The template event's name; defaults to the topic's logical ID (or <c>SNSEvent</c> for an ARN).</summary>
        public string? ResourceName { get; set; }

        /// <summary>The subscription's filter policy (JSON), so only matching messages invoke the function.</summary>
        public string? FilterPolicy { get; set; }
    }

    /// <summary>
    /// Makes a method a Lambda function triggered by a Kinesis data stream. The method handles one record: its data,
    /// base64-decoded, typed (JSON through the project's JsonSerializerContext), as a string or as <c>byte[]</c>,
    /// optionally with <see cref="Events.KinesisRecordInfo"/>, <c>ILambdaContext</c>, <c>CancellationToken</c> and
    /// <c>[FromServices]</c>. When a record fails, the generated handler stops and reports its sequence number in
    /// <c>batchItemFailures</c>, so Lambda retries from that record (docs/events.md).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class KinesisEventAttribute : Attribute
    {
        /// <param name="stream"><c>@LogicalId</c> of an <c>AWS::Kinesis::Stream</c>, or the stream's (or a consumer's) ARN.</param>
        public KinesisEventAttribute(string stream) => Stream = stream;

        /// <summary>The stream: <c>@LogicalId</c> of a template resource, or an ARN.</summary>
        public string Stream { get; }

        /// <summary>The template event's name; defaults to the stream's logical ID.</summary>
        public string? ResourceName { get; set; }

        /// <summary>Where a new trigger starts reading: <c>LATEST</c> (the default) or <c>TRIM_HORIZON</c>.</summary>
        public string StartingPosition { get; set; } = "LATEST";

        /// <summary>Records per invocation (1 to 10,000). Zero leaves AWS's default (100).</summary>
        public int BatchSize { get; set; }

        /// <summary>Seconds to gather records before invoking (0 to 300). Zero leaves AWS's default (none).</summary>
        public int MaximumBatchingWindowInSeconds { get; set; }

        /// <summary>Retries of a failing batch (0 to 10,000); -1, the default, leaves AWS's (retry until the record expires).</summary>
        public int MaximumRetryAttempts { get; set; } = -1;

        /// <summary>Where Lambda sends a record it gives up on: <c>@LogicalId</c> of an SQS queue, or an SQS/SNS ARN.</summary>
        public string? OnFailure { get; set; }

        /// <summary>Event filter patterns (JSON), separated by <c>;</c>, written as the trigger's <c>FilterCriteria</c>.</summary>
        public string? Filters { get; set; }

        /// <summary>Whether the trigger reads the stream. Defaults to true.</summary>
        public bool Enabled { get; set; } = true;
    }

    /// <summary>
    /// Makes a method a Lambda function run on a schedule by EventBridge: <c>rate(5 minutes)</c> or a six-field
    /// <c>cron(…)</c> expression, checked at compile time. The method may take an
    /// <see cref="Events.EventBridgeEnvelope"/> (the scheduled event's time and ID), <c>ILambdaContext</c>,
    /// <c>CancellationToken</c> and <c>[FromServices]</c> (docs/events.md).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class ScheduleEventAttribute : Attribute
    {
        /// <param name="schedule"><c>rate(value unit)</c> or <c>cron(minutes hours day-of-month month day-of-week year)</c>.</param>
        public ScheduleEventAttribute(string schedule) => Schedule = schedule;

        /// <summary>The schedule expression.</summary>
        public string Schedule { get; }

        /// <summary>The template event's name; defaults to <c>Schedule</c>.</summary>
        public string? ResourceName { get; set; }

        /// <summary>A description of the rule.</summary>
        public string? Description { get; set; }

        /// <summary>Whether the schedule is on. Defaults to true.</summary>
        public bool Enabled { get; set; } = true;
    }

    /// <summary>
    /// Makes a method a Lambda function invoked by an EventBridge rule matching <see cref="Source"/> and
    /// <see cref="DetailType"/>. The method takes the event's <c>detail</c>, typed (read through the project's
    /// JsonSerializerContext) or as a JSON string, optionally with <see cref="Events.EventBridgeEnvelope"/>,
    /// <c>ILambdaContext</c>, <c>CancellationToken</c> and <c>[FromServices]</c> (docs/events.md).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class EventBridgeEventAttribute : Attribute
    {
        /// <summary>The event sources the rule matches, separated by <c>;</c> (<c>com.shop.orders</c>).</summary>
        public string? Source { get; set; }

        /// <summary>The detail types the rule matches, separated by <c>;</c> (<c>OrderPlaced</c>).</summary>
        public string? DetailType { get; set; }

        /// <summary>The event bus: <c>@LogicalId</c> of an <c>AWS::Events::EventBus</c>, or its name. Defaults to the account's default bus.</summary>
        public string? EventBus { get; set; }

        /// <summary>The template event's name; defaults to <c>EventBridgeRule</c>.</summary>
        public string? ResourceName { get; set; }
    }
}
