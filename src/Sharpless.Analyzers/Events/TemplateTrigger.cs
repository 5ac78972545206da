using Sharpless.Deployment.Templates;

namespace Sharpless.Events
{
    /// <summary>The polled event sources whose batches and retries the SLS7003–SLS7007 rules check.</summary>
    internal enum TriggerSource
    {
        Sqs,
        DynamoDB,
        Kinesis,
    }

    /// <summary>Whether a trigger lists <c>ReportBatchItemFailures</c> in <c>FunctionResponseTypes</c>.</summary>
    internal enum BatchFailureReporting
    {
        Off,
        On,

        /// <summary>Decided at deploy time (a parameter without default, <c>!If</c>, …): no rule may judge it.</summary>
        Unknown,
    }

    /// <summary>
    /// One SQS, DynamoDB Streams or Kinesis trigger of a template function: a SAM event (<c>Type: SQS</c>, …) or an
    /// <c>AWS::Lambda::EventSourceMapping</c> resource naming the function. Both carry the same event source mapping
    /// properties (<c>FunctionResponseTypes</c>, <c>MaximumRetryAttempts</c>, <c>DestinationConfig</c>, …) under the same
    /// names, so the rules read them alike.
    /// </summary>
    internal sealed class TemplateTrigger
    {
        internal TemplateTrigger(
            TriggerSource source,
            string name,
            TemplateScalar keyNode,
            TemplateMapping properties,
            TemplateNode? sourceArn,
            DeploymentTemplate template,
            TemplateFunction function)
        {
            Source = source;
            Name = name;
            KeyNode = keyNode;
            Properties = properties;
            SourceArn = sourceArn;
            Template = template;
            Function = function;
            BatchFailureReporting = ReadBatchFailureReporting(template, properties.Get("FunctionResponseTypes"));
        }

        public TriggerSource Source { get; }

        /// <summary>The SAM event's name, or the event source mapping's logical id.</summary>
        public string Name { get; }

        /// <summary>Where the event's name (or the mapping's logical id) is written.</summary>
        public TemplateScalar KeyNode { get; }

        public TemplateMapping Properties { get; }

        /// <summary>SAM's <c>Queue</c> or <c>Stream</c>, a mapping's <c>EventSourceArn</c>.</summary>
        public TemplateNode? SourceArn { get; }

        public DeploymentTemplate Template { get; }

        public TemplateFunction Function { get; }

        public BatchFailureReporting BatchFailureReporting { get; }

        public bool IsStream => Source != TriggerSource.Sqs;

        /// <summary>What one batch holds, for messages: "message" or "record".</summary>
        public string ItemNoun => Source == TriggerSource.Sqs ? "message" : "record";

        public string SourceDisplay => Source switch
        {
            TriggerSource.Sqs => "SQS",
            TriggerSource.DynamoDB => "DynamoDB",
            _ => "Kinesis",
        };

        private static BatchFailureReporting ReadBatchFailureReporting(DeploymentTemplate template, TemplateNode? node)
        {
            if (node is null || node is TemplateScalar { IsNull: true, Tag: null })
            {
                return BatchFailureReporting.Off;
            }

            if (node is TemplateSequence sequence)
            {
                var known = true;
                foreach (var item in sequence.Items)
                {
                    if (item is TemplateScalar { Tag: null } scalar)
                    {
                        if (IsReportBatchItemFailures(scalar.Value))
                        {
                            return BatchFailureReporting.On;
                        }
                    }
                    else
                    {
                        known = false;
                    }
                }

                return known ? BatchFailureReporting.Off : BatchFailureReporting.Unknown;
            }

            // A CommaDelimitedList parameter with a default is what a deployment gets unless it overrides it.
            if (template.TryResolveString(node, out var text))
            {
                foreach (var part in text.Split(','))
                {
                    if (IsReportBatchItemFailures(part))
                    {
                        return BatchFailureReporting.On;
                    }
                }

                return BatchFailureReporting.Off;
            }

            return BatchFailureReporting.Unknown;
        }

        private static bool IsReportBatchItemFailures(string value) =>
            string.Equals(value.Trim(), "ReportBatchItemFailures", System.StringComparison.Ordinal);

        public override string ToString() => Function.LogicalId + "/" + Name;
    }
}
