namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

/// <summary>
/// Functions deployed by a CDK app in a sibling folder of the solution (the infra project is not referenced by the
/// function project; its stack reaches the compiler only as an AdditionalFile). Shapes: the CDK TypeScript and C#
/// project templates (`cdk init app`), `lambda.Function` with `Runtime.DOTNET_8` and a handler string, and the
/// community `DotNetFunction` construct.
/// </summary>
internal static class CdkProjects
{
    private const string CdkJsonTs = """
        {
          "app": "npx ts-node --prefer-ts-exts bin/app.ts",
          "watch": { "include": ["**"] },
          "context": { "@aws-cdk/aws-lambda:recognizeLayerVersion": true }
        }
        """;

    private const string CdkJsonCs = """
        {
          "app": "dotnet run --project src/Infra/Infra.csproj",
          "context": { "@aws-cdk/core:stackRelativeExports": true }
        }
        """;

    public static IEnumerable<RealWorldProject> All()
    {
        yield return new RealWorldProject("cdk-ts-order-worker", "CDK TypeScript stack, POCO handler without context", "Orders.Worker")
            .AdditionalFile("/infra/cdk.json", CdkJsonTs)
            .AdditionalFile("/infra/lib/orders-stack.ts", """
                import * as cdk from 'aws-cdk-lib';
                import * as lambda from 'aws-cdk-lib/aws-lambda';
                import { Construct } from 'constructs';

                export class OrdersStack extends cdk.Stack {
                  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
                    super(scope, id, props);
                    new lambda.Function(this, 'OrderWorker', {
                      runtime: lambda.Runtime.DOTNET_8,
                      handler: 'Orders.Worker::Orders.Worker.OrderFunction::Handle',
                      code: lambda.Code.fromAsset('../src/Orders.Worker/bin/Release/net8.0/publish'),
                      memorySize: 1024,
                    });
                  }
                }
                """)
            .Source("OrderFunction.cs", """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                namespace Orders.Worker;

                public record OrderPlaced(string OrderId, string CustomerId, decimal Total);

                public class OrderFunction
                {
                    private readonly IAmazonDynamoDB _shared;

                    public OrderFunction()
                    {
                        _shared = {|quiet:new AmazonDynamoDBClient()|};
                    }

                    public async Task Handle(OrderPlaced order)
                    {
                        var client = {|SLS5001:new AmazonDynamoDBClient()|};
                        await client.PutItemAsync("Orders", new Dictionary<string, AttributeValue>
                        {
                            ["PK"] = new AttributeValue { S = order.OrderId },
                            ["Total"] = new AttributeValue { N = order.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        });
                        await _shared.UpdateItemAsync(new UpdateItemRequest { TableName = "Customers" });
                    }
                }
                """)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("cdk-cs-report-generator", "CDK C# stack (cdk.json runs a C# app), ReadyToRun", "Reports")
            .AdditionalFile("/infra/cdk.json", CdkJsonCs)
            .AdditionalFile("/infra/src/Infra/ReportsStack.cs", """
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;
                using Constructs;

                namespace Infra
                {
                    public class ReportsStack : Stack
                    {
                        internal ReportsStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
                        {
                            new Function(this, "ReportGenerator", new FunctionProps
                            {
                                Runtime = Runtime.DOTNET_8,
                                Handler = "Reports::Reports.ReportFunction::Generate",
                                Code = Code.FromAsset("../src/Reports/publish"),
                                Timeout = Duration.Minutes(2),
                            });
                        }
                    }
                }
                """)
            .Source("ReportFunction.cs", """
                using System.Net.Http;
                using System.Text.Json;
                using System.Threading.Tasks;

                namespace Reports;

                public class ReportRequest { public string Month { get; set; } = ""; public string Format { get; set; } = "json"; }

                public class ReportFunction
                {
                    private static readonly JsonSerializerOptions Web = {|quiet:new JsonSerializerOptions(JsonSerializerDefaults.Web)|};

                    public async Task<string> Generate(ReportRequest request)
                    {
                        using var http = {|SLS5002:new HttpClient()|};
                        var figures = await http.GetStringAsync($"https://ledger.internal/months/{request.Month}");
                        var pretty = {|SLS4004:new JsonSerializerOptions { WriteIndented = true }|};
                        var data = JsonSerializer.Deserialize<JsonElement>(figures, Web);
                        return JsonSerializer.Serialize(data, pretty);
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("cdk-ts-dotnetfunction-construct", "CDK TypeScript, DotNetFunction construct, repository created per call", "Thumbnails")
            .AdditionalFile("/infra/cdk.json", CdkJsonTs)
            .AdditionalFile("/infra/lib/media-stack.ts", """
                import { Stack, StackProps } from 'aws-cdk-lib';
                import { DotNetFunction } from '@aws-cdk/aws-lambda-dotnet';
                import { Construct } from 'constructs';

                export class MediaStack extends Stack {
                  constructor(scope: Construct, id: string, props?: StackProps) {
                    super(scope, id, props);
                    new DotNetFunction(this, 'Resizer', {
                      projectDir: '../src/Thumbnails',
                      handler: 'Thumbnails::Thumbnails.Resizer::ResizeAsync',
                    });
                  }
                }
                """)
            .Source("Resizer.cs", """
                using System.Threading.Tasks;

                namespace Thumbnails;

                public class ResizeRequest { public string Bucket { get; set; } = ""; public string Key { get; set; } = ""; }

                public class Resizer
                {
                    public async Task<long> ResizeAsync(ResizeRequest request)
                    {
                        var store = new ImageStore();
                        return await store.SizeOfAsync(request.Bucket, request.Key);
                    }
                }
                """)
            .Source("ImageStore.cs", """
                using System.Threading.Tasks;
                using Amazon.S3;

                namespace Thumbnails;

                public class ImageStore
                {
                    private readonly IAmazonS3 _s3;

                    public ImageStore()
                    {
                        _s3 = {|SLS5001:new AmazonS3Client()|};
                    }

                    public async Task<long> SizeOfAsync(string bucket, string key) =>
                        (await _s3.GetObjectMetadataAsync(bucket, key)).ContentLength;
                }
                """)
            .LambdaProjectType()
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("cdk-ts-two-functions-one-assembly", "CDK TypeScript, two handlers in one assembly", "Billing")
            .AdditionalFile("/infra/cdk.json", CdkJsonTs)
            .AdditionalFile("/infra/lib/billing-stack.ts", """
                import * as cdk from 'aws-cdk-lib';
                import { Function, Runtime, Code, Architecture } from 'aws-cdk-lib/aws-lambda';

                const code = Code.fromAsset('../src/Billing/bin/Release/net8.0/linux-arm64/publish');

                export class BillingStack extends cdk.Stack {
                  constructor(scope: cdk.App, id: string) {
                    super(scope, id);
                    new Function(this, 'CreateInvoice', {
                      runtime: Runtime.DOTNET_8, architecture: Architecture.ARM_64, code,
                      handler: 'Billing::Billing.Invoices::Create',
                    });
                    new Function(this, 'SendReminder', {
                      runtime: Runtime.DOTNET_8, architecture: Architecture.ARM_64, code,
                      handler: 'Billing::Billing.Reminders::Send',
                    });
                  }
                }
                """)
            .Source("Invoices.cs", """
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using Amazon.SQS;

                namespace Billing;

                public record InvoiceRequest(string CustomerId, string Reference);

                public class Invoices
                {
                    private static readonly IAmazonSQS Queue = {|quiet:new AmazonSQSClient()|};
                    private static readonly Regex Reference = {|quiet:new Regex("^INV-[0-9]{8}$", RegexOptions.Compiled)|};

                    public async Task<bool> Create(InvoiceRequest request)
                    {
                        if (!Reference.IsMatch(request.Reference)) return false;
                        await Queue.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/invoices", request.Reference);
                        return true;
                    }
                }
                """)
            .Source("Reminders.cs", """
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using Amazon.SQS;

                namespace Billing;

                public record Reminder(string CustomerId, string Email);

                public class Reminders
                {
                    public async Task Send(Reminder reminder)
                    {
                        if (!{|SLS4009:new Regex(@"^[^@\s]+@[^@\s]+$")|}.IsMatch(reminder.Email)) return;
                        using var sqs = {|SLS5001:new AmazonSQSClient()|};
                        await sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/emails", reminder.Email);
                    }
                }
                """)
            .Property("PublishAot", "true")
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("cdk-cs-stack-function-url", "CDK C# stack, Function URL handler without context, TieredCompilation off", "Links")
            .AdditionalFile("/infra/cdk.json", CdkJsonCs)
            .AdditionalFile("/infra/src/Infra/LinksStack.cs", """
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;
                using Constructs;

                namespace Infra
                {
                    public sealed class LinksStack : Stack
                    {
                        public LinksStack(Construct scope, string id) : base(scope, id)
                        {
                            var fn = new Function(this, "Shortener", new FunctionProps
                            {
                                Runtime = Runtime.DOTNET_8,
                                Handler = "Links::Links.Shortener::Resolve",
                                Code = Code.FromAsset("../src/Links/publish"),
                            });
                            fn.AddFunctionUrl(new FunctionUrlOptions { AuthType = FunctionUrlAuthType.NONE });
                        }
                    }
                }
                """)
            .Source("Shortener.cs", """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.DataModel;

                namespace Links;

                [DynamoDBTable("Links")]
                public class Link
                {
                    [DynamoDBHashKey] public string {|quiet:Slug|} { get; set; } = "";
                    public string {|quiet:Target|} { get; set; } = "";
                }

                public class Shortener
                {
                    private static readonly IAmazonDynamoDB Client = {|quiet:new AmazonDynamoDBClient()|};

                    public async Task<string?> Resolve(string slug)
                    {
                        var context = {|SLS5005:new DynamoDBContextBuilder().WithDynamoDBClient(() => Client).Build()|};
                        var link = await context.LoadAsync<Link>(slug);
                        return link?.Target;
                    }
                }
                """)
            .ReadyToRun()
            .Property("TieredCompilation", "false")
            .ExpectInProject("SLS4003")
            .QuietInProject("SLS4002");
    }
}
