using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sharpless.Common;
using Sharpless.Deployment.Code;
using Sharpless.Deployment.Templates;
using Sharpless.Deployment;

namespace Sharpless.Analyzers.Tests.Common;

/// <summary>
/// Handler strings in the solution's deployment code (CDK, Pulumi, Terraform, Serverless Framework): which files are
/// read, what the lexical scan takes from them, and that a method named only there becomes a handler. The snippets are
/// written here in the shapes the AWS samples use; none is copied.
/// </summary>
public sealed class DeploymentCodeTests
{
    [Fact]
    public void CdkCSharpStack_HandlerProperty()
    {
        const string stack = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Lambda;
            using Constructs;

            namespace Infra
            {
                public class OrdersStack : Stack
                {
                    internal OrdersStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
                    {
                        var placeOrder = new Function(this, "PlaceOrder", new FunctionProps
                        {
                            Runtime = Runtime.DOTNET_8,
                            MemorySize = 1024,
                            Handler = "Orders::Orders.Functions.PlaceOrder::Handle",
                            Code = Code.FromAsset("../Orders/bin/Release/net8.0/publish"),
                        });
                        const string ListHandler = "Orders::Orders.Functions.ListOrders::Handle";
                        new Function(this, "ListOrders", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = ListHandler, Code = Code.FromAsset("x") });
                    }
                }
            }
            """;

        Assert.Equal(
            new[] { "Orders::Orders.Functions.PlaceOrder::Handle", "Orders::Orders.Functions.ListOrders::Handle" },
            Names(stack));
    }

    [Fact]
    public void CdkTypeScriptStack_HandlerKey_QuotesOfEveryKind()
    {
        const string stack = """
            import * as cdk from 'aws-cdk-lib';
            import * as lambda from 'aws-cdk-lib/aws-lambda';
            import { Construct } from 'constructs';

            export class OrdersStack extends cdk.Stack {
              constructor(scope: Construct, id: string, props?: cdk.StackProps) {
                super(scope, id, props);
                new lambda.Function(this, 'PlaceOrder', {
                  runtime: lambda.Runtime.DOTNET_8,
                  handler: 'Orders::Orders.Functions.PlaceOrder::Handle',
                  code: lambda.Code.fromAsset('../src/Orders/publish'),
                });
                new lambda.Function(this, 'Report', { runtime: lambda.Runtime.DOTNET_8, handler: "Reports::Reports.Nightly::Run", code });
                new lambda.Function(this, 'Audit', { handler: `Audit::Audit.Trail::Write`, code });
                // A name built at synth time cannot be known here: nothing is taken from it.
                new lambda.Function(this, 'Dyn', { handler: `${assembly}::Orders.Functions.Dynamic::Handle`, code });
                new lambda.Function(this, 'Dyn2', { handler: `Orders::Orders.Functions.Dynamic::${method}`, code });
              }
            }
            """;

        Assert.Equal(
            new[] { "Orders::Orders.Functions.PlaceOrder::Handle", "Reports::Reports.Nightly::Run", "Audit::Audit.Trail::Write" },
            Names(stack));
    }

    [Fact]
    public void PulumiPrograms_CSharpTypeScriptAndYaml()
    {
        const string csharp = """
            using Pulumi;
            using Aws = Pulumi.Aws;
            return await Deployment.RunAsync(() =>
            {
                var fn = new Aws.Lambda.Function("orders", new Aws.Lambda.FunctionArgs
                {
                    Runtime = "dotnet8",
                    Handler = "Orders::Orders.Function::Handle",
                    Code = new FileArchive("../Orders/publish"),
                });
            });
            """;
        const string typescript = """
            import * as aws from "@pulumi/aws";
            const fn = new aws.lambda.Function("orders", {
                runtime: aws.lambda.Runtime.Dotnet8,
                handler: "Orders::Orders.Function::Handle",
                code: new pulumi.asset.FileArchive("../Orders/publish"),
            });
            """;
        const string yaml = """
            name: orders
            runtime: yaml
            resources:
              orders:
                type: aws:lambda:Function
                properties:
                  runtime: dotnet8
                  handler: Orders::Orders.Function::Handle
            """;

        Assert.Equal(new[] { "Orders::Orders.Function::Handle" }, Names(csharp));
        Assert.Equal(new[] { "Orders::Orders.Function::Handle" }, Names(typescript));
        Assert.Equal(new[] { "Orders::Orders.Function::Handle" }, Names(yaml));
    }

    [Fact]
    public void Terraform_HandlerAttribute_InterpolationIgnored()
    {
        const string tf = """
            resource "aws_lambda_function" "orders" {
              function_name    = "orders"
              filename         = "${path.module}/../publish/orders.zip"
              handler          = "Orders::Orders.Function::Handle"
              runtime          = "dotnet8"
            }

            resource "aws_lambda_function" "templated" {
              handler = "${var.assembly}::Orders.Function::Other"
              runtime = "dotnet8"
            }

            module "global_namespace" {
              handler = "Orders::Function::Handle"
            }
            """;

        Assert.Equal(new[] { "Orders::Orders.Function::Handle", "Orders::Function::Handle" }, Names(tf));
    }

    [Fact]
    public void ServerlessFramework_HandlerKeys()
    {
        const string yml = """
            service: orders
            provider:
              name: aws
              runtime: dotnet8
            package:
              artifact: bin/Release/net8.0/orders.zip
            functions:
              hello:
                handler: CsharpHandlers::AwsDotnetCsharp.Handler::Hello
              quoted:
                handler: "CsharpHandlers::AwsDotnetCsharp.Handler::Quoted" # trailing comment
              flow: { handler: CsharpHandlers::AwsDotnetCsharp.Handler::Flow, memorySize: 256 }
            """;

        Assert.Equal(
            new[]
            {
                "CsharpHandlers::AwsDotnetCsharp.Handler::Hello",
                "CsharpHandlers::AwsDotnetCsharp.Handler::Quoted",
                "CsharpHandlers::AwsDotnetCsharp.Handler::Flow",
            },
            Names(yml));
    }

    [Fact]
    public void GoAndPython_CdkApps()
    {
        const string go = """
            awslambda.NewFunction(stack, jsii.String("Orders"), &awslambda.FunctionProps{
                Runtime: awslambda.Runtime_DOTNET_8(),
                Handler: jsii.String("Orders::Orders.Function::Handle"),
            })
            """;
        const string python = """
            _lambda.Function(self, "Orders", runtime=_lambda.Runtime.DOTNET_8, handler="Orders::Function::Handle", code=code)
            """;

        Assert.Equal(new[] { "Orders::Orders.Function::Handle" }, Names(go));
        Assert.Equal(new[] { "Orders::Function::Handle" }, Names(python));
    }

    [Theory]
    [InlineData("Handler = \"Orders::Orders.Func")]                  // typing the string
    [InlineData("handler: 'Orders::Orders.Function::'")]             // typing the method
    [InlineData("handler: 'Orders::::Handle'")]
    [InlineData("Handler = \"Orders::Orders.Function::Handle")]      // no closing quote yet
    [InlineData("new Function(this, \"X\", new FunctionProps { Handler = ")]
    [InlineData("::::::")]
    [InlineData("'::'")]
    [InlineData("handler:")]
    [InlineData("")]
    public void HalfEditedText_NamesNothing_AndNeverThrows(string text)
    {
        Assert.Empty(Names(text));
    }

    [Fact]
    public void NonHandlerDoubleColons_AreIgnored()
    {
        const string text = """
            // C++ in a build script's comment: std::chrono::steady_clock::now()
            const npos = "std::string::npos";
            const it = "std::vector<int>::iterator";
            const type = 'AWS::Lambda::Function';
            const sam = "AWS::Serverless::Function";
            const role = "arn:aws:iam::123456789012:role/orders";
            Type: AWS::Serverless::Function
            FunctionHandler: Orders::Orders.Function::NotThisKey
            my-handler: Orders::Orders.Function::NorThisOne
            note = Orders::Orders.Function::UnquotedProse
            Handler = "Orders::Orders.Function::Handle.Extra"
            """;

        Assert.Empty(Names(text));
    }

    [Theory]
    [InlineData("/repo/infra/main.tf", true)]
    [InlineData("/repo/infra/lambda.TF", true)]
    [InlineData("/repo/serverless.yml", true)]
    [InlineData("/repo/svc/serverless.yaml", true)]
    [InlineData("/repo/pulumi/Pulumi.yaml", true)]
    [InlineData("/repo/cdk/lib/orders-stack.ts", true)]
    [InlineData("/repo/cdk/bin/app.js", true)]
    [InlineData("/repo/src/Infra/OrdersStack.cs", true)]          // under /repo, where cdk.json is
    [InlineData("/repo/pulumi/Program.cs", true)]
    [InlineData("/repo/cdk/lib/orders-stack.d.ts", false)]
    [InlineData("/elsewhere/stack.ts", false)]                    // no cdk.json or Pulumi.yaml above it
    [InlineData("/elsewhere/Function.cs", false)]
    [InlineData("/repo/template.yaml", false)]                    // a template: read as one, not scanned as code
    [InlineData("/repo/cdk.json", false)]
    [InlineData("/repo/appsettings.json", false)]
    [InlineData("", false)]
    public void RecognisesDeploymentCode_ByNameAndPlace(string path, bool expected)
    {
        var appFolders = DeploymentCodeFiles.AppFolders(ImmutableArray.Create<AdditionalText>(
            new Text("/repo/cdk.json", "{}"),
            new Text("/repo/cdk/cdk.json", "{}"),
            new Text("/repo/pulumi/Pulumi.yaml", "name: x")));

        Assert.Equal(expected, DeploymentCodeFiles.IsDeploymentCode(path, appFolders));
    }

    [Fact]
    public void ReadHandlerStrings_ScansOnlyDeploymentCode_AndSkipsHugeFiles()
    {
        const string handler = "handler: 'Orders::Orders.Function::Handle'";
        var huge = "// generated bundle\n" + new string('x', DeploymentCodeFiles.MaxFileLength) + "\n" + "handler: 'Orders::Orders.Function::Huge'";
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(
            new Text("/repo/cdk.json", "{ \"app\": \"npx ts-node bin/app.ts\" }"),
            new Text("/repo/lib/stack.ts", handler),
            new Text("/repo/lib/bundle.js", huge),
            new Text("/repo/lib/missing.ts", null),
            new Text("/other/notes.ts", "handler: 'Orders::Orders.Function::NotDeploymentCode'"),
            new Text("/repo/infra/main.tf", "handler = \"Orders::Orders.Function::FromTerraform\"")));

        var names = DeploymentFiles.ReadHandlerStrings(options, CancellationToken.None).Select(h => h.MethodName);

        Assert.Equal(new[] { "Handle", "FromTerraform" }, names);
    }

    [Fact]
    public void TemplateReaders_DoNotTreatDeploymentCodeAsTemplates()
    {
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(
            new Text("/repo/cdk.json", "{ \"app\": \"npx ts-node bin/app.ts\" }"),
            new Text("/repo/lib/stack.ts", "handler: 'Orders::Orders.Function::Handle'"),
            new Text("/repo/src/Infra/Stack.cs", "Handler = \"Orders::Orders.Function::Handle\""),
            new Text("/repo/infra/main.tf", "resource \"aws_lambda_function\" \"x\" {"),
            new Text("/repo/serverless.yml", "functions: [unclosed"),
            new Text("/repo/Pulumi.yaml", "name: x")));

        var documents = DeploymentDocuments.Read(options, CancellationToken.None);

        Assert.Empty(documents.Templates);
        Assert.Empty(documents.ToolsDefaults);
        Assert.Empty(documents.Errors);
        Assert.False(DeploymentFiles.IsDeploymentFile("/repo/serverless.yml"));
        Assert.False(DeploymentFiles.IsDeploymentFile("/repo/infra/main.tf"));
    }

    private const string HandlerInTheProject = """
        using System.Net.Http;
        using System.Threading.Tasks;
        namespace Orders
        {
            public class Api
            {
                public async Task<string> Process(string url)
                {
                    using var client = {|SLS5002:new HttpClient()|};
                    return await client.GetStringAsync(url);
                }
            }
        }
        """;

    [Fact]
    public Task MethodNamedOnlyByACdkTypeScriptStack_IsAHandler() =>
        PerInvocationProject.Create(HandlerInTheProject)
            .WithAdditionalFile("/repo/cdk.json", """{ "app": "npx ts-node --prefer-ts-exts bin/orders.ts" }""")
            .WithAdditionalFile("/repo/lib/orders-stack.ts", """
                new lambda.Function(this, 'Process', {
                  runtime: lambda.Runtime.DOTNET_8,
                  handler: 'TestProject::Orders.Api::Process',
                  code: lambda.Code.fromAsset('../src/Orders/publish'),
                });
                """)
            .ValidateAsync();

    [Fact]
    public Task MethodNamedByAStackForAnotherAssembly_IsQuiet() =>
        PerInvocationProject.Create(HandlerInTheProject.Replace("{|SLS5002:new HttpClient()|}", "new HttpClient()", StringComparison.Ordinal))
            .WithAdditionalFile("/repo/cdk.json", """{ "app": "npx ts-node --prefer-ts-exts bin/orders.ts" }""")
            .WithAdditionalFile("/repo/lib/orders-stack.ts", "new lambda.Function(this, 'P', { handler: 'OtherService::Orders.Api::Process', code });")
            .ValidateAsync();

    [Fact]
    public Task StackFileWithoutItsCdkJson_IsNotRead() =>
        PerInvocationProject.Create(HandlerInTheProject.Replace("{|SLS5002:new HttpClient()|}", "new HttpClient()", StringComparison.Ordinal))
            .WithAdditionalFile("/notes/orders-stack.ts", "new lambda.Function(this, 'P', { handler: 'TestProject::Orders.Api::Process', code });")
            .ValidateAsync();

    private static string[] Names(string text) => HandlerStringScanner.Scan(text).Select(h => h.ToString()).ToArray();

    private sealed class Text(string path, string? content) : AdditionalText
    {
        private readonly SourceText? _text = content is null ? null : SourceText.From(content);

        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
    }
}
