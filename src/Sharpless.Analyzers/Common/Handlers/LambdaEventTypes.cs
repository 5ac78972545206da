using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Sharpless.Common
{
    /// <summary>
    /// The AWS Lambda event types, recognised by namespace so no Amazon.Lambda.*Events package has to be known by name:
    /// every <c>Amazon.Lambda.&lt;X&gt;Events</c> package puts its types in that namespace or below it
    /// (<c>Amazon.Lambda.SQSEvents.SQSEvent</c>, <c>Amazon.Lambda.CloudWatchEvents.ScheduledEvents.ScheduledEvent</c>,
    /// <c>CloudWatchEvent&lt;T&gt;</c>).
    /// <para>
    /// Only top-level types that are not responses count: the runtime hands a handler the whole event, so a method taking
    /// a record nested in it (<c>SQSEvent.SQSMessage</c>) or building a response (<c>APIGatewayProxyResponse</c>) is a
    /// helper, not an entry point.
    /// </para>
    /// </summary>
    internal sealed class LambdaEventTypes
    {
        // Asked for the first parameter of every public method in a document: answer each namespace once.
        private readonly ConcurrentDictionary<INamespaceSymbol, bool> _isEventNamespace =
            new ConcurrentDictionary<INamespaceSymbol, bool>(SymbolEqualityComparer.Default);

        public bool IsEventType(ITypeSymbol type)
        {
            if (type is not INamedTypeSymbol { ContainingType: null, TypeKind: TypeKind.Class or TypeKind.Struct } named ||
                named.Name.EndsWith("Response", StringComparison.Ordinal) ||
                named.ContainingNamespace is not { IsGlobalNamespace: false } ns)
            {
                return false;
            }

            if (_isEventNamespace.TryGetValue(ns, out var known))
            {
                return known;
            }

            var isEvent = IsEventNamespace(ns);
            _isEventNamespace.TryAdd(ns, isEvent);
            return isEvent;
        }

        /// <summary><c>Amazon.Lambda.&lt;X&gt;Events</c> itself or any namespace below one.</summary>
        private static bool IsEventNamespace(INamespaceSymbol ns)
        {
            for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
            {
                if (current.Name.Length > "Events".Length &&
                    current.Name.EndsWith("Events", StringComparison.Ordinal) &&
                    current.ContainingNamespace is { Name: "Lambda" } lambda &&
                    lambda.ContainingNamespace is { Name: "Amazon" } amazon &&
                    amazon.ContainingNamespace is { IsGlobalNamespace: true })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
