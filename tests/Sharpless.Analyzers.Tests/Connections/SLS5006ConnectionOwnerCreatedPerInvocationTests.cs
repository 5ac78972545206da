using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.Connections;

/// <summary>
/// SLS5006 against the real Grpc.Net.Client, RabbitMQ.Client 7, Confluent.Kafka, Elastic.Clients.Elasticsearch and NEST
/// assemblies (OpenSearch and legacy Grpc.Core are TestKit stand-ins), plus System.Net.Mail and System.Net.Sockets.
/// </summary>
public sealed class SLS5006ConnectionOwnerCreatedPerInvocationTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.CreateWithConnectionOwners(code, "SLS5006");

    // A gRPC client stub as Grpc.Tools generates it for `service Greeter`: a thin wrapper over a channel.
    private const string GreeterStub = """
        namespace Greet
        {
            public static class Greeter
            {
                public class GreeterClient : Grpc.Core.ClientBase<GreeterClient>
                {
                    public GreeterClient(Grpc.Core.ChannelBase channel) : base(channel) { }
                    protected GreeterClient(ClientBaseConfiguration configuration) : base(configuration) { }
                    protected override GreeterClient NewInstance(ClientBaseConfiguration configuration) => new GreeterClient(configuration);
                }
            }
        }
        """;

    // ---- fires -------------------------------------------------------------------------------------------------

    [Fact]
    public Task GrpcChannel_InHandler_IsReported_WithItsMessage() => Project("""
        using Grpc.Net.Client;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public string Handle()
            {
                using var channel = [|GrpcChannel.ForAddress("https://greeter.internal:443")|];
                return channel.Target;
            }
        }
        """)
        .ShouldReportDiagnosticWithMessage("'GrpcChannel' is created on every invocation of 'Function.Handle'; it owns network connections, so create it once per execution environment and reuse it")
        .ValidateAsync();

    [Fact]
    public Task EveryConnectionOwner_IsReported() => Project("""
        using System;
        using System.Collections.Generic;
        using System.Net.Mail;
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using Elastic.Clients.Elasticsearch;
        using Elasticsearch.Net;
        using Grpc.Core;
        using Nest;
        using OpenSearch.Client;
        using OpenSearch.Net;
        using RabbitMQ.Client;
        using Sharpless;
        public class Function
        {
            private static readonly Uri Cluster = new("https://search.internal:9200");

            [LambdaFunction]
            public object LegacyGrpc() => [|new Channel("greeter.internal:443", ChannelCredentials.Insecure)|];

            [LambdaFunction]
            public async Task<object> Rabbit()
            {
                var factory = new ConnectionFactory { HostName = "mq.internal" };
                return await [|factory.CreateConnectionAsync()|];
            }

            [LambdaFunction]
            public async Task<object> RabbitThroughTheInterface(IConnectionFactory factory) => await [|factory.CreateConnectionAsync()|];

            [LambdaFunction]
            public object Producer() =>
                [|new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = "kafka:9092" }).Build()|];

            [LambdaFunction]
            public object Consumer() =>
                [|new ConsumerBuilder<string, string>(new ConsumerConfig { BootstrapServers = "kafka:9092", GroupId = "orders" }).Build()|];

            [LambdaFunction]
            public object Admin() => [|new AdminClientBuilder(new AdminClientConfig { BootstrapServers = "kafka:9092" }).Build()|];

            [LambdaFunction]
            public object ElasticV9() => [|new ElasticsearchClient(Cluster)|];

            [LambdaFunction]
            public object NestClient() => [|new ElasticClient(Cluster)|];

            [LambdaFunction]
            public object ElasticLowLevel() => [|new ElasticLowLevelClient()|];

            [LambdaFunction]
            public object OpenSearchHighLevel() => [|new OpenSearchClient(Cluster)|];

            [LambdaFunction]
            public object OpenSearchLowLevel() => [|new OpenSearchLowLevelClient(new global::OpenSearch.Net.ConnectionConfiguration(Cluster))|];

            [LambdaFunction]
            public void Mail(MailMessage message)
            {
                using var smtp = [|new SmtpClient("smtp.internal", 587)|];
                smtp.Send(message);
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task RabbitMQ6_SyncCreateConnection_IsReported_AndTheFactoryIsNot() => PerInvocationProject.CreateWithRabbitMQ6("""
        using RabbitMQ.Client;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public void Handle(byte[] body)
            {
                var factory = new ConnectionFactory { HostName = "mq.internal" };
                using var connection = [|factory.CreateConnection()|];
                using var channel = connection.CreateModel();
                channel.BasicPublish("", "orders", null, body);
            }
        }
        """, "SLS5006")
        .ShouldReportDiagnosticWithMessage("'IConnection' is created on every invocation of 'Function.Handle'; it owns network connections, so create it once per execution environment and reuse it (it uses 'factory', known only when the code runs, so it cannot simply move to a field: build it from values available at init, or keep one instance per distinct value)")
        .ValidateAsync();

    [Fact]
    public Task RabbitMQ6_ConnectionCreatedAtInit_IsNotReported() => PerInvocationProject.CreateWithRabbitMQ6("""
        using RabbitMQ.Client;
        using Sharpless;
        public class Function
        {
            private static readonly IConnection s_connection = new ConnectionFactory { HostName = "mq.internal" }.CreateConnection();

            [LambdaFunction]
            public void Handle(byte[] body)
            {
                using var channel = s_connection.CreateModel();
                channel.BasicPublish("", "orders", null, body);
            }
        }
        """, "SLS5006")
        .ValidateAsync();

    [Fact]
    public Task SocketConnects_AreReported() => Project("""
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Constructor() => [|new TcpClient("metrics.internal", 2003)|];

            [LambdaFunction]
            public async Task ConnectAsync()
            {
                using var client = new TcpClient();
                await [|client.ConnectAsync("metrics.internal", 2003)|];
            }

            [LambdaFunction]
            public void RawSocket(EndPoint endPoint)
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                [|socket.Connect(endPoint)|];
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task SocketConnect_IsReported_WithItsMessage() => Project("""
        using System.Net;
        using System.Net.Sockets;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public void Handle(EndPoint endPoint)
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                [|socket.Connect(endPoint)|];
            }
        }
        """)
        .ShouldReportDiagnosticWithMessage("'Socket connection' is created on every invocation of 'Function.Handle'; it owns network connections, so create it once per execution environment and reuse it")
        .ValidateAsync();

    [Fact]
    public Task ProducerBuiltInAHelper_IsReportedAtCompilationEnd_WithThePath() => Project("""
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public Task Handle(string order) => Events.PublishAsync(order);
        }

        public static class Events
        {
            public static async Task PublishAsync(string order)
            {
                using var producer = [|new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = "kafka:9092" }).Build()|];
                await producer.ProduceAsync("orders", new Message<Null, string> { Value = order });
            }
        }
        """)
        .ShouldReportDiagnosticWithMessage("'IProducer' is created on every invocation via Function.Handle → Events.PublishAsync; it owns network connections, so create it once per execution environment and reuse it")
        .ValidateAsync();

    [Fact]
    public Task TypesListedInEditorConfig_AreReported_AndTheirSubclasses() => Project("""
        using Acme.Messaging;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle() => [|new BusClient("amqp://bus")|];

            [LambdaFunction]
            public object Derived() => [|new OrdersBus()|];
        }

        namespace Acme.Messaging
        {
            public class BusClient { public BusClient(string url) { } }
            public sealed class OrdersBus : BusClient { public OrdersBus() : base("amqp://orders") { } }
        }
        """)
        .WithEditorConfig("""
            root = true

            [*.cs]
            sharpless.per_invocation_types = Acme.Messaging.BusClient, Acme.Search.Missing
            """)
        .ValidateAsync();

    [Fact]
    public Task TypesListedInAGlobalConfig_AreReported() => Project("""
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle() => [|new Acme.Ldap.DirectoryConnection()|];
        }

        namespace Acme.Ldap { public class DirectoryConnection { } }
        """)
        .WithEditorConfig("""
            is_global = true
            sharpless.per_invocation_types = Acme.Ldap.DirectoryConnection
            """)
        .ShouldReportDiagnosticWithMessage("'DirectoryConnection' is created on every invocation of 'Function.Handle'; it owns network connections, so create it once per execution environment and reuse it")
        .ValidateAsync();

    [Fact]
    public Task AListedTypeAnotherRuleReports_KeepsThatRulesId() => Project("""
        using System.Net.Http;
        using Amazon.DynamoDBv2;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Http() => {|SLS5002:new HttpClient()|};

            [LambdaFunction]
            public object Dynamo() => {|SLS5001:new AmazonDynamoDBClient()|};
        }
        """)
        .WithEditorConfig("""
            root = true

            [*.cs]
            sharpless.per_invocation_types = System.Net.Http.HttpClient; Amazon.DynamoDBv2.AmazonDynamoDBClient
            """)
        .ValidateAsync();

    // ---- stays quiet -------------------------------------------------------------------------------------------

    [Fact]
    public Task OwnersCreatedAtInit_AndWhatTheyHandOutPerInvocation_AreNotReported() => Project("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using Elastic.Clients.Elasticsearch;
        using Grpc.Net.Client;
        using RabbitMQ.Client;
        using Sharpless;
        public class Function
        {
            private static readonly GrpcChannel s_channel = GrpcChannel.ForAddress("https://greeter.internal:443");
            private static readonly IProducer<string, string> s_producer =
                new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = "kafka:9092" }).Build();
            private static readonly Lazy<ElasticsearchClient> s_search = new(() => new ElasticsearchClient(new Uri("https://search:9200")));
            private static IConnection? s_connection;
            private readonly ElasticsearchClient _search;

            public Function() { _search = new ElasticsearchClient(new Uri("https://search:9200")); }

            [LambdaFunction]
            public async Task<object> Handle(string order)
            {
                // A client stub is a thin wrapper over the shared channel: cheap, and what gRPC recommends.
                var greeter = new Greet.Greeter.GreeterClient(s_channel);

                // A ConnectionFactory only holds settings; the connection it creates is cached on first use.
                var factory = new ConnectionFactory { HostName = "mq.internal" };
                s_connection ??= await factory.CreateConnectionAsync();
                await using var channel = await s_connection.CreateChannelAsync();

                // A dependent producer shares the long-lived producer's handle and connections.
                using var typed = new DependentProducerBuilder<Null, string>(s_producer.Handle).Build();
                await typed.ProduceAsync("orders", new Message<Null, string> { Value = order });

                return (greeter, _search, s_search.Value);
            }
        }
        """ + "\n" + GreeterStub)
        .ValidateAsync();

    [Fact]
    public Task ConnectsOnASharedClient_AreNotReported() => Project("""
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            private static readonly TcpClient s_metrics = new();
            private static readonly TcpClient s_connected = new("metrics.internal", 2003);

            [LambdaFunction]
            public async Task Handle(Socket callerSocket)
            {
                if (!s_metrics.Connected)
                {
                    await s_metrics.ConnectAsync("metrics.internal", 2003);
                }

                // Creating a socket does not connect it; a socket the caller owns is the caller's business.
                using var unconnected = new Socket(SocketType.Stream, ProtocolType.Tcp);
                callerSocket.Connect("metrics.internal", 2003);
                await s_connected.GetStream().FlushAsync();
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task AListNamingNothingTheProjectHas_ReportsNothing() => Project("""
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle() => new Acme.Messaging.BusClient();
        }

        namespace Acme.Messaging { public class BusClient { } }
        """)
        .WithEditorConfig("""
            root = true

            [*.cs]
            sharpless.per_invocation_types = Acme.Messaging.Missing, Other.BusClient, BusClient
            """)
        .ValidateAsync();

    [Fact]
    public Task Suppressed_ByEditorConfig() => Project("""
        using Grpc.Net.Client;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle() => GrpcChannel.ForAddress("https://greeter.internal:443");
        }
        """)
        .WithEditorConfig("""
            root = true

            [*.cs]
            dotnet_diagnostic.SLS5006.severity = none
            """)
        .ValidateAsync();

    // ---- code fix ----------------------------------------------------------------------------------------------

    [Fact]
    public Task Fix_HoistsTheChannel_AndTheStubStaysPerInvocation() => Project("""
        using System.Threading.Tasks;
        using Grpc.Net.Client;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle()
            {
                var channel = [|GrpcChannel.ForAddress("https://greeter.internal:443")|];
                return new Greet.Greeter.GreeterClient(channel);
            }
        }
        """ + "\n" + GreeterStub)
        .ShouldFixCodeWith("""
        using System.Threading.Tasks;
        using Grpc.Net.Client;
        using Sharpless;
        public class Function
        {
            private static readonly GrpcChannel _channel = GrpcChannel.ForAddress("https://greeter.internal:443");

            [LambdaFunction]
            public object Handle()
            {
                return new Greet.Greeter.GreeterClient(_channel);
            }
        }
        """ + "\n" + GreeterStub)
        .ValidateAsync();

    [Fact]
    public Task Fix_IsNotOffered_ForAConnectCall() => Project("""
        using System.Net.Sockets;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public void Handle()
            {
                var client = new TcpClient();
                [|client.Connect("metrics.internal", 2003)|];
            }
        }
        """)
        .ShouldNotOfferCodeFix()
        .ValidateAsync();
}
