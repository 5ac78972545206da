using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>
    /// SLS5004: a SqlClient, Npgsql or MySQL connection whose connection string disables pooling, created per
    /// invocation. With pooling on (the default) a connection object per invocation is the intended use and is not
    /// reported — see <see cref="ConnectionStringPooling"/> for what counts as "disables".
    /// </summary>
    internal sealed class UnpooledConnectionRule : PerInvocationRule
    {
        private static readonly string[] ConnectionTypeNames =
        {
            "Microsoft.Data.SqlClient.SqlConnection",
            "System.Data.SqlClient.SqlConnection",
            "Npgsql.NpgsqlConnection",
            "MySqlConnector.MySqlConnection",
            "MySql.Data.MySqlClient.MySqlConnection",
        };

        private readonly List<INamedTypeSymbol> _connectionTypes;

        private UnpooledConnectionRule(List<INamedTypeSymbol> connectionTypes)
            : base(ConnectionRules.UnpooledConnectionPerInvocation)
        {
            _connectionTypes = connectionTypes;
        }

        // Sharing one connection object is wrong (connections are not thread-safe); the fix is the pooling setting.
        public override bool IsHoistable => false;

        public static PerInvocationRule? Create(Compilation compilation)
        {
            var types = new List<INamedTypeSymbol>();
            foreach (var name in ConnectionTypeNames)
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    types.Add(type);
                }
            }

            return types.Count == 0 ? null : new UnpooledConnectionRule(types);
        }

        public override string? Match(IOperation operation)
        {
            if (operation is not IObjectCreationOperation { Type: INamedTypeSymbol created } creation || !IsConnectionType(created))
            {
                return null;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && ConnectionStringPooling.DisablesPooling(argument.Value))
                {
                    return created.Name;
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ConnectionString" } } assignment &&
                        ConnectionStringPooling.DisablesPooling(assignment.Value))
                    {
                        return created.Name;
                    }
                }
            }

            return null;
        }

        private bool IsConnectionType(INamedTypeSymbol type)
        {
            foreach (var known in _connectionTypes)
            {
                if (TypeChecks.IsOrDerivesFrom(type, known))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
