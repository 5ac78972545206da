using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment.Manifest
{
    /// <summary>
    /// A trigger's SAM properties from the manifest, where references are still <c>@LogicalId</c>: the queue's ARN, the
    /// table's stream ARN and an on-failure queue's ARN are attributes of their resources, so each becomes
    /// <c>!GetAtt LogicalId.Arn</c> or <c>!GetAtt LogicalId.StreamArn</c>. ARNs and everything else are written as given.
    /// </summary>
    internal static class TriggerProperties
    {
        private static readonly Dictionary<string, string> AttributeByProperty = new()
        {
            ["Queue"] = "Arn",
            ["Stream"] = "StreamArn",
            ["Destination"] = "Arn",
        };

        public static TemplateValue From(JsonElement properties) => Value(properties, propertyName: null);

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
                    var text = element.GetString() ?? string.Empty;
                    return text.Length > 1 && text[0] == '@' && propertyName is not null && AttributeByProperty.TryGetValue(propertyName, out var attribute)
                        ? TemplateValue.GetAtt(text.Substring(1), attribute)
                        : TemplateValue.String(text);
            }
        }
    }
}
