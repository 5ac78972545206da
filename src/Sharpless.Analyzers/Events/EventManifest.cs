using System.Globalization;
using System.Text;
using Sharpless.Common;
using Sharpless.Functions;

namespace Sharpless.Events
{
    /// <summary>
    /// A trigger as the function manifest carries it: the SAM event's type, name and properties, in SAM's own property
    /// names, with references still as <c>@LogicalId</c> or ARNs (the template writer turns them into <c>!GetAtt</c>).
    /// Partial batch responses are always on for queues and streams: the generated handlers report failed items.
    /// </summary>
    internal static class EventManifest
    {
        public static ManifestEvent From(EventTrigger trigger) =>
            new ManifestEvent(SamType(trigger.Kind), string.Empty, string.Empty, string.Empty, trigger);

        public static string SamType(EventSourceKind kind) => kind switch
        {
            EventSourceKind.Sqs => "SQS",
            EventSourceKind.DynamoDB => "DynamoDB",
            EventSourceKind.Kinesis => "Kinesis",
            EventSourceKind.Sns => "SNS",
            EventSourceKind.S3 => "S3",
            EventSourceKind.Schedule => "Schedule",
            _ => "EventBridgeRule",
        };

        /// <summary>Appends <c>"name":"…","properties":{…}</c>.</summary>
        public static void AppendTrigger(StringBuilder json, EventTrigger trigger)
        {
            json.AppendProperty("name", trigger.EventName).Append(",\"properties\":{");
            switch (trigger.Kind)
            {
                case EventSourceKind.Sns:
                    AppendSns(json, trigger);
                    return;
                case EventSourceKind.S3:
                    AppendS3(json, trigger);
                    return;
                case EventSourceKind.Schedule:
                    AppendSchedule(json, trigger);
                    return;
                case EventSourceKind.EventBridge:
                    AppendRule(json, trigger);
                    return;
            }

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

            if (trigger.ReportsBatchFailures)
            {
                json.Append(",\"FunctionResponseTypes\":[\"ReportBatchItemFailures\"]");
            }

            json.Append('}');
        }

        // The filter policy was checked to be a JSON object (SLS7001), so it is embedded as JSON.
        private static void AppendSns(StringBuilder json, EventTrigger trigger)
        {
            json.AppendProperty("Topic", trigger.Source);
            if (trigger.FilterPolicy is not null)
            {
                json.Append(",\"FilterPolicy\":").Append(trigger.FilterPolicy.Trim());
            }

            json.Append('}');
        }

        private static void AppendS3(StringBuilder json, EventTrigger trigger)
        {
            json.AppendProperty("Bucket", trigger.Source).Append(",\"Events\":");
            AppendStrings(json, trigger.Events);
            if (trigger.Prefix is not null || trigger.Suffix is not null)
            {
                json.Append(",\"Filter\":{\"S3Key\":{\"Rules\":[");
                var first = true;
                foreach (var (name, value) in new[] { ("prefix", trigger.Prefix), ("suffix", trigger.Suffix) })
                {
                    if (value is null)
                    {
                        continue;
                    }

                    json.Append(first ? "{" : ",{").AppendProperty("Name", name).Append(',').AppendProperty("Value", value).Append('}');
                    first = false;
                }

                json.Append("]}}");
            }

            json.Append('}');
        }

        private static void AppendSchedule(StringBuilder json, EventTrigger trigger)
        {
            json.AppendProperty("Schedule", trigger.Source);
            if (trigger.Description is not null)
            {
                json.Append(',').AppendProperty("Description", trigger.Description);
            }

            if (!trigger.Enabled)
            {
                json.Append(",\"Enabled\":false");
            }

            json.Append('}');
        }

        private static void AppendRule(StringBuilder json, EventTrigger trigger)
        {
            json.Append("\"Pattern\":{");
            var first = true;
            if (trigger.Events.Count > 0)
            {
                json.Append("\"source\":");
                AppendStrings(json, trigger.Events);
                first = false;
            }

            if (trigger.DetailTypes.Count > 0)
            {
                json.Append(first ? string.Empty : ",").Append("\"detail-type\":");
                AppendStrings(json, trigger.DetailTypes);
            }

            json.Append('}');
            if (trigger.EventBus is not null)
            {
                json.Append(',').AppendProperty("EventBusName", trigger.EventBus);
            }

            json.Append('}');
        }

        private static void AppendStrings(StringBuilder json, EquatableArray<string> values)
        {
            json.Append('[');
            for (var i = 0; i < values.Count; i++)
            {
                json.Append(i > 0 ? "," : string.Empty).AppendString(values[i]);
            }

            json.Append(']');
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
