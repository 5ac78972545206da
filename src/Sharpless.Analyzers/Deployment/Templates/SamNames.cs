using System;
using System.Collections.Generic;
using System.Text;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// The names Sharpless gives what it writes into a SAM template, shared by the writer (which creates them) and the
    /// drift analyzer (which looks for them).
    /// </summary>
    internal static class SamNames
    {
        /// <summary>The <c>Metadata</c> key and value that mark a resource as written and kept by Sharpless.</summary>
        public const string ToolKey = "Tool";

        public const string ToolValue = "Sharpless";

        /// <summary>The <c>Metadata</c> list of event names Sharpless manages on a resource it owns.</summary>
        public const string SyncedEventsKey = "SyncedEvents";

        /// <summary>The <c>Metadata</c> list of properties Sharpless wrote from code (MemorySize, Timeout, Role, Policies, VpcConfig).</summary>
        public const string SyncedPropertiesKey = "SyncedProperties";

        public const string ServerlessFunctionType = "AWS::Serverless::Function";

        private const string MetadataKey = "Metadata";

        /// <summary><c>Metadata: { Tool: Sharpless }</c>: the template writer created the resource and keeps it.</summary>
        public static bool IsOwned(TemplateMapping? resource) =>
            resource?.GetMapping(MetadataKey)?.GetScalar(ToolKey) is { IsNull: false } tool &&
            string.Equals(tool.Value.Trim(), ToolValue, StringComparison.Ordinal);

        /// <summary>A <c>Metadata</c> list the writer keeps on a resource it owns (<see cref="SyncedEventsKey"/>, <see cref="SyncedPropertiesKey"/>).</summary>
        public static HashSet<string> SyncedNames(TemplateMapping? resource, string key)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (resource?.GetMapping(MetadataKey)?.Get(key) is TemplateSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    if (item is TemplateScalar { IsNull: false } name)
                    {
                        names.Add(name.Value.Trim());
                    }
                }
            }

            return names;
        }

        /// <summary>
        /// A function's logical ID: its name without the characters CloudFormation does not allow in one (logical IDs
        /// are alphanumeric, A–Z, a–z, 0–9), or <c>Function</c> when nothing is left.
        /// </summary>
        public static string LogicalId(string functionName)
        {
            var id = Alphanumeric(functionName, capitalize: false);
            return id.Length == 0 ? "Function" : id;
        }

        /// <summary>A route event's name: method and path words, <c>GET /orders/{id}</c> → <c>GetOrdersId</c>, <c>GET /</c> → <c>GetRoot</c>.</summary>
        public static string EventName(string method, string path)
        {
            var words = Alphanumeric(path, capitalize: true);
            return Alphanumeric(method.ToLowerInvariant(), capitalize: true) + (words.Length == 0 ? "Root" : words);
        }

        private static string Alphanumeric(string text, bool capitalize)
        {
            var result = new StringBuilder(text.Length);
            var startOfWord = true;
            foreach (var c in text)
            {
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                {
                    result.Append(capitalize && startOfWord ? char.ToUpperInvariant(c) : c);
                    startOfWord = false;
                }
                else
                {
                    startOfWord = true;
                }
            }

            return result.ToString();
        }
    }
}
