using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>What SnapStart cares about in INIT code: values meant to be unique, and network connections.</summary>
    internal sealed class SnapStartWork
    {
        private static readonly string[] RandomNumberGeneratorMethods =
        {
            "GetBytes", "GetInt32", "GetHexString", "GetString", "GetItems", "Fill", "GetNonZeroBytes",
        };

        private readonly INamedTypeSymbol? _random;
        private readonly INamedTypeSymbol? _guid;
        private readonly INamedTypeSymbol? _randomNumberGenerator;
        private readonly INamedTypeSymbol? _dbConnection;
        private readonly INamedTypeSymbol? _npgsqlDataSource;
        private readonly INamedTypeSymbol? _connectionMultiplexer;
        private readonly INamedTypeSymbol? _mongoClient;
        private readonly INamedTypeSymbol? _tcpClient;
        private readonly INamedTypeSymbol? _socket;

        public SnapStartWork(Compilation compilation)
        {
            _random = compilation.GetTypeByMetadataName("System.Random");
            _guid = compilation.GetTypeByMetadataName("System.Guid");
            _randomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
            _dbConnection = compilation.GetTypeByMetadataName("System.Data.Common.DbConnection");
            _npgsqlDataSource = compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSource");
            _connectionMultiplexer = compilation.GetTypeByMetadataName("StackExchange.Redis.ConnectionMultiplexer");
            _mongoClient = compilation.GetTypeByMetadataName("MongoDB.Driver.MongoClient");
            _tcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
            _socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
        }

        /// <summary><c>new Random()</c> (a seed from the clock/entropy, not a fixed seed), <c>Guid.NewGuid()</c>,
        /// <c>RandomNumberGenerator.GetBytes</c> and friends.</summary>
        public string? UniqueValue(IOperation operation)
        {
            switch (operation)
            {
                case IObjectCreationOperation { Arguments.Length: 0 } creation when TypeChecks.IsOrDerivesFrom(creation.Type, _random):
                    return "new " + creation.Type!.Name + "()";
                case IInvocationOperation { TargetMethod: { IsStatic: true } method }:
                    if (TypeChecks.IsType(method.ContainingType, _guid) && method.Name is "NewGuid" or "CreateVersion7")
                    {
                        return "Guid." + method.Name + "()";
                    }

                    if (TypeChecks.IsOrDerivesFrom(method.ContainingType, _randomNumberGenerator) && System.Array.IndexOf(RandomNumberGeneratorMethods, method.Name) >= 0)
                    {
                        return "RandomNumberGenerator." + method.Name;
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>Calls that open a TCP connection now, rather than on first use.</summary>
        public string? Connection(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod: var method } invocation:
                    var type = method.ContainingType;
                    if (method.Name is "Open" or "OpenAsync" && TypeChecks.IsOrDerivesFrom(invocation.Instance?.Type, _dbConnection))
                    {
                        return (invocation.Instance?.Type?.Name ?? type.Name) + "." + method.Name;
                    }

                    if ((method.Name is "OpenConnection" or "OpenConnectionAsync" && TypeChecks.IsOrDerivesFrom(type, _npgsqlDataSource)) ||
                        (method.Name is "Connect" or "ConnectAsync" && TypeChecks.IsType(type, _connectionMultiplexer)) ||
                        (method.Name is "Connect" or "ConnectAsync" && (TypeChecks.IsType(type, _tcpClient) || TypeChecks.IsType(type, _socket))))
                    {
                        return type.Name + "." + method.Name;
                    }

                    return null;
                case IObjectCreationOperation creation when TypeChecks.IsOrDerivesFrom(creation.Type, _mongoClient) ||
                                                           (TypeChecks.IsType(creation.Type, _tcpClient) && creation.Arguments.Length == 2):
                    return "new " + creation.Type!.Name;
                default:
                    return null;
            }
        }
    }
}
