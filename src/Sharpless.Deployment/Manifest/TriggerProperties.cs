using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment.Manifest
{
    /// <summary>
    /// A trigger's SAM properties from the manifest, where references are still <c>@LogicalId</c>. What SAM expects for
    /// each differs: a queue's, a Kinesis stream's and an on-failure queue's ARN are <c>!GetAtt LogicalId.Arn</c>, a
    /// table's stream <c>!GetAtt LogicalId.StreamArn</c>; a topic (its ARN), a bucket and an event bus (their names) are
    /// <c>!Ref LogicalId</c>. ARNs, names and everything else are written as given.
    /// </summary>
    internal static class TriggerProperties
    {
        private static readonly Dictionary<(string EventType, string Property), string?> Reference = new()
        {
            [("SQS", "Queue")] = "Arn",
            [("DynamoDB", "Stream")] = "StreamArn",
            [("Kinesis", "Stream")] = "Arn",
            [("SNS", "Topic")] = null,
            [("S3", "Bucket")] = null,
            [("EventBridgeRule", "EventBusName")] = null,
        };

        public static TemplateValue From(string eventType, JsonElement properties) =>
            TemplateValue.Map(properties.EnumerateObject().Select(p => new KeyValuePair<string, TemplateValue>(p.Name, TopLevel(eventType, p.Name, p.Value))));

        private static TemplateValue TopLevel(string eventType, string name, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String && Reference.TryGetValue((eventType, name), out var attribute) && value.GetString() is { Length: > 1 } text && text[0] == '@')
            {
                return attribute is null ? TemplateValue.Ref(text.Substring(1)) : TemplateValue.GetAtt(text.Substring(1), attribute);
            }

            return Value(value, propertyName: null);
        }

        private static TemplateValue Value(JsonElement element, string? propertyName)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    return TemplateValue.Map(element.EnumerateObject().Select(p => new KeyValuePair<string, TemplateValue>(p.Name, Value(p.Value, p.Name))));
                case JsonValueKind.Array:
                    return TemplateValue.List(element.EnumerateArray().Select(e => Value(e, propertyName: null)));
                case JsonValueKind.Number:
                    return TemplateValue.Number(element.GetInt32());
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return TemplateValue.Boolean(element.GetBoolean());
                default:
                    // An on-failure destination is the one reference below the top level.
                    var text = element.GetString() ?? string.Empty;
                    return text.Length > 1 && text[0] == '@' && propertyName == "Destination"
                        ? TemplateValue.GetAtt(text.Substring(1), "Arn")
                        : TemplateValue.String(text);
            }
        }
    }
}
