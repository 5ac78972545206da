using System;

namespace Sharpless
{
    /// <summary>
    /// Makes a method a Lambda function triggered by an SQS queue. The method handles one message: its body typed
    /// (read through the project's JsonSerializerContext) or as a string, optionally with <see cref="Events.SqsMessage"/>,
    /// <c>ILambdaContext</c>, <c>CancellationToken</c> and <c>[FromServices]</c> parameters. The generated handler reports
    /// each message whose body cannot be read or whose handling throws in <c>batchItemFailures</c>, so only those are
    /// retried, and on a FIFO queue also the later messages of the same group, so their order is kept (docs/events.md).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class SQSEventAttribute : Attribute
    {
        /// <param name="queue">The queue: <c>@LogicalId</c> of an <c>AWS::SQS::Queue</c> in the template, or the queue's ARN.</param>
        public SQSEventAttribute(string queue) => Queue = queue;

        /// <summary>The queue: <c>@LogicalId</c> of a template resource, or an ARN.</summary>
        public string Queue { get; }

        /// <summary>The template event's name; defaults to the queue's logical ID (or <c>SQSEvent</c> for an ARN).</summary>
        public string? ResourceName { get; set; }

        /// <summary>Messages per invocation: 1 to 10, or up to 10,000 on a standard queue with a batching window. Zero leaves AWS's default (10).</summary>
        public int BatchSize { get; set; }

        /// <summary>Seconds to gather messages before invoking (0 to 300). Zero leaves AWS's default (none).</summary>
        public int MaximumBatchingWindowInSeconds { get; set; }

        /// <summary>How many concurrent invocations this queue may drive (2 to 1,000). Zero leaves it unbounded.</summary>
        public int MaximumConcurrency { get; set; }

        /// <summary>Event filter patterns (JSON), separated by <c>;</c>, written as the trigger's <c>FilterCriteria</c>.</summary>
        public string? Filters { get; set; }

        /// <summary>Whether the trigger polls the queue. Defaults to true.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>
        /// Messages of one batch handled at the same time by this invocation (1 to 10; 1, the default, handles them one
        /// after another). Only for standard queues: a FIFO queue's groups must be handled in order (SLS7008).
        /// </summary>
        public int MaxInBatchConcurrency { get; set; } = 1;
    }
}
