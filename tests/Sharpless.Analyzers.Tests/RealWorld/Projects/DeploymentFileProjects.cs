namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

/// <summary>
/// Functions whose handler string lives in deployment code outside the project: Pulumi (C# and TypeScript programs),
/// Terraform (`aws_lambda_function` and the terraform-aws-modules/lambda module), the Serverless Framework, a SAM
/// template, and aws-lambda-tools-defaults.json in a project without AWSProjectType.
/// </summary>
internal static class DeploymentFileProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield return new RealWorldProject("pulumi-cs-invoices", "Pulumi C# program in ../infra", "Invoicing")
            .AdditionalFile("/infra/Pulumi.yaml", """
                name: invoicing
                runtime: dotnet
                description: Invoicing functions
                """)
            .AdditionalFile("/infra/Program.cs", """
                using System.Collections.Generic;
                using Pulumi;
                using Aws = Pulumi.Aws;

                return await Deployment.RunAsync(() =>
                {
                    var fn = new Aws.Lambda.Function("invoice-pdf", new Aws.Lambda.FunctionArgs
                    {
                        Runtime = "dotnet8",
                        Handler = "Invoicing::Invoicing.InvoiceHandler::Run",
                        Code = new FileArchive("../src/Invoicing/bin/Release/net8.0/publish"),
                        MemorySize = 512,
                    });
                    return new Dictionary<string, object?> { ["arn"] = fn.Arn };
                });
                """)
            .Source("InvoiceHandler.cs", """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.DataModel;

                namespace Invoicing;

                public class InvoiceRequest { public string InvoiceId { get; set; } = ""; }

                [DynamoDBTable("Invoices")]
                public class Invoice
                {
                    [DynamoDBHashKey] public string {|quiet:InvoiceId|} { get; set; } = "";
                    public string {|quiet:CustomerName|} { get; set; } = "";
                    public decimal Amount { get; set; }
                }

                public class InvoiceHandler
                {
                    public async Task<decimal> Run(InvoiceRequest request)
                    {
                        using var client = {|SLS5001:new AmazonDynamoDBClient()|};
                        var context = {|SLS5005:new DynamoDBContextBuilder().WithDynamoDBClient(() => client).Build()|};
                        var invoice = await context.LoadAsync<Invoice>(request.InvoiceId);
                        return invoice?.Amount ?? 0m;
                    }
                }
                """)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("pulumi-ts-notifier", "Pulumi TypeScript program (index.ts)", "Notifier")
            .AdditionalFile("/deploy/Pulumi.yaml", """
                name: notifier
                runtime: nodejs
                """)
            .AdditionalFile("/deploy/index.ts", """
                import * as aws from "@pulumi/aws";
                import * as pulumi from "@pulumi/pulumi";

                const role = new aws.iam.Role("notifier-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });

                export const notifier = new aws.lambda.Function("notifier", {
                    runtime: aws.lambda.Runtime.Dotnet8,
                    handler: "Notifier::Notifier.Handler::Send",
                    code: new pulumi.asset.FileArchive("../src/Notifier/publish"),
                    role: role.arn,
                });
                """)
            .Source("Handler.cs", """
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                namespace Notifier;

                public record Notification(string Channel, string Text);

                public class Handler
                {
                    private static readonly HttpClient Slack = {|quiet:new HttpClient { BaseAddress = new System.Uri("https://hooks.slack.com/") }|};

                    public async Task Send(Notification notification)
                    {
                        await Slack.PostAsJsonAsync("services/T000/B000", new { text = notification.Text });
                        var audit = {|SLS5002:new HttpClient()|};
                        await audit.PostAsJsonAsync("https://audit.internal/events", notification);
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("terraform-ingest", "Terraform aws_lambda_function in main.tf", "Ingest")
            .AdditionalFile("/terraform/main.tf", """
                resource "aws_lambda_function" "ingest" {
                  function_name    = "ingest"
                  filename         = "${path.module}/../artifacts/ingest.zip"
                  source_code_hash = filebase64sha256("${path.module}/../artifacts/ingest.zip")
                  role             = aws_iam_role.ingest.arn
                  handler          = "Ingest::Ingest.Function::Process"
                  runtime          = "dotnet8"
                  memory_size      = 512
                  timeout          = 30
                }
                """)
            .Source("Function.cs", """
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using Amazon.SQS;

                namespace Ingest;

                public class Reading { public string SensorId { get; set; } = ""; public double Value { get; set; } }

                public class Function
                {
                    public async Task Process(Reading reading)
                    {
                        var sensor = {|SLS4009:new Regex("^sensor-[a-z0-9]+$", RegexOptions.IgnoreCase)|};
                        if (!sensor.IsMatch(reading.SensorId)) return;
                        var sqs = {|SLS5001:new AmazonSQSClient()|};
                        await sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/readings", reading.SensorId);
                    }
                }
                """)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("terraform-module-postgres", "Terraform lambda module (terraform-aws-modules/lambda), Npgsql", "Ledger")
            .AdditionalFile("/infra/lambda.tf", """
                module "ledger_function" {
                  source        = "terraform-aws-modules/lambda/aws"
                  function_name = "ledger-writer"
                  handler       = "Ledger::Ledger.Writer::Append"
                  runtime       = "dotnet8"
                  architectures = ["arm64"]
                  source_path   = "../src/Ledger"
                }
                """)
            .Source("Writer.cs", """
                using System.Threading.Tasks;
                using Npgsql;

                namespace Ledger;

                public record Entry(string Account, long Cents);

                public class Writer
                {
                    private static readonly NpgsqlDataSource Db = {|quiet:NpgsqlDataSource.Create("Host=ledger-db;Database=ledger;Username=app")|};

                    public async Task Append(Entry entry)
                    {
                        await using var audit = {|SLS5004:new NpgsqlConnection("Host=audit-db;Database=audit;Username=app;Pooling=false")|};
                        await audit.OpenAsync();
                        await using var command = Db.CreateCommand("insert into entries(account, cents) values ($1, $2)");
                        command.Parameters.AddWithValue(entry.Account);
                        command.Parameters.AddWithValue(entry.Cents);
                        await command.ExecuteNonQueryAsync();
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("serverless-framework-hello", "Serverless Framework serverless.yml, Newtonsoft.Json", "CsharpHandlers")
            .AdditionalFile("/service/serverless.yml", """
                service: hello-dotnet
                frameworkVersion: '3'
                provider:
                  name: aws
                  runtime: dotnet8
                  region: eu-west-1
                package:
                  individually: true
                functions:
                  hello:
                    handler: CsharpHandlers::AwsDotnetCsharp.Handler::Hello
                    package:
                      artifact: bin/Release/net8.0/hello.zip
                    events:
                      - httpApi:
                          path: /hello
                          method: post
                """)
            .Source("Handler.cs", """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Newtonsoft.Json;

                namespace AwsDotnetCsharp;

                public class Request { public string Name { get; set; } = ""; }
                public class Response { public string Message { get; set; } = ""; }

                public class Handler
                {
                    public async Task<string> Hello(Request request)
                    {
                        using var geo = {|SLS5002:new HttpClient()|};
                        var country = await geo.GetStringAsync("https://geo.internal/whoami");
                        return {|SLS4006:JsonConvert.SerializeObject(new Response { Message = $"Hello {request.Name} from {country}" })|};
                    }
                }
                """)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("sam-rds-proxy-no-vpc", "SAM template.yaml, RDS Proxy without VpcConfig", "Orders")
            .AdditionalFile("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  OrdersFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Orders::Orders.Function::Handle
                      Runtime: dotnet8
                      MemorySize: 512
                      CodeUri: .
                """)
            .Source("Function.cs", """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Npgsql;

                namespace Orders;

                public class Function
                {
                    private static readonly NpgsqlDataSource Db = {|quiet:NpgsqlDataSource.Create(|}{|SLS6001:"Host=orders.proxy-c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com;Database=shop;Username=app"|});

                    public async Task<long> Handle(string input, ILambdaContext context)
                    {
                        await using var command = Db.CreateCommand("select count(*) from orders");
                        return (long)(await command.ExecuteScalarAsync())!;
                    }
                }
                """)
            .ReadyToRun()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("tools-defaults-without-project-type", "aws-lambda-tools-defaults.json, no AWSProjectType", "Scheduler")
            .AdditionalFile("aws-lambda-tools-defaults.json", """
                {
                  "profile": "",
                  "region": "eu-west-1",
                  "configuration": "Release",
                  "function-runtime": "dotnet8",
                  "function-memory-size": 256,
                  "function-timeout": 30,
                  "function-handler": "Scheduler::Scheduler.Worker::Tick"
                }
                """)
            .Source("Worker.cs", """
                using System;
                using System.Threading.Tasks;
                using Amazon.SQS;

                namespace Scheduler;

                public class Worker
                {
                    private readonly IAmazonSQS _sqs;

                    public Worker() => _sqs = {|quiet:new AmazonSQSClient()|};

                    public async Task Tick(TickRequest request)
                    {
                        await _sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/ticks", DateTime.UtcNow.ToString("O"));
                    }
                }

                public class TickRequest { public string Source { get; set; } = ""; }
                """)
            .ExpectInProject("SLS4002");
    }
}
