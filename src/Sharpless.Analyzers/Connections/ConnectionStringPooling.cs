using System;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>
    /// Decides from the code alone whether a connection string turns pooling off. Only what is certain counts: constant
    /// text (literals, constants, the literal parts of interpolations and concatenations, a local initialised with such
    /// text) containing <c>Pooling=false</c>, or a connection string builder initialised with <c>Pooling = false</c>.
    /// A connection string read from configuration is assumed pooled, which is every provider's default.
    /// </summary>
    internal static class ConnectionStringPooling
    {
        private const int MaxLocalHops = 4;

        // Keywords are case-insensitive in SqlClient, Npgsql and MySqlConnector; all accept false/no (and 0 in MySQL).
        private static readonly Regex PoolingOff = new Regex(
            @"(?:^|;)\s*Pooling\s*=\s*(?:'|"")?(?:false|no|0)(?:'|"")?\s*(?:;|$)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(200));

        public static bool DisablesPooling(IOperation connectionString) => DisablesPooling(connectionString, 0);

        private static bool DisablesPooling(IOperation operation, int hops)
        {
            operation = TypeChecks.WithoutConversions(operation);
            if (IsBuilderWithPoolingOff(operation, hops))
            {
                return true;
            }

            if (operation is ILocalReferenceOperation local && hops < MaxLocalHops)
            {
                return FindInitializer(local) is { } initializer && DisablesPooling(initializer, hops + 1);
            }

            var text = new StringBuilder();
            AppendKnownText(operation, text);
            try
            {
                return text.Length > 0 && PoolingOff.IsMatch(text.ToString());
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>Constant fragments in order; a part only known at run time becomes a separator no keyword spans.</summary>
        private static void AppendKnownText(IOperation operation, StringBuilder text)
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
                    AppendKnownText(concatenation.LeftOperand, text);
                    AppendKnownText(concatenation.RightOperand, text);
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
                            text.Append('\u0001');
                        }
                    }

                    return;
                default:
                    text.Append('\u0001');
                    return;
            }
        }

        // `new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ConnectionString` (or `.ToString()`), directly or via a local.
        private static bool IsBuilderWithPoolingOff(IOperation operation, int hops)
        {
            var instance = operation switch
            {
                IPropertyReferenceOperation { Property.Name: "ConnectionString" } property => property.Instance,
                IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0 } call => call.Instance,
                _ => null,
            };

            if (instance is null)
            {
                return false;
            }

            instance = TypeChecks.WithoutConversions(instance);
            if (instance is ILocalReferenceOperation local && hops < MaxLocalHops)
            {
                instance = FindInitializer(local) is { } initializer ? TypeChecks.WithoutConversions(initializer) : instance;
            }

            if (instance is not IObjectCreationOperation { Initializer: { } initializerList })
            {
                return false;
            }

            foreach (var member in initializerList.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Pooling" }, Value.ConstantValue: { HasValue: true, Value: false } })
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? FindInitializer(ILocalReferenceOperation reference)
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
    }
}
