using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>SLS5xxx: clients and connections created per invocation instead of once per execution environment.</summary>
    internal static class ConnectionRules
    {
        public const string HttpClientCreatedPerInvocationId = "SLS5002";

        public static readonly DiagnosticDescriptor HttpClientCreatedPerInvocation = RuleDescriptors.Create(
            HttpClientCreatedPerInvocationId,
            RuleCategories.Connections,
            DiagnosticSeverity.Warning,
            title: "HttpClient created per invocation",
            messageFormat: "'{0}' is created on every invocation of '{1}'; create it once per execution environment and reuse it",
            description:
                "Lambda reuses an execution environment for many invocations. An HttpClient created inside the handler " +
                "opens new connections (TCP and TLS handshakes, DNS lookups) on every invocation and leaves sockets behind; " +
                "AWS recommends initializing clients outside the handler so later invocations reuse them.");
    }
}
