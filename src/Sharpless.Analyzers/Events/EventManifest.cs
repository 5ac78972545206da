using System.Globalization;
using System.Text;
using Sharpless.Common;
using Sharpless.Functions;

namespace Sharpless.Events
{
    /// <summary>
    /// A trigger as the function manifest carries it: the SAM event's type, name and properties, in SAM's own property
    /// names, with references still as <c>@LogicalId</c> or ARNs (the template writer turns them into <c>!GetAtt</c>).
    /// Partial batch responses are always on: the generated handlers report failed items.
    /// </summary>
    internal static class EventManifest
    {
        public static ManifestEvent From(EventTrigger trigger) =>
            new ManifestEvent(SamType(trigger.Kind), string.Empty, string.Empty, string.Empty, trigger);

        public static string SamType(EventSourceKind kind) => kind == EventSourceKind.Sqs ? "SQS" : "DynamoDB";

        /// <summary>Appends <c>"name":"…","properties":{…}</c>.</summary>
        public static void AppendTrigger(StringBuilder json, EventTrigger trigger)
        {
            json.AppendProperty("name", trigger.EventName).Append(",\"properties\":{");
            json.AppendProperty(trigger.Kind == EventSourceKind.Sqs ? "Queue" : "Stream", trigger.Source);
            if (trigger.StartingPosition is not null)
            {
                json.Append(',').AppendProperty("StartingPosition", trigger.StartingPosition);
            }

            AppendNumber(json, "BatchSize", trigger.BatchSize);
            AppendNumber(json, "MaximumBatchingWindowInSeconds", trigger.MaximumBatchingWindowInSeconds);
            if (trigger.MaximumRetryAttempts >= 0)
            {
                json.Append(",\"MaximumRetryAttempts\":").Append(trigger.MaximumRetryAttempts.ToString(CultureInfo.InvariantCulture));
            }

            if (trigger.MaximumConcurrency > 0)
            {
                json.Append(",\"ScalingConfig\":{\"MaximumConcurrency\":").Append(trigger.MaximumConcurrency.ToString(CultureInfo.InvariantCulture)).Append('}');
            }

            if (trigger.OnFailure is not null)
            {
                // SAM grants the function's role permission to send to the destination only when it knows its type.
                json.Append(",\"DestinationConfig\":{\"OnFailure\":{");
                json.AppendProperty("Destination", trigger.OnFailure);
                var type = trigger.OnFailure.StartsWith("arn:aws:sns:", System.StringComparison.Ordinal) ? "SNS" : "SQS";
                json.Append(',').AppendProperty("Type", type).Append("}}");
            }

            if (trigger.Filters.Count > 0)
            {
                json.Append(",\"FilterCriteria\":{\"Filters\":[");
                for (var i = 0; i < trigger.Filters.Count; i++)
                {
                    json.Append(i > 0 ? ",{" : "{").AppendProperty("Pattern", trigger.Filters[i]).Append('}');
                }

                json.Append("]}");
            }

            if (!trigger.Enabled)
            {
                json.Append(",\"Enabled\":false");
            }

            json.Append(",\"FunctionResponseTypes\":[\"ReportBatchItemFailures\"]}");
        }

        private static void AppendNumber(StringBuilder json, string name, int value)
        {
            if (value > 0)
            {
                json.Append(",\"").Append(name).Append("\":").Append(value.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
