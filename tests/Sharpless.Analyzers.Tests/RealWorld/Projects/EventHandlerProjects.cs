namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

/// <summary>
/// Handlers found by their event type (the first parameter is an Amazon.Lambda.*Events type), with and without
/// ILambdaContext, as the aws-lambda-dotnet blueprints and the serverless-dotnet-demo write them, and the
/// `Function.FunctionHandler` default of `dotnet new lambda.*` taking a POCO.
/// </summary>
internal static class EventHandlerProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield return new RealWorldProject("sqs-event-no-context", "SQSEvent handler without ILambdaContext", "QueueProcessor")
            .Source("Processor.cs", """
                using System.Collections.Generic;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.Lambda.SQSEvents;

                namespace QueueProcessor;

                public record Shipment(string Id, string Carrier);

                public class Processor
                {
                    public async Task Handle(SQSEvent evt)
                    {
                        foreach (var message in evt.Records)
                        {
                            var options = {|SLS4004:new JsonSerializerOptions { PropertyNameCaseInsensitive = true }|};
                            var shipment = JsonSerializer.Deserialize<Shipment>(message.Body, options)!;
                            var dynamo = {|SLS5001:new AmazonDynamoDBClient()|};
                            await dynamo.PutItemAsync("Shipments", new Dictionary<string, AttributeValue> { ["Id"] = new AttributeValue { S = shipment.Id } });
                        }
                    }
                }
                """)
            .LambdaProjectType()
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("sns-event-webhook-fanout", "SNSEvent handler, HttpClient per record", "Fanout")
            .Source("Function.cs", """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.Lambda.SNSEvents;

                namespace Fanout;

                public class Function
                {
                    public async Task FunctionHandler(SNSEvent evt)
                    {
                        foreach (var record in evt.Records)
                        {
                            using var client = {|SLS5002:new HttpClient()|};
                            await client.PostAsync("https://partner.example.com/hooks", new StringContent(record.Sns.Message));
                        }
                    }
                }
                """)
            .ReadyToRun()
            .LambdaProjectType()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("s3-event-blueprint", "S3Event blueprint: client built in the constructors (correct)", "S3Metadata")
            .Source("Function.cs", """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.S3Events;
                using Amazon.S3;

                namespace S3Metadata;

                public class Function
                {
                    private IAmazonS3 S3Client { get; }

                    public Function()
                    {
                        S3Client = {|quiet:new AmazonS3Client()|};
                    }

                    public Function(IAmazonS3 s3Client)
                    {
                        S3Client = s3Client;
                    }

                    public async Task<string?> FunctionHandler(S3Event evnt, ILambdaContext context)
                    {
                        var s3Event = evnt.Records?[0].S3;
                        if (s3Event == null) return null;
                        var response = await S3Client.GetObjectMetadataAsync(s3Event.Bucket.Name, s3Event.Object.Key);
                        return response.Headers.ContentType;
                    }
                }
                """)
            .ReadyToRun()
            .LambdaProjectType()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("dynamodb-stream-projector", "DynamoDBEvent stream handler, context built per batch", "Projector")
            .Source("StreamHandler.cs", """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.DataModel;
                using Amazon.Lambda.DynamoDBEvents;

                namespace Projector;

                [DynamoDBTable("CustomerView")]
                public class CustomerView
                {
                    [DynamoDBHashKey] public string {|quiet:CustomerId|} { get; set; } = "";
                    public int OrderCount { get; set; }
                }

                public class StreamHandler
                {
                    private static readonly IAmazonDynamoDB Client = {|quiet:new AmazonDynamoDBClient()|};

                    public async Task<StreamsEventResponse> Project(DynamoDBEvent evt)
                    {
                        var failures = new List<StreamsEventResponse.BatchItemFailure>();
                        var context = {|SLS5005:new DynamoDBContextBuilder().WithDynamoDBClient(() => Client).Build()|};
                        foreach (var record in evt.Records)
                        {
                            var view = new CustomerView { CustomerId = record.Dynamodb.Keys["CustomerId"].S };
                            await context.SaveAsync(view);
                        }

                        return new StreamsEventResponse { BatchItemFailures = failures };
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("kinesis-redis-counter", "KinesisEvent handler, Redis multiplexer per batch", "Clickstream")
            .Source("Function.cs", """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.KinesisEvents;
                using StackExchange.Redis;

                namespace Clickstream;

                public class Function
                {
                    public async Task Count(KinesisEvent evt)
                    {
                        var redis = await {|SLS5003:ConnectionMultiplexer.ConnectAsync("clicks.abc123.cache.amazonaws.com:6379")|};
                        foreach (var record in evt.Records)
                        {
                            using var reader = new StreamReader(record.Kinesis.Data);
                            await redis.GetDatabase().StringSetAsync(record.Kinesis.PartitionKey, await reader.ReadToEndAsync());
                        }
                    }
                }
                """)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("scheduled-event-cleanup", "ScheduledEvent (EventBridge schedule), Mongo client and assembly scan per run", "Cleanup")
            .Source("Cleanup.cs", """
                using System;
                using System.Linq;
                using System.Threading.Tasks;
                using Amazon.Lambda.CloudWatchEvents.ScheduledEvents;
                using MongoDB.Driver;

                namespace Cleanup;

                public interface ICleanupJob { Task RunAsync(IMongoDatabase db); }

                public class NightlyCleanup
                {
                    public async Task Run(ScheduledEvent evt)
                    {
                        var client = {|SLS5003:new MongoClient(Environment.GetEnvironmentVariable("MONGO_URL"))|};
                        var db = client.GetDatabase("shop");
                        var jobs = {|SLS4008:typeof(NightlyCleanup).Assembly.GetTypes()|}.Where(t => typeof(ICleanupJob).IsAssignableFrom(t) && !t.IsInterface);
                        foreach (var job in jobs)
                        {
                            await ((ICleanupJob){|SLS4008:Activator.CreateInstance(job)|}!).RunAsync(db);
                        }
                    }
                }
                """)
            .LambdaProjectType()
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("apigw-rest-dao-per-request", "API Gateway REST proxy handler, DAO (and its client) created per request", "Products")
            .Source("Function.cs", """
                using System.Net;
                using System.Threading.Tasks;
                using Amazon.Lambda.APIGatewayEvents;

                namespace Products;

                public class Function
                {
                    public async Task<APIGatewayProxyResponse> GetProduct(APIGatewayProxyRequest request)
                    {
                        var dao = new DynamoDbProducts();
                        var name = await dao.NameOf(request.PathParameters["id"]);
                        return new APIGatewayProxyResponse { StatusCode = name is null ? (int)HttpStatusCode.NotFound : 200, Body = name };
                    }
                }
                """)
            .Source("DynamoDbProducts.cs", """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                namespace Products;

                public class DynamoDbProducts
                {
                    private readonly AmazonDynamoDBClient _client;

                    public DynamoDbProducts()
                    {
                        _client = {|SLS5001:new AmazonDynamoDBClient()|};
                    }

                    public async Task<string?> NameOf(string id)
                    {
                        var item = await _client.GetItemAsync("Products", new Dictionary<string, AttributeValue> { ["PK"] = new AttributeValue { S = id } });
                        return item.Item is { } found && found.TryGetValue("Name", out var name) ? name.S : null;
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("apigw-httpapi-dao-in-constructor", "HTTP API v2 handler, DAO built once in the constructor (serverless-dotnet-demo shape)", "Catalog")
            .Source("Function.cs", """
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.Lambda.APIGatewayEvents;
                using Amazon.Lambda.Core;

                namespace Catalog;

                public class Function
                {
                    private static readonly JsonSerializerOptions Json = {|quiet:new JsonSerializerOptions(JsonSerializerDefaults.Web)|};
                    private readonly ProductStore _store;

                    public Function()
                    {
                        _store = {|quiet:new ProductStore()|};
                    }

                    public async Task<APIGatewayHttpApiV2ProxyResponse> FunctionHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                    {
                        var products = await _store.AllAsync();
                        return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = JsonSerializer.Serialize(products, Json) };
                    }
                }
                """)
            .Source("ProductStore.cs", """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                namespace Catalog;

                public class ProductStore
                {
                    private readonly IAmazonDynamoDB _client = {|quiet:new AmazonDynamoDBClient()|};

                    public async Task<List<string>> AllAsync()
                    {
                        var page = await _client.ScanAsync(new ScanRequest { TableName = "Products", Limit = 50 });
                        return page.Items.Select(i => i["Name"].S).ToList();
                    }
                }
                """)
            .ReadyToRun()
            .LambdaProjectType()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("alb-target-sqlserver", "ALB target handler, SqlClient with pooling off", "Legacy")
            .Source("AlbFunction.cs", """
                using System.Threading.Tasks;
                using Amazon.Lambda.ApplicationLoadBalancerEvents;
                using Microsoft.Data.SqlClient;

                namespace Legacy;

                public class AlbFunction
                {
                    private const string Db = "Server=legacy-sql.internal;Database=Crm;User Id=app;Pooling=false";

                    public async Task<ApplicationLoadBalancerResponse> Handle(ApplicationLoadBalancerRequest request)
                    {
                        using var connection = {|SLS5004:new SqlConnection(Db)|};
                        await connection.OpenAsync();
                        return new ApplicationLoadBalancerResponse { StatusCode = 200, StatusDescription = "200 OK", Body = "ok" };
                    }
                }
                """)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("cognito-pre-signup", "Cognito pre sign-up trigger", "Identity.Triggers")
            .Source("PreSignUp.cs", """
                using System.Net.Http;
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using Amazon.Lambda.CognitoEvents;

                namespace Identity.Triggers;

                public class PreSignUp
                {
                    private static readonly HttpClient Allowlist = {|quiet:new HttpClient()|};

                    public async Task<CognitoPreSignupEvent> Handle(CognitoPreSignupEvent evt)
                    {
                        var email = evt.Request.UserAttributes["email"];
                        var domain = {|SLS4009:new Regex("@(?<domain>[^@]+)$")|}.Match(email).Groups["domain"].Value;
                        var allowed = await Allowlist.GetStringAsync($"https://allowlist.internal/domains/{domain}");
                        evt.Response.AutoConfirmUser = allowed == "true";
                        return evt;
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("custom-resource-provider", "CloudFormation custom resource (ResponseURL PUT), ILambdaContext", "CustomResources")
            .Source("SeedTable.cs", """
                using System.Net.Http;
                using System.Text;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;

                namespace CustomResources;

                public class CustomResourceRequest
                {
                    public string RequestType { get; set; } = "";
                    public string ResponseURL { get; set; } = "";
                    public string StackId { get; set; } = "";
                    public string RequestId { get; set; } = "";
                    public string LogicalResourceId { get; set; } = "";
                }

                public class SeedTable
                {
                    private static readonly HttpClient Http = {|quiet:new HttpClient()|};

                    public async Task FunctionHandler(CustomResourceRequest request, ILambdaContext context)
                    {
                        var body = JsonSerializer.Serialize(new
                        {
                            Status = "SUCCESS",
                            PhysicalResourceId = context.LogStreamName,
                            request.StackId,
                            request.RequestId,
                            request.LogicalResourceId,
                        }, {|SLS4004:new JsonSerializerOptions { PropertyNamingPolicy = null }|});
                        await Http.PutAsync(request.ResponseURL, new StringContent(body, Encoding.UTF8));
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("function-handler-poco-no-context", "Function.FunctionHandler(POCO) of dotnet new lambda, no ILambdaContext", "Thumbnailer")
            .Source("Function.cs", """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                namespace Thumbnailer;

                public class MyPayload { public string Bucket { get; set; } = ""; public string Key { get; set; } = ""; }

                public class Function
                {
                    public static async Task FunctionHandler(MyPayload payload)
                    {
                        var s3 = {|SLS5001:new AmazonS3Client()|};
                        await s3.CopyObjectAsync(new CopyObjectRequest
                        {
                            SourceBucket = payload.Bucket,
                            SourceKey = payload.Key,
                            DestinationBucket = payload.Bucket,
                            DestinationKey = "thumbs/" + payload.Key,
                        });
                    }
                }
                """)
            .LambdaProjectType()
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("firehose-transform", "Kinesis Firehose transformation, Regex per record", "LogShipper")
            .Source("Transform.cs", """
                using System.Collections.Generic;
                using System.Text.RegularExpressions;
                using Amazon.Lambda.KinesisFirehoseEvents;

                namespace LogShipper;

                public class Transform
                {
                    private static readonly Regex Token = {|quiet:new Regex("token=[^&\\s]+", RegexOptions.Compiled)|};

                    public KinesisFirehoseResponse Redact(KinesisFirehoseEvent evt)
                    {
                        var records = new List<KinesisFirehoseResponse.FirehoseRecord>();
                        foreach (var record in evt.Records)
                        {
                            var line = Token.Replace(record.DecodeData(), "token=***");
                            line = {|SLS4009:new Regex(@"\b\d{16}\b")|}.Replace(line, "****");
                            var output = new KinesisFirehoseResponse.FirehoseRecord { RecordId = record.RecordId, Result = "Ok" };
                            output.EncodeData(line);
                            records.Add(output);
                        }

                        return new KinesisFirehoseResponse { Records = records };
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");
    }
}
