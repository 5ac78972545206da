using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Common
{
    /// <summary>
    /// The text a string expression certainly contains, from the code alone: literals and constants, the literal parts
    /// of interpolations and concatenations, and a local initialised with such text (a few hops deep). A part known only
    /// at run time becomes <see cref="Unknown"/>, a character no keyword or host name spans, so a match in the result is
    /// a match in every value the expression can take.
    /// </summary>
    internal static class KnownText
    {
        public const char Unknown = '\u0001';

        private const int MaxLocalHops = 4;

        /// <summary>The known text of <paramref name="operation"/>; empty when nothing about it is known.</summary>
        public static string Of(IOperation operation)
        {
            var text = new StringBuilder();
            Append(operation, text, 0);
            return text.ToString();
        }

        /// <summary>The initializer of the local a reference reads (<c>var cs = "…";</c>), or null.</summary>
        public static IOperation? FindInitializer(ILocalReferenceOperation reference)
        {
            foreach (var descendant in TypeChecks.Root(reference).Descendants())
            {
                if (descendant is IVariableDeclaratorOperation declarator &&
                    SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local))
                {
                    return declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                }
            }

            return null;
        }

        /// <summary>Follows a local to its initializer, a few hops deep; otherwise the operation itself (conversions removed).</summary>
        public static IOperation FollowLocals(IOperation operation)
        {
            operation = TypeChecks.WithoutConversions(operation);
            for (var hops = 0; hops < MaxLocalHops && operation is ILocalReferenceOperation local; hops++)
            {
                if (FindInitializer(local) is not { } initializer)
                {
                    break;
                }

                operation = TypeChecks.WithoutConversions(initializer);
            }

            return operation;
        }

        private static void Append(IOperation operation, StringBuilder text, int hops)
        {
            operation = TypeChecks.WithoutConversions(operation);
            if (operation.ConstantValue is { HasValue: true, Value: string constant })
            {
                text.Append(constant);
                return;
            }

            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    Append(concatenation.LeftOperand, text, hops);
                    Append(concatenation.RightOperand, text, hops);
                    return;
                case IInterpolatedStringOperation interpolation:
                    foreach (var part in interpolation.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string literal } })
                        {
                            text.Append(literal);
                        }
                        else
                        {
                            text.Append(Unknown);
                        }
                    }

                    return;
                case ILocalReferenceOperation local when hops < MaxLocalHops && FindInitializer(local) is { } initializer:
                    Append(initializer, text, hops + 1);
                    return;
                default:
                    text.Append(Unknown);
                    return;
            }
        }
    }
}
