using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Events
{
    /// <summary>
    /// SLS7xxx: event-source functions (SQS, SNS, S3, DynamoDB Streams, Kinesis, EventBridge) and the configuration of
    /// their triggers. The AWS fact behind each rule is cited on its docs/rules page.
    /// </summary>
    internal static class EventRules
    {
        public const string SettingOutOfRangeId = "SLS7001";
        public const string UnsupportedHandlerId = "SLS7002";
        public const string FailuresIgnoredId = "SLS7003";
        public const string FailuresNeverReportedId = "SLS7004";
        public const string VisibilityTimeoutTooShortId = "SLS7005";
        public const string QueueWithoutDeadLetterId = "SLS7006";
        public const string StreamWithoutOnFailureId = "SLS7007";
        public const string FifoConcurrencyId = "SLS7008";
        public const string S3RecursiveInvocationId = "SLS7009";
        public const string TriggerDriftId = "SLS7010";
        public const string StreamWithoutStartingPositionId = "SLS7011";

        public static readonly DiagnosticDescriptor SettingOutOfRange = Create(
            SettingOutOfRangeId,
            DiagnosticSeverity.Error,
            "Event source setting is outside the range AWS accepts",
            "{0} of [{1}] is {2}; {3}",
            "Lambda rejects an event source mapping whose batch size, batching window or maximum concurrency is outside the documented range, so the deployment fails. The check runs at compile time instead.");

        public static readonly DiagnosticDescriptor UnsupportedHandler = Create(
            UnsupportedHandlerId,
            DiagnosticSeverity.Error,
            "Event function cannot be generated",
            "'{0}' cannot handle {1} events: {2}",
            "An event-source method receives one message or record (typed, or its raw body) plus optional ILambdaContext, CancellationToken, message information and [FromServices] parameters, and returns void, Task or ValueTask; the generated handler does the rest.");

        public static readonly DiagnosticDescriptor FailuresIgnored = Create(
            FailuresIgnoredId,
            DiagnosticSeverity.Warning,
            "Batch item failures are returned but the trigger ignores them",
            "'{0}' returns batch item failures, but event '{1}' of template resource '{2}' does not set FunctionResponseTypes: [ReportBatchItemFailures]; Lambda treats the batch as a success and the failed {3} are lost",
            "Lambda reads batchItemFailures from a function's response only when the event source mapping lists ReportBatchItemFailures in FunctionResponseTypes. Without it a response that names failed items is a success: SQS deletes every message of the batch and a stream moves past every record, including the ones the function reported as failed.");

        public static readonly DiagnosticDescriptor FailuresNeverReported = Create(
            FailuresNeverReportedId,
            DiagnosticSeverity.Info,
            "Trigger expects batch item failures the handler never returns",
            "Event '{0}' of template resource '{1}' sets ReportBatchItemFailures, but '{2}' returns {3}; one failed {4} still retries the whole batch",
            "With ReportBatchItemFailures, Lambda retries only the items a function lists in batchItemFailures. A handler that returns no batch response can only fail the whole batch by throwing, so the setting has no effect and successful items are processed again.");

        public static readonly DiagnosticDescriptor VisibilityTimeoutTooShort = Create(
            VisibilityTimeoutTooShortId,
            DiagnosticSeverity.Warning,
            "SQS queue's visibility timeout is too short for its consumer",
            "Queue '{0}' has a visibility timeout of {1} s, but function '{2}' may run {3} s; {4}",
            "Lambda refuses an SQS event source mapping whose queue's visibility timeout is shorter than the function's timeout, and AWS recommends at least six times the function timeout plus the batching window, so a message is not handed to a second consumer while the first is still working on it or retrying after throttling.");

        public static readonly DiagnosticDescriptor QueueWithoutDeadLetter = Create(
            QueueWithoutDeadLetterId,
            DiagnosticSeverity.Info,
            "SQS queue consumed by Lambda has no dead-letter queue",
            "Queue '{0}' consumed by function '{1}' has no RedrivePolicy; a message that always fails is retried until it expires after the retention period",
            "A message that fails every time (a poison message) returns to the queue after each visibility timeout until the retention period ends, costing an invocation each time and then disappearing. A RedrivePolicy with maxReceiveCount moves it to a dead-letter queue where it can be inspected and redriven.");

        public static readonly DiagnosticDescriptor StreamWithoutOnFailure = Create(
            StreamWithoutOnFailureId,
            DiagnosticSeverity.Warning,
            "Stream trigger retries a failing record without limit",
            "Event '{0}' of template resource '{1}' reads a {2} stream with no on-failure destination and no retry limit; one record that always fails blocks its shard until the record expires",
            "For DynamoDB and Kinesis streams, Lambda retries a failed batch until its records expire (24 hours for DynamoDB Streams, the retention period for Kinesis) unless MaximumRetryAttempts or MaximumRecordAgeInSeconds bounds it, and processing of that shard stops meanwhile. DestinationConfig.OnFailure keeps a record of what was skipped.");

        public static readonly DiagnosticDescriptor FifoConcurrency = Create(
            FifoConcurrencyId,
            DiagnosticSeverity.Error,
            "FIFO queue consumed with in-batch concurrency",
            "[SQSEvent] on '{0}' sets MaxInBatchConcurrency to {1}, but queue {2} is a FIFO queue; messages of one group must be handled in order",
            "A FIFO queue delivers the messages of a message group in order, and only in order is that guarantee kept. Handling a batch's messages concurrently would let a later message of a group finish before an earlier one.");

        public static readonly DiagnosticDescriptor S3RecursiveInvocation = Create(
            S3RecursiveInvocationId,
            DiagnosticSeverity.Warning,
            "S3-triggered function writes to the bucket that triggers it",
            "'{0}' writes an object to the bucket that triggers it ({1}){2}; every object it writes invokes it again, a recursive loop",
            "A function triggered by S3 object notifications that writes objects into the same bucket triggers itself once per object it writes, unless the trigger's prefix or suffix filter excludes what it writes. The loop multiplies invocations and costs until it is stopped; Lambda's recursive loop detection is a safety net for some services and SDKs, not a design.");

        public static readonly DiagnosticDescriptor TriggerDrift = Create(
            TriggerDriftId,
            DiagnosticSeverity.Warning,
            "Trigger differs from the template",
            "Trigger '{0}' of function '{1}' {2} template resource '{3}'",
            "The template is what is deployed: a trigger declared in code but missing from the template never invokes the function, one that reads another resource feeds it the wrong events, one without ReportBatchItemFailures makes Lambda ignore the failures the generated handler reports, and one removed from code keeps invoking the function.");

        public static readonly DiagnosticDescriptor StreamWithoutStartingPosition = Create(
            StreamWithoutStartingPositionId,
            DiagnosticSeverity.Warning,
            "Stream trigger has no starting position",
            "Event '{0}' of template resource '{1}' reads a {2} stream without StartingPosition; Lambda requires it for stream sources, so the deployment fails",
            "An event source mapping for a DynamoDB or Kinesis stream must say where a new mapping starts reading: TRIM_HORIZON (the oldest record kept), LATEST (new records only) or, for Kinesis, AT_TIMESTAMP. Without it CreateEventSourceMapping fails, and with it the stack update.");

        private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message, string description) =>
            RuleDescriptors.Create(id, RuleCategories.Events, severity, title, message, description);
    }
}
