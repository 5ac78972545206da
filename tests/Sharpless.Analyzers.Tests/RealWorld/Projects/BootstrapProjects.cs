namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

/// <summary>
/// Executable functions (custom runtime, `provided.al2023`, Native AOT): top-level statements or a Main that hand a
/// lambda, a method group, or a delegate held in a local or field to `LambdaBootstrapBuilder.Create`. Everything before
/// `RunAsync` is init.
/// </summary>
internal static class BootstrapProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield return new RealWorldProject("bootstrap-lambda-stream", "Top-level statements, lambda handed to LambdaBootstrapBuilder.Create", "Echo")
            .Source("Program.cs", """
                using System.IO;
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.Lambda.RuntimeSupport;

                var traceId = {|quiet:new Regex("Root=(?<id>[^;]+)")|};
                var shared = {|quiet:new AmazonDynamoDBClient()|};

                await LambdaBootstrapBuilder.Create(async (Stream input) =>
                {
                    var client = {|SLS5001:new AmazonDynamoDBClient()|};
                    await client.DescribeTableAsync("Echo");
                    await shared.DescribeTableAsync("Audit");
                    var output = new MemoryStream();
                    await input.CopyToAsync(output);
                    output.Position = 0;
                    return (Stream)output;
                }).Build().RunAsync();
                """)
            .Executable()
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("bootstrap-method-group", "Top-level statements, local function as a method group, no context", "Geo")
            .Source("Program.cs", """
                using System.IO;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.Lambda.RuntimeSupport;

                var dynamo = {|quiet:new AmazonDynamoDBClient()|};

                await LambdaBootstrapBuilder.Create(HandleAsync).Build().RunAsync();

                async Task<Stream> HandleAsync(Stream input)
                {
                    using var http = {|SLS5002:new HttpClient()|};
                    var ip = await new StreamReader(input).ReadToEndAsync();
                    var country = await http.GetStringAsync($"https://geo.internal/{ip}");
                    await dynamo.DescribeTableAsync("Visits");
                    return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(country));
                }
                """)
            .Executable()
            .Property("PublishAot", "true")
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("bootstrap-delegate-in-local", "Delegate held in a local, instance method group without context", "Router")
            .Source("Program.cs", """
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.RuntimeSupport;
                using Router;

                var processor = {|quiet:new Processor()|};
                Func<Stream, Task<Stream>> handler = processor.ProcessAsync;
                using var bootstrap = LambdaBootstrapBuilder.Create(handler).Build();
                await bootstrap.RunAsync();
                """)
            .Source("Processor.cs", """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.SQS;

                namespace Router;

                public class Processor
                {
                    public async Task<Stream> ProcessAsync(Stream input)
                    {
                        var body = await new StreamReader(input).ReadToEndAsync();
                        var sqs = {|SLS5001:new AmazonSQSClient()|};
                        await sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/routed", body);
                        return new MemoryStream();
                    }
                }
                """)
            .Executable()
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("bootstrap-delegate-in-field", "Program.Main, delegate held in a static field", "Archiver")
            .Source("Program.cs", """
                using System;
                using System.IO;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.S3;
                using Amazon.S3.Model;

                namespace Archiver;

                public record ArchiveRequest(string Bucket, string Key);

                public static class Program
                {
                    private static readonly Func<Stream, Task<Stream>> Handler = ArchiveAsync;

                    public static async Task Main()
                    {
                        await LambdaBootstrapBuilder.Create(Handler).Build().RunAsync();
                    }

                    private static async Task<Stream> ArchiveAsync(Stream input)
                    {
                        var options = {|SLS4004:new JsonSerializerOptions(JsonSerializerDefaults.Web)|};
                        var request = (await JsonSerializer.DeserializeAsync<ArchiveRequest>(input, options))!;
                        var s3 = {|SLS5001:new AmazonS3Client()|};
                        await s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = request.Bucket, SourceKey = request.Key, DestinationBucket = request.Bucket, DestinationKey = "archive/" + request.Key });
                        return new MemoryStream();
                    }
                }
                """)
            .Executable()
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("bootstrap-aot-all-init", "Native AOT executable, every client created before RunAsync (correct)", "Pricing")
            .Source("Program.cs", """
                using System.IO;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;

                var dynamo = {|quiet:new AmazonDynamoDBClient()|};
                var http = {|quiet:new HttpClient()|};

                var handler = async (Stream input, ILambdaContext context) =>
                {
                    var sku = await new StreamReader(input).ReadToEndAsync();
                    var price = await http.GetStringAsync($"https://prices.internal/{sku}");
                    await dynamo.DescribeTableAsync("Prices");
                    return (Stream)new MemoryStream(System.Text.Encoding.UTF8.GetBytes(price));
                };

                await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
                """)
            .Executable()
            .Property("PublishAot", "true")
            .QuietInProject("SLS4002")
            .QuietInProject("SLS4003");
    }
}
