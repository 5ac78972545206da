using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>
    /// SLS5xxx: clients and connections created per invocation instead of once per execution environment
    /// (AWS Lambda best practices: "Initialize SDK clients and database connections outside of the function handler").
    /// Message arguments: see <see cref="PerInvocationRule"/>.
    /// </summary>
    internal static class ConnectionRules
    {
        public const string AwsClientCreatedPerInvocationId = "SLS5001";
        public const string HttpClientCreatedPerInvocationId = "SLS5002";
        public const string ConnectionPoolCreatedPerInvocationId = "SLS5003";
        public const string UnpooledConnectionPerInvocationId = "SLS5004";
        public const string DynamoDBContextCreatedPerInvocationId = "SLS5005";
        public const string ConnectionOwnerCreatedPerInvocationId = "SLS5006";

        public static readonly DiagnosticDescriptor AwsClientCreatedPerInvocation = RuleDescriptors.Create(
            AwsClientCreatedPerInvocationId,
            RuleCategories.Connections,
            DiagnosticSeverity.Warning,
            title: "AWS SDK client created per invocation",
            messageFormat: "'{0}' is created on every invocation {1}; create the AWS SDK client once per execution environment and reuse it{2}",
            description:
                "An AWS SDK service client resolves credentials and endpoints and keeps an HTTP connection pool. Created inside " +
                "the handler, every invocation repeats that work and opens new TLS connections; AWS recommends initializing SDK " +
                "clients outside the handler so later invocations in the same execution environment reuse them.");

        public static readonly DiagnosticDescriptor HttpClientCreatedPerInvocation = RuleDescriptors.Create(
            HttpClientCreatedPerInvocationId,
            RuleCategories.Connections,
            DiagnosticSeverity.Warning,
            title: "HttpClient created per invocation",
            messageFormat: "'{0}' is created on every invocation {1}; create it once per execution environment and reuse it{2}",
            description:
                "Lambda reuses an execution environment for many invocations. An HttpClient (or its SocketsHttpHandler/HttpClientHandler) " +
                "created inside the handler opens new connections (TCP and TLS handshakes, DNS lookups) on every invocation and " +
                "leaves sockets behind; AWS recommends initializing clients outside the handler so later invocations reuse them.");

        public static readonly DiagnosticDescriptor ConnectionPoolCreatedPerInvocation = RuleDescriptors.Create(
            ConnectionPoolCreatedPerInvocationId,
            RuleCategories.Connections,
            DiagnosticSeverity.Warning,
            title: "Connection pool created per invocation",
            messageFormat: "'{0}' is created on every invocation {1}; it owns a connection pool, so create it once per execution environment and reuse it{2}",
            description:
                "Data sources (NpgsqlDataSource, MySqlDataSource), Redis ConnectionMultiplexer and MongoClient each own a pool of " +
                "open connections and are designed to be shared for the life of the process. One per invocation opens fresh " +
                "connections every time and can exhaust the database's connection limit under concurrency.");

        public static readonly DiagnosticDescriptor UnpooledConnectionPerInvocation = RuleDescriptors.Create(
            UnpooledConnectionPerInvocationId,
            RuleCategories.Connections,
            DiagnosticSeverity.Warning,
            title: "Database connection with pooling disabled created per invocation",
            messageFormat: "'{0}' is created with pooling disabled on every invocation {1}; each invocation pays a new connection and handshake: keep pooling on (remove 'Pooling=false') or use a data source created once per execution environment{2}",
            description:
                "ADO.NET providers pool physical connections per connection string, so a new connection object per invocation is " +
                "cheap by default. With Pooling=false every invocation opens a new physical connection (TCP, TLS, authentication) " +
                "and the database sees one connection per concurrent execution environment churned on every request.");

        public static readonly DiagnosticDescriptor DynamoDBContextCreatedPerInvocation = RuleDescriptors.Create(
            DynamoDBContextCreatedPerInvocationId,
            RuleCategories.Connections,
            DiagnosticSeverity.Warning,
            title: "DynamoDBContext created per invocation",
            messageFormat: "'{0}' is created on every invocation {1}; it builds its model metadata by reflection per instance, so create it once per execution environment and reuse it{2}",
            description:
                "DynamoDBContext builds the storage configuration of each model it handles by reflection and caches it in the " +
                "context instance. A context per invocation repeats that reflection on every request.");

        public static readonly DiagnosticDescriptor ConnectionOwnerCreatedPerInvocation = RuleDescriptors.Create(
            ConnectionOwnerCreatedPerInvocationId,
            RuleCategories.Connections,
            DiagnosticSeverity.Warning,
            title: "Client that owns connections created per invocation",
            messageFormat: "'{0}' is created on every invocation {1}; it owns network connections, so create it once per execution environment and reuse it{2}",
            description:
                "gRPC channels, RabbitMQ connections, Kafka producers, consumers and admin clients, Elasticsearch and OpenSearch " +
                "clients, SmtpClient, connected TcpClients and Sockets, and the types listed in the .editorconfig key " +
                "sharpless.per_invocation_types hold open network connections and are designed to be created once and shared. " +
                "One per invocation pays the TCP, TLS and protocol handshakes on every request and leaves connections behind.");

        public static readonly DiagnosticDescriptor[] PerInvocation =
        {
            AwsClientCreatedPerInvocation,
            HttpClientCreatedPerInvocation,
            ConnectionPoolCreatedPerInvocation,
            UnpooledConnectionPerInvocation,
            DynamoDBContextCreatedPerInvocation,
            ConnectionOwnerCreatedPerInvocation,
        };
    }
}
