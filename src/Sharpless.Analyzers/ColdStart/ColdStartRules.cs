using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>SLS4xxx: work that lands in INIT or the first invocation and could be avoided.</summary>
    internal static class ColdStartRules
    {
        public const string ReflectionJsonId = "SLS4001";

        public static readonly DiagnosticDescriptor ReflectionJson = RuleDescriptors.Create(
            ReflectionJsonId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Warning,
            title: "Lambda handler serializes with reflection",
            messageFormat: "{0} type '{1}' of '{2}' is serialized with reflection-based System.Text.Json because the project has no JsonSerializerContext; register it with [JsonSerializable(typeof({3}))] in a context",
            description:
                "Reflection-based System.Text.Json builds its metadata on the first call, adding to the first invocation's " +
                "latency after every cold start, and does not work under Native AOT or trimming. A source-generated " +
                "JsonSerializerContext produces the metadata at compile time.");
    }
}
