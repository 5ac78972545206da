namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

/// <summary>
/// Per-invocation work behind delegates and containers: a record handler handed to a batch processor (the shape of
/// Powertools' batch utility: a method group or lambda the processor calls per record), `Parallel.ForEachAsync`,
/// factory delegates stored at init and called per invocation, run-once idioms (`Lazy&lt;T&gt;`, `LazyInitializer`,
/// a static cache's `GetOrAdd`), and DI containers built once or per call with singleton, scoped and transient
/// registrations.
/// </summary>
internal static class DelegateAndContainerProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield return new RealWorldProject("batch-processor-method-group", "Batch wrapper: record handler passed as a method group", "Payments")
            .Source("BatchRunner.cs", """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.Lambda.SQSEvents;

                namespace Payments;

                /// <summary>The team's partial-batch helper: runs the record handler per message and reports failures.</summary>
                public static class BatchRunner
                {
                    public static async Task<SQSBatchResponse> ProcessAsync(SQSEvent evt, Func<SQSEvent.SQSMessage, Task> recordHandler)
                    {
                        var failures = new List<SQSBatchResponse.BatchItemFailure>();
                        foreach (var message in evt.Records)
                        {
                            try { await recordHandler(message); }
                            catch (Exception) { failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId }); }
                        }

                        return new SQSBatchResponse(failures);
                    }
                }
                """)
            .Source("Function.cs", """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.SQSEvents;

                namespace Payments;

                public class Function
                {
                    public Task<SQSBatchResponse> FunctionHandler(SQSEvent evt, ILambdaContext context) =>
                        BatchRunner.ProcessAsync(evt, RecordAsync);

                    private static async Task RecordAsync(SQSEvent.SQSMessage message)
                    {
                        var client = {|SLS5001:new AmazonDynamoDBClient()|};
                        await client.PutItemAsync("Payments", new Dictionary<string, AttributeValue> { ["Id"] = new AttributeValue { S = message.MessageId } });
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("batch-processor-lambda", "Batch wrapper: record handler passed as a lambda, processor in a base class", "Inventory")
            .Source("RecordProcessor.cs", """
                using System;
                using System.Threading.Tasks;
                using Amazon.Lambda.SQSEvents;

                namespace Inventory;

                public abstract class RecordProcessor
                {
                    protected static async Task<SQSBatchResponse> ForEachRecord(SQSEvent evt, Func<SQSEvent.SQSMessage, Task> handle)
                    {
                        foreach (var record in evt.Records) await handle(record);
                        return new SQSBatchResponse();
                    }
                }
                """)
            .Source("Function.cs", """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.Lambda.SQSEvents;

                namespace Inventory;

                public class Function : RecordProcessor
                {
                    private static readonly HttpClient Warehouse = {|quiet:new HttpClient()|};

                    public Task<SQSBatchResponse> Handle(SQSEvent evt) => ForEachRecord(evt, async record =>
                    {
                        using var erp = {|SLS5002:new HttpClient()|};
                        await erp.PostAsync("https://erp.internal/stock", new StringContent(record.Body));
                        await Warehouse.PostAsync("https://warehouse.internal/stock", new StringContent(record.Body));
                    });
                }
                """)
            .LambdaProjectType()
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("parallel-foreach-s3", "Parallel.ForEachAsync over the records, client created inside the body", "Exporter")
            .Source("Function.cs", """
                using System.Threading.Tasks;
                using Amazon.Lambda.S3Events;
                using Amazon.S3;
                using Amazon.S3.Model;

                namespace Exporter;

                public class Function
                {
                    public async Task FunctionHandler(S3Event evt)
                    {
                        await Parallel.ForEachAsync(evt.Records, async (record, ct) =>
                        {
                            var s3 = {|SLS5001:new AmazonS3Client()|};
                            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "exports", Key = record.S3.Object.Key, ContentBody = "done" }, ct);
                        });
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("factory-delegate-field", "Factory delegate stored at init, called per invocation", "MultiRegion")
            .Source("Function.cs", """
                using System;
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.Lambda.SQSEvents;
                using Amazon.SQS;

                namespace MultiRegion;

                public class Function
                {
                    private static readonly Func<string, IAmazonSQS> CreateClient =
                        region => {|SLS5001:new AmazonSQSClient(RegionEndpoint.GetBySystemName(region))|};

                    public async Task Replicate(SQSEvent evt)
                    {
                        foreach (var message in evt.Records)
                        {
                            var target = CreateClient(message.Attributes["TargetRegion"]);
                            await target.SendMessageAsync(message.Attributes["TargetQueue"], message.Body);
                        }
                    }
                }
                """)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("run-once-idioms", "Lazy<T> field, LazyInitializer, static GetOrAdd cache (correct)", "Gateway")
            .Source("Function.cs", """
                using System.Collections.Concurrent;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.Lambda.APIGatewayEvents;
                using Amazon.S3;
                using Amazon.SQS;

                namespace Gateway;

                public class Function
                {
                    private static readonly System.Lazy<IAmazonSQS> Sqs = new(() => {|quiet:new AmazonSQSClient()|});
                    private static readonly ConcurrentDictionary<string, IAmazonS3> S3ByRegion = new();
                    private static HttpClient? s_http;

                    public async Task<APIGatewayHttpApiV2ProxyResponse> Handle(APIGatewayHttpApiV2ProxyRequest request)
                    {
                        var http = LazyInitializer.EnsureInitialized(ref s_http, () => {|quiet:new HttpClient()|});
                        var region = request.Headers["x-region"];
                        var s3 = S3ByRegion.GetOrAdd(region, r => {|quiet:new AmazonS3Client(RegionEndpoint.GetBySystemName(r))|});
                        await Sqs.Value.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/audit", request.RawPath);
                        await s3.GetObjectMetadataAsync("assets", request.RawPath);
                        return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = await http.GetStringAsync("https://upstream.internal/") };
                    }
                }
                """)
            .ReadyToRun()
            .LambdaProjectType()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("container-built-per-call", "ServiceCollection built inside the handler", "Signup")
            .Source("Function.cs", """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.Lambda.Core;
                using Microsoft.Extensions.DependencyInjection;

                namespace Signup;

                public class SignupService
                {
                    private readonly IAmazonDynamoDB _db;
                    public SignupService(IAmazonDynamoDB db) => _db = db;
                    public Task RegisterAsync(string email) => _db.DescribeTableAsync("Users");
                }

                public class Function
                {
                    public async Task FunctionHandler(string email, ILambdaContext context)
                    {
                        var services = new ServiceCollection();
                        services.AddSingleton<IAmazonDynamoDB, AmazonDynamoDBClient>();
                        services.AddTransient<SignupService>();
                        using var provider = {|SLS4007:services.BuildServiceProvider()|};
                        await provider.GetRequiredService<SignupService>().RegisterAsync(email);
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("container-built-once", "ServiceProvider built in the constructor, singleton clients, transient services (correct)", "Accounts")
            .Source("Function.cs", """
                using System;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.SQSEvents;
                using Microsoft.Extensions.DependencyInjection;

                namespace Accounts;

                public class AccountService
                {
                    private readonly IAmazonDynamoDB _db;
                    public AccountService(IAmazonDynamoDB db) => _db = db;
                    public Task CloseAsync(string id) => _db.DescribeTableAsync("Accounts");
                }

                public class Function
                {
                    private readonly IServiceProvider _provider;

                    public Function()
                    {
                        var services = new ServiceCollection();
                        {|quiet:services.AddSingleton<IAmazonDynamoDB, AmazonDynamoDBClient>()|};
                        {|quiet:services.AddTransient<AccountService>()|};
                        _provider = {|quiet:services.BuildServiceProvider()|};
                    }

                    public async Task FunctionHandler(SQSEvent evt, ILambdaContext context)
                    {
                        using var scope = _provider.CreateScope();
                        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
                        foreach (var message in evt.Records) await accounts.CloseAsync(message.Body);
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("container-transient-clients", "Container built once, but clients registered transient/scoped and resolved per invocation", "Mailer")
            .Source("Function.cs", """
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.Lambda.SNSEvents;
                using Amazon.S3;
                using Amazon.SQS;
                using Microsoft.Extensions.DependencyInjection;

                namespace Mailer;

                public class Function
                {
                    private static readonly IServiceProvider Services = BuildServices();

                    private static IServiceProvider BuildServices()
                    {
                        var services = new ServiceCollection();
                        services.{|SLS5001:AddTransient<IAmazonS3, AmazonS3Client>()|};
                        services.AddScoped<IAmazonSQS>(_ => {|SLS5001:new AmazonSQSClient()|});
                        services.AddTransient(_ => {|SLS5002:new HttpClient()|});
                        return services.BuildServiceProvider();
                    }

                    public async Task Handle(SNSEvent evt)
                    {
                        using var scope = Services.CreateScope();
                        var s3 = scope.ServiceProvider.GetRequiredService<IAmazonS3>();
                        var sqs = scope.ServiceProvider.GetRequiredService<IAmazonSQS>();
                        var http = scope.ServiceProvider.GetRequiredService<HttpClient>();
                        foreach (var record in evt.Records)
                        {
                            await s3.GetObjectMetadataAsync("templates", record.Sns.Subject);
                            await sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/mail", record.Sns.Message);
                            await http.GetStringAsync("https://mail.internal/health");
                        }
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");
    }
}
