using System;
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
        // Keywords are case-insensitive in SqlClient, Npgsql and MySqlConnector; all accept false/no (and 0 in MySQL).
        private static readonly Regex PoolingOff = new Regex(
            @"(?:^|;)\s*Pooling\s*=\s*(?:'|"")?(?:false|no|0)(?:'|"")?\s*(?:;|$)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(200));

        public static bool DisablesPooling(IOperation connectionString)
        {
            var operation = KnownText.FollowLocals(connectionString);
            if (IsBuilderWithPoolingOff(operation))
            {
                return true;
            }

            var text = KnownText.Of(operation);
            try
            {
                return text.Length > 0 && PoolingOff.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        // `new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ConnectionString` (or `.ToString()`), directly or via a local.
        private static bool IsBuilderWithPoolingOff(IOperation operation)
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

            instance = KnownText.FollowLocals(instance);
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
    }
}
