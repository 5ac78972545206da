using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>
    /// SLS5006: clients of other protocols that own their connections and are meant to be shared for the life of the
    /// process — gRPC channels (<c>GrpcChannel.ForAddress</c>, legacy Grpc.Core <c>new Channel</c>), RabbitMQ connections
    /// (<c>CreateConnection</c> in 6.x, <c>CreateConnectionAsync</c> in 7.x, on any <c>IConnectionFactory</c>), Confluent
    /// Kafka producers, consumers and admin clients (<c>…Builder.Build()</c>), Elasticsearch/OpenSearch clients, and
    /// <c>System.Net.Mail.SmtpClient</c>. Each library is recognised by metadata name; one the project does not reference
    /// adds nothing. What they hand out per call (a gRPC client stub over a shared channel, a RabbitMQ channel, a
    /// <c>DependentProducerBuilder</c> producer over a shared handle) is cheap and not reported, nor is a
    /// <c>ConnectionFactory</c>, which only holds settings.
    /// </summary>
    internal sealed class ConnectionOwnerCreationRule : PerInvocationRule
    {
        private static readonly string[] ClientTypes =
        {
            "Elastic.Clients.Elasticsearch.ElasticsearchClient",
            "Nest.ElasticClient",
            "Elasticsearch.Net.ElasticLowLevelClient",
            "OpenSearch.Client.OpenSearchClient",
            "OpenSearch.Net.OpenSearchLowLevelClient",
            "System.Net.Mail.SmtpClient",
            "Grpc.Core.Channel",
        };

        private static readonly string[] KafkaBuilders =
        {
            "Confluent.Kafka.ProducerBuilder`2",
            "Confluent.Kafka.ConsumerBuilder`2",
            "Confluent.Kafka.AdminClientBuilder",
        };

        private readonly INamedTypeSymbol? _grpcChannel;
        private readonly INamedTypeSymbol? _rabbitConnectionFactory;
        private readonly INamedTypeSymbol?[] _clients;
        private readonly INamedTypeSymbol?[] _kafkaBuilders;

        private ConnectionOwnerCreationRule(Compilation compilation)
            : base(ConnectionRules.ConnectionOwnerCreatedPerInvocation)
        {
            _grpcChannel = compilation.GetTypeByMetadataName("Grpc.Net.Client.GrpcChannel");
            _rabbitConnectionFactory = compilation.GetTypeByMetadataName("RabbitMQ.Client.IConnectionFactory");
            _clients = Resolve(compilation, ClientTypes);
            _kafkaBuilders = Resolve(compilation, KafkaBuilders);
        }

        public static PerInvocationRule? Create(Compilation compilation)
        {
            var rule = new ConnectionOwnerCreationRule(compilation);
            return rule._grpcChannel is null && rule._rabbitConnectionFactory is null && AllNull(rule._clients) && AllNull(rule._kafkaBuilders)
                ? null
                : rule;
        }

        public override string? Match(IOperation operation)
        {
            if (operation is IObjectCreationOperation)
            {
                foreach (var client in _clients)
                {
                    if (TypeChecks.IsCreationOf(operation, client, out var created))
                    {
                        return created.Name;
                    }
                }

                return null;
            }

            if (operation is not IInvocationOperation invocation)
            {
                return null;
            }

            var method = invocation.TargetMethod;
            if (method.Name == "ForAddress" && TypeChecks.IsType(method.ContainingType, _grpcChannel))
            {
                return "GrpcChannel";
            }

            // 6.x: IConnection CreateConnection(...); 7.x: Task<IConnection> CreateConnectionAsync(...).
            if (method.Name is "CreateConnection" or "CreateConnectionAsync" && TypeChecks.Implements(method.ContainingType, _rabbitConnectionFactory))
            {
                return "IConnection";
            }

            if (method.Name == "Build" && method.Parameters.Length == 0)
            {
                foreach (var builder in _kafkaBuilders)
                {
                    if (TypeChecks.IsOrDerivesFrom(method.ContainingType, builder))
                    {
                        return method.ReturnType.Name;
                    }
                }
            }

            return null;
        }

        private static INamedTypeSymbol?[] Resolve(Compilation compilation, string[] names)
        {
            var types = new INamedTypeSymbol?[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                types[i] = compilation.GetTypeByMetadataName(names[i]);
            }

            return types;
        }

        private static bool AllNull(INamedTypeSymbol?[] types)
        {
            foreach (var type in types)
            {
                if (type is not null)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
