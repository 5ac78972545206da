using System;

namespace Sharpless
{
    /// <summary>
    /// Makes a method a Lambda function triggered by a DynamoDB stream. The method handles one record: the item before
    /// and after the change as <c>(Order? oldImage, Order? newImage)</c>, or a <see cref="Events.DynamoDBChange{T}"/>,
    /// decoded by the model's generated <c>&lt;Model&gt;Mapper</c>, optionally with <c>ILambdaContext</c>,
    /// <c>CancellationToken</c> and <c>[FromServices]</c> parameters. When a record fails, the generated handler stops and
    /// reports its sequence number in <c>batchItemFailures</c>, so Lambda retries from that record (docs/events.md).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class DynamoDBEventAttribute : Attribute
    {
        /// <param name="stream">The table (<c>@LogicalId</c> of an <c>AWS::DynamoDB::Table</c> with a stream) or the stream's ARN.</param>
        public DynamoDBEventAttribute(string stream) => Stream = stream;

        /// <summary>The table (<c>@LogicalId</c>, whose <c>StreamArn</c> is read) or a stream ARN.</summary>
        public string Stream { get; }

        /// <summary>The template event's name; defaults to the table's logical ID followed by <c>Stream</c>.</summary>
        public string? ResourceName { get; set; }

        /// <summary>Where a new trigger starts reading: <c>LATEST</c> (the default) or <c>TRIM_HORIZON</c>.</summary>
        public string StartingPosition { get; set; } = "LATEST";

        /// <summary>Records per invocation (1 to 10,000). Zero leaves AWS's default (100).</summary>
        public int BatchSize { get; set; }

        /// <summary>Seconds to gather records before invoking (0 to 300). Zero leaves AWS's default (none).</summary>
        public int MaximumBatchingWindowInSeconds { get; set; }

        /// <summary>Retries of a failing batch (0 to 10,000); -1, the default, leaves AWS's (retry until the record expires).</summary>
        public int MaximumRetryAttempts { get; set; } = -1;

        /// <summary>Where Lambda sends a record it gives up on: <c>@LogicalId</c> of an SQS queue or SNS topic, or an ARN.</summary>
        public string? OnFailure { get; set; }

        /// <summary>Event filter patterns (JSON), separated by <c>;</c>, written as the trigger's <c>FilterCriteria</c>.</summary>
        public string? Filters { get; set; }

        /// <summary>Whether the trigger reads the stream. Defaults to true.</summary>
        public bool Enabled { get; set; } = true;
    }
}
