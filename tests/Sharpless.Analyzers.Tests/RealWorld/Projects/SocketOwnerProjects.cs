namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

/// <summary>
/// Clients that own sockets, created per invocation (SLS5006) or once (quiet): gRPC channels, RabbitMQ connections,
/// Kafka producers, the Elasticsearch client, SmtpClient and TcpClient, and a team's own connection type named in
/// .editorconfig (`sharpless.per_invocation_types`).
/// </summary>
internal static class SocketOwnerProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield return new RealWorldProject("grpc-channel-per-message", "gRPC GrpcChannel.ForAddress in an SQS handler", "Reservations")
            .Source("Function.cs", """
                using System.Threading.Tasks;
                using Amazon.Lambda.SQSEvents;
                using Grpc.Net.Client;

                namespace Reservations;

                public class Function
                {
                    private static readonly GrpcChannel Pricing = {|quiet:GrpcChannel.ForAddress("https://pricing.internal:5001")|};

                    public async Task<string> Handle(SQSEvent evt)
                    {
                        var targets = Pricing.Target;
                        foreach (var message in evt.Records)
                        {
                            using var channel = {|SLS5006:GrpcChannel.ForAddress("https://inventory.internal:5001")|};
                            targets += channel.Target + message.MessageId;
                        }

                        await Task.Yield();
                        return targets;
                    }
                }
                """)
            .ReadyToRun()
            .Needing(Needs.Grpc)
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("rabbitmq-connection-per-invocation", "RabbitMQ CreateConnectionAsync in a handler", "Dispatch")
            .Source("Function.cs", """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using RabbitMQ.Client;

                namespace Dispatch;

                public class Function
                {
                    private static readonly ConnectionFactory Factory = new() { HostName = "b-1234.mq.eu-west-1.amazonaws.com", Port = 5671 };

                    public async Task FunctionHandler(string orderId, ILambdaContext context)
                    {
                        await using var connection = await {|SLS5006:Factory.CreateConnectionAsync()|};
                        await using var channel = await connection.CreateChannelAsync();
                        await channel.QueueDeclarePassiveAsync("orders");
                    }
                }
                """)
            .ReadyToRun()
            .Needing(Needs.RabbitMQ)
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("kafka-producer-per-invocation", "Confluent.Kafka ProducerBuilder.Build in an API Gateway handler", "Events.Ingest")
            .Source("Function.cs", """
                using System.Threading.Tasks;
                using Amazon.Lambda.APIGatewayEvents;
                using Confluent.Kafka;

                namespace Events.Ingest;

                public class Function
                {
                    private static readonly ProducerConfig Config = new() { BootstrapServers = "b-1.msk.internal:9092" };
                    private static readonly IProducer<string, string> Audit = {|quiet:new ProducerBuilder<string, string>(Config).Build()|};

                    public async Task<APIGatewayProxyResponse> Publish(APIGatewayProxyRequest request)
                    {
                        using var producer = {|SLS5006:new ProducerBuilder<string, string>(Config).Build()|};
                        await producer.ProduceAsync("clicks", new Message<string, string> { Key = request.Path, Value = request.Body });
                        await Audit.ProduceAsync("audit", new Message<string, string> { Key = "publish", Value = request.Path });
                        return new APIGatewayProxyResponse { StatusCode = 202 };
                    }
                }
                """)
            .Needing(Needs.Kafka)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("elasticsearch-client-per-invocation", "Elastic.Clients.Elasticsearch client in a DynamoDB stream indexer", "Search.Indexer")
            .Source("Indexer.cs", """
                using System;
                using System.Threading.Tasks;
                using Amazon.Lambda.DynamoDBEvents;
                using Elastic.Clients.Elasticsearch;

                namespace Search.Indexer;

                public class Indexer
                {
                    private static readonly Uri Cluster = new("https://search.internal:9200");

                    public async Task Handle(DynamoDBEvent evt)
                    {
                        var client = {|SLS5006:new ElasticsearchClient(Cluster)|};
                        foreach (var record in evt.Records)
                        {
                            await client.IndexAsync(new { id = record.Dynamodb.Keys["Id"].S }, i => i.Index("products"));
                        }
                    }
                }
                """)
            .ReadyToRun()
            .Needing(Needs.Elasticsearch)
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("smtp-client-per-invocation", "SmtpClient (SES SMTP endpoint) in a Cognito post-confirmation trigger", "Welcome")
            .Source("Function.cs", """
                using System.Net;
                using System.Net.Mail;
                using System.Threading.Tasks;
                using Amazon.Lambda.CognitoEvents;

                namespace Welcome;

                public class Function
                {
                    public async Task<CognitoPostConfirmationEvent> Handle(CognitoPostConfirmationEvent evt)
                    {
                        using var smtp = {|SLS5006:new SmtpClient("email-smtp.eu-west-1.amazonaws.com", 587)|};
                        smtp.EnableSsl = true;
                        smtp.Credentials = new NetworkCredential("AKIA...", "secret");
                        await smtp.SendMailAsync("welcome@example.com", evt.Request.UserAttributes["email"], "Welcome", "Thanks for signing up");
                        return evt;
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("tcp-client-metrics", "TcpClient to a Graphite endpoint per invocation, scheduled job", "Metrics")
            .Source("Function.cs", """
                using System;
                using System.Net.Sockets;
                using System.Text;
                using System.Threading.Tasks;
                using Amazon.Lambda.CloudWatchEvents.ScheduledEvents;

                namespace Metrics;

                public class Function
                {
                    public async Task FunctionHandler(ScheduledEvent evt)
                    {
                        using var tcp = {|SLS5006:new TcpClient("graphite.internal", 2003)|};
                        var line = Encoding.ASCII.GetBytes($"jobs.heartbeat 1 {DateTimeOffset.UtcNow.ToUnixTimeSeconds()}\n");
                        await tcp.GetStream().WriteAsync(line);
                    }
                }
                """)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("editorconfig-per-invocation-types", ".editorconfig sharpless.per_invocation_types names the team's own connection type", "Telemetry")
            .WithEditorConfig("""
                root = true

                [*.cs]
                sharpless.per_invocation_types = Acme.Telemetry.StatsdConnection
                """)
            .Source("StatsdConnection.cs", """
                using System;
                using System.Net.Sockets;

                namespace Acme.Telemetry;

                /// <summary>Holds a UDP socket to the StatsD agent; meant to be created once.</summary>
                public sealed class StatsdConnection : IDisposable
                {
                    private readonly UdpClient _udp;
                    public StatsdConnection(string host) => _udp = new UdpClient(host, 8125);
                    public void Count(string metric) => _udp.Send(System.Text.Encoding.ASCII.GetBytes(metric + ":1|c"));
                    public void Dispose() => _udp.Dispose();
                }

                public sealed class Tags
                {
                    public Tags(string service) => Service = service;
                    public string Service { get; }
                }
                """)
            .Source("Function.cs", """
                using Acme.Telemetry;
                using Amazon.Lambda.SQSEvents;

                namespace Telemetry;

                public class Function
                {
                    private static readonly StatsdConnection Shared = {|quiet:new StatsdConnection("statsd.internal")|};

                    public void Handle(SQSEvent evt)
                    {
                        var tags = {|quiet:new Tags("orders")|};
                        using var statsd = {|SLS5006:new StatsdConnection("statsd.internal")|};
                        foreach (var message in evt.Records)
                        {
                            statsd.Count(tags.Service + ".received");
                            Shared.Count("all.received");
                        }
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");
    }
}
