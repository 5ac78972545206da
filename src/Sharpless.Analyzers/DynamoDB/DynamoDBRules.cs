using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.DynamoDB
{
    /// <summary>SLS3xxx: DynamoDB models the generated mapper cannot store faithfully.</summary>
    internal static class DynamoDBRules
    {
        public const string MemberCannotBeMappedId = "SLS3001";
        public const string ListStoredAsSetId = "SLS3002";

        public static readonly DiagnosticDescriptor MemberCannotBeMapped = RuleDescriptors.Create(
            MemberCannotBeMappedId,
            RuleCategories.DynamoDB,
            DiagnosticSeverity.Error,
            title: "DynamoDB model member cannot be mapped",
            messageFormat: "'{0}' ({1}) cannot be stored by the generated DynamoDB mapper: {2}",
            description:
                "The member's type or attributes have no faithful DynamoDB representation in the generated mapper (or in " +
                "DynamoDBContext, which fails at run time on them). The mapper leaves the member out, so its data would be " +
                "lost; the error makes that visible at compile time. Change the type, or mark the member [DynamoDBIgnore].");

        public static readonly DiagnosticDescriptor ListStoredAsSet = RuleDescriptors.Create(
            ListStoredAsSetId,
            RuleCategories.DynamoDB,
            DiagnosticSeverity.Info,
            title: "List stored as a DynamoDB set under conversion V1",
            messageFormat: "'{0}' ({1}) is stored as a DynamoDB set ({2}) under conversion V1: duplicates are rejected, order is not kept and an empty list is not stored",
            description:
                "DynamoDBContext's default conversion (V1) stores a List<T> or T[] of strings, numbers or binaries as a " +
                "DynamoDB set. DynamoDB rejects a set with duplicate members, does not keep order and cannot store an empty " +
                "set. Use HashSet<T> when a set is meant, or conversion V2 to store a list.");
    }
}
