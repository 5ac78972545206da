using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sharpless.Events
{
    /// <summary>The event-source attributes Sharpless generates functions from, and what kind of trigger each declares.</summary>
    internal static class EventSourceAttributes
    {
        public const string Sqs = "Sharpless.SQSEventAttribute";
        public const string DynamoDB = "Sharpless.DynamoDBEventAttribute";
        public const string SqsMessage = "Sharpless.Events.SqsMessage";
        public const string DynamoDBChange = "Sharpless.Events.DynamoDBChange`1";
        public const string DynamoDBTable = "Amazon.DynamoDBv2.DataModel.DynamoDBTableAttribute";

        /// <summary>An event-source method belongs to the event generator, not to the plain-function or route readers.</summary>
        public static bool IsEventSource(IMethodSymbol method) =>
            method.GetAttributes().Any(a => KindOf(a.AttributeClass) is not null);

        public static EventSourceKind? KindOf(INamedTypeSymbol? attributeClass) => attributeClass?.ToDisplayString() switch
        {
            Sqs => EventSourceKind.Sqs,
            DynamoDB => EventSourceKind.DynamoDB,
            _ => null,
        };
    }
}
