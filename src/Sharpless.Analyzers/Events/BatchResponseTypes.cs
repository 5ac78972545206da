using System;
using Microsoft.CodeAnalysis;

namespace Sharpless.Events
{
    /// <summary>What a handler's return value tells Lambda about the items of a batch.</summary>
    internal enum BatchResponseKind
    {
        /// <summary>A batch response: <c>batchItemFailures</c> in the serialized result.</summary>
        BatchResponse,

        /// <summary>Nothing Lambda could read as a batch response (<c>void</c>, <c>Task</c>, a number, a plain record).</summary>
        NoBatchResponse,

        /// <summary>Could serialize to anything (<c>Stream</c>, <c>object</c>, <c>string</c>, JSON DOM, a dictionary, an interface).</summary>
        Unknown,
    }

    /// <summary>
    /// Classifies a handler's return type. Lambda reads the serialized result, so besides the AWS event libraries'
    /// response types (<c>SQSBatchResponse</c>, the DynamoDB and Kinesis <c>StreamsEventResponse</c>) any class with a
    /// <c>BatchItemFailures</c> property is a batch response; AWS's partial-batch pages say a custom class with that
    /// shape works. Types that may carry any JSON are never judged.
    /// </summary>
    internal static class BatchResponseTypes
    {
        private static readonly string[] ResponseMetadataNames =
        {
            "Amazon.Lambda.SQSEvents.SQSBatchResponse",
            "Amazon.Lambda.DynamoDBEvents.StreamsEventResponse",
            "Amazon.Lambda.KinesisEvents.StreamsEventResponse",
        };

        private static readonly string[] OpenPayloadTypeNames =
        {
            "System.IO.Stream",
            "System.Text.Json.JsonElement",
            "System.Text.Json.JsonDocument",
            "System.Text.Json.Nodes.JsonNode",
            "Newtonsoft.Json.Linq.JToken",
        };

        public static BatchResponseKind Classify(IMethodSymbol method)
        {
            if (method.ReturnsVoid)
            {
                return BatchResponseKind.NoBatchResponse;
            }

            var type = method.ReturnType;
            if (type is INamedTypeSymbol { Arity: 0 } plain && IsTaskLike(plain))
            {
                return BatchResponseKind.NoBatchResponse;
            }

            if (type is INamedTypeSymbol { Arity: 1 } generic && IsTaskLike(generic))
            {
                type = generic.TypeArguments[0];
            }

            return ClassifyResult(type);
        }

        private static BatchResponseKind ClassifyResult(ITypeSymbol type)
        {
            if (type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Interface ||
                type.SpecialType is SpecialType.System_Object or SpecialType.System_String)
            {
                return BatchResponseKind.Unknown;
            }

            if (type is not INamedTypeSymbol named)
            {
                // Arrays and pointers serialize to something other than an object with batchItemFailures.
                return BatchResponseKind.NoBatchResponse;
            }

            if (IsNamed(named, ResponseMetadataNames) || HasBatchItemFailures(named))
            {
                return BatchResponseKind.BatchResponse;
            }

            for (ITypeSymbol? current = named; current is not null; current = current.BaseType)
            {
                if (IsNamed(current, OpenPayloadTypeNames))
                {
                    return BatchResponseKind.Unknown;
                }
            }

            // A dictionary serializes to whatever keys it holds.
            foreach (var implemented in named.AllInterfaces)
            {
                if (implemented.Name is "IDictionary" or "IReadOnlyDictionary" &&
                    implemented.ContainingNamespace?.ToDisplayString() is "System.Collections" or "System.Collections.Generic")
                {
                    return BatchResponseKind.Unknown;
                }
            }

            return BatchResponseKind.NoBatchResponse;
        }

        private static bool IsTaskLike(INamedTypeSymbol type) =>
            type.Name is "Task" or "ValueTask" &&
            type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

        /// <summary>A property that serializes as <c>batchItemFailures</c> (by name, or renamed with an attribute).</summary>
        private static bool HasBatchItemFailures(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is not IPropertySymbol property)
                    {
                        continue;
                    }

                    if (IsBatchItemFailures(property.Name))
                    {
                        return true;
                    }

                    foreach (var attribute in property.GetAttributes())
                    {
                        if (attribute.AttributeClass?.Name is "JsonPropertyNameAttribute" or "JsonPropertyAttribute" &&
                            attribute.ConstructorArguments.Length == 1 &&
                            attribute.ConstructorArguments[0].Value is string renamed &&
                            IsBatchItemFailures(renamed))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsBatchItemFailures(string name) => string.Equals(name, "BatchItemFailures", StringComparison.OrdinalIgnoreCase);

        private static bool IsNamed(ITypeSymbol type, string[] metadataNames)
        {
            var name = type.OriginalDefinition.ToDisplayString();
            foreach (var candidate in metadataNames)
            {
                if (string.Equals(name, candidate, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
