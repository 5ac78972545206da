using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>
    /// SLS5003: objects that own a pool of open connections and are meant to live as long as the process —
    /// Npgsql data sources (<c>NpgsqlDataSource.Create</c>, <c>NpgsqlDataSourceBuilder.Build</c>), MySqlConnector's
    /// <c>MySqlDataSource</c>, StackExchange.Redis <c>ConnectionMultiplexer.Connect[Async]</c>, MongoDB's <c>MongoClient</c>.
    /// Each library is recognised by metadata name; a library the project does not reference adds nothing.
    /// </summary>
    internal sealed class ConnectionPoolCreationRule : PerInvocationRule
    {
        private static readonly string[] BuildMethods = { "Build", "BuildMultiHost" };
        private static readonly string[] ConnectMethods = { "Connect", "ConnectAsync", "SentinelConnect", "SentinelConnectAsync" };

        private readonly INamedTypeSymbol? _npgsqlDataSource;
        private readonly INamedTypeSymbol? _npgsqlDataSourceBuilder;
        private readonly INamedTypeSymbol? _npgsqlSlimDataSourceBuilder;
        private readonly INamedTypeSymbol? _mySqlDataSource;
        private readonly INamedTypeSymbol? _mySqlDataSourceBuilder;
        private readonly INamedTypeSymbol? _connectionMultiplexer;
        private readonly INamedTypeSymbol? _mongoClient;

        private ConnectionPoolCreationRule(Compilation compilation)
            : base(ConnectionRules.ConnectionPoolCreatedPerInvocation)
        {
            _npgsqlDataSource = compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSource");
            _npgsqlDataSourceBuilder = compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSourceBuilder");
            _npgsqlSlimDataSourceBuilder = compilation.GetTypeByMetadataName("Npgsql.NpgsqlSlimDataSourceBuilder");
            _mySqlDataSource = compilation.GetTypeByMetadataName("MySqlConnector.MySqlDataSource");
            _mySqlDataSourceBuilder = compilation.GetTypeByMetadataName("MySqlConnector.MySqlDataSourceBuilder");
            _connectionMultiplexer = compilation.GetTypeByMetadataName("StackExchange.Redis.ConnectionMultiplexer");
            _mongoClient = compilation.GetTypeByMetadataName("MongoDB.Driver.MongoClient");
        }

        public static PerInvocationRule? Create(Compilation compilation)
        {
            var rule = new ConnectionPoolCreationRule(compilation);
            return rule._npgsqlDataSource is null && rule._mySqlDataSource is null && rule._connectionMultiplexer is null && rule._mongoClient is null
                ? null
                : rule;
        }

        // ConnectionMultiplexer and NpgsqlDataSource have no public constructor: a container can only build them through a factory.
        public override bool IsCreationOf(ITypeSymbol type) =>
            TypeChecks.IsOrDerivesFrom(type, _mySqlDataSource) || TypeChecks.IsOrDerivesFrom(type, _mongoClient);

        public override string? Match(IOperation operation)
        {
            if (TypeChecks.IsCallTo(operation, _npgsqlDataSource, "Create") ||
                IsCallToAny(operation, _npgsqlDataSourceBuilder, BuildMethods) ||
                IsCallToAny(operation, _npgsqlSlimDataSourceBuilder, BuildMethods))
            {
                return "NpgsqlDataSource";
            }

            if (TypeChecks.IsCreationOf(operation, _mySqlDataSource, out _) || IsCallToAny(operation, _mySqlDataSourceBuilder, BuildMethods))
            {
                return "MySqlDataSource";
            }

            if (IsCallToAny(operation, _connectionMultiplexer, ConnectMethods))
            {
                return "ConnectionMultiplexer";
            }

            return TypeChecks.IsCreationOf(operation, _mongoClient, out _) ? "MongoClient" : null;
        }

        private static bool IsCallToAny(IOperation operation, INamedTypeSymbol? type, string[] names)
        {
            foreach (var name in names)
            {
                if (TypeChecks.IsCallTo(operation, type, name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
