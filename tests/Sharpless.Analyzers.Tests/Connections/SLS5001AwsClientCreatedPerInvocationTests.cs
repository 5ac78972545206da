using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.Connections;

public sealed class SLS5001AwsClientCreatedPerInvocationTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code, "SLS5001");

    // ---- fires -------------------------------------------------------------------------------------------------

    [Fact]
    public Task ClientInLambdaFunction_IsReported_WithTheClientAndHandlerInTheMessage() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Sharpless;
        namespace Orders;
        public class Function
        {
            [LambdaFunction]
            public async Task<int> Handle(string table)
            {
                using var client = [|new AmazonDynamoDBClient()|];
                var response = await client.ScanAsync(new ScanRequest { TableName = table });
                return response.Count ?? 0;
            }
        }
        """)
        .ShouldReportDiagnosticWithMessage("'AmazonDynamoDBClient' is created on every invocation of 'Function.Handle'; create the AWS SDK client once per execution environment and reuse it")
        .ValidateAsync();

    [Fact]
    public Task EveryShape_IsReported() => Project("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.DynamoDBv2;
        using Amazon.Extensions.NETCore.Setup;
        using Amazon.Lambda.Core;
        using Sharpless;
        public class TracingDynamoDBClient : AmazonDynamoDBClient { }

        public class Function
        {
            private readonly AWSOptions _options = new AWSOptions();

            // A public method taking ILambdaContext is a handler (design.md).
            public Task Context(Stream input, ILambdaContext context)
            {
                IAmazonDynamoDB client = [|new AmazonDynamoDBClient(RegionEndpoint.EUWest1)|];
                return client.ListTablesAsync();
            }

            [LambdaFunction]
            public Task Factory() => [|_options.CreateServiceClient<IAmazonDynamoDB>()|].ListTablesAsync();

            [LambdaFunction]
            public Task Subclass() => [|new TracingDynamoDBClient()|].ListTablesAsync();

            [LambdaFunction]
            public async Task UsingStatement()
            {
                using (var client = [|new AmazonDynamoDBClient()|])
                {
                    await client.ListTablesAsync();
                }
            }

            [HttpApi(LambdaHttpMethod.Get, "/tables")]
            public async Task<int> Route()
            {
                var config = new AmazonDynamoDBConfig { ServiceURL = "http://localhost:8000" };
                var client = [|new AmazonDynamoDBClient(config)|];
                return (await client.ListTablesAsync()).TableNames.Count;
            }
        }
        """)
        .WithReference(PerInvocationProject.AwsSetup)
        .ValidateAsync();

    [Fact]
    public Task HelperTwoCallsDeep_IsReportedAtTheCreation_WithThePath() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Sharpless;
        namespace Orders;
        public class Function
        {
            [LambdaFunction]
            public Task<int> FunctionHandler(string name) => new SecretReader().GetSecret(name);
        }

        public class SecretReader
        {
            public async Task<int> GetSecret(string name) => (await Connect().ListTablesAsync()).TableNames.Count;

            private static IAmazonDynamoDB Connect() => [|new AmazonDynamoDBClient()|];
        }
        """)
        .ShouldReportDiagnosticWithMessage("'AmazonDynamoDBClient' is created on every invocation via Function.FunctionHandler → SecretReader.GetSecret → Connect; create the AWS SDK client once per execution environment and reuse it")
        .ValidateAsync();

    // ---- stays quiet -------------------------------------------------------------------------------------------

    [Fact]
    public Task ClientsCreatedOncePerExecutionEnvironment_AreNotReported() => Project("""
        using System;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;

        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient());
                services.AddSingleton<IAmazonDynamoDB, AmazonDynamoDBClient>();
            }
        }

        public class Function
        {
            private static readonly IAmazonDynamoDB s_field = new AmazonDynamoDBClient();
            private static readonly IAmazonDynamoDB s_fromStaticCtor;
            private static readonly Lazy<IAmazonDynamoDB> s_lazy = new(() => new AmazonDynamoDBClient());
            private static readonly IAmazonDynamoDB s_fromHelper = Create();
            private readonly IAmazonDynamoDB _fromCtor;
            private readonly IAmazonDynamoDB _injected;
            private IAmazonDynamoDB? _cached;

            static Function() { s_fromStaticCtor = new AmazonDynamoDBClient(); }

            public Function() : this(new AmazonDynamoDBClient()) { _fromCtor = new AmazonDynamoDBClient(); }

            public Function(IAmazonDynamoDB injected) { _injected = injected; _fromCtor = injected; }

            private static IAmazonDynamoDB Create() => new AmazonDynamoDBClient();

            private IAmazonDynamoDB Cached => _cached ??= new AmazonDynamoDBClient();

            [LambdaFunction]
            public async Task<int> Handle([FromServices] IServiceProvider services)
            {
                var resolved = services.GetRequiredService<IAmazonDynamoDB>();
                await resolved.ListTablesAsync();
                await Cached.ListTablesAsync();
                await s_lazy.Value.ListTablesAsync();
                return 0;
            }

            // Not a handler: no attribute, no ILambdaContext, not named by a handler string, never called from one.
            public IAmazonDynamoDB NotAHandler() => new AmazonDynamoDBClient();
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task TestProjectCode_CallingAHandler_IsNotReported() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        public class FunctionTests
        {
            public async Task Handler_ReturnsTables()
            {
                var client = new AmazonDynamoDBClient();
                var function = new Function(client);
                await function.Run();
            }
        }

        public class Function
        {
            private readonly IAmazonDynamoDB _client;
            public Function(IAmazonDynamoDB client) { _client = client; }
            public Task Run() => _client.ListTablesAsync();
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task TestProjects_AreNotAnalyzed() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.Core;
        public static class FunctionInvoker
        {
            // Public and taking ILambdaContext: a handler by shape, but this project is a test project.
            public static Task Invoke(string input, ILambdaContext context) => new AmazonDynamoDBClient().ListTablesAsync();
        }
        """)
        .WithBuildProperty("IsTestProject", "true")
        .ValidateAsync();

    // ---- code fix ----------------------------------------------------------------------------------------------

    [Fact]
    public Task Fix_HoistsTheClient_AndDropsTheUsing() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public async Task<int> Handle()
            {
                using var dynamo = [|new AmazonDynamoDBClient()|];
                return (await dynamo.ListTablesAsync()).TableNames.Count;
            }
        }
        """)
        .ShouldFixCodeWith("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Sharpless;
        public class Function
        {
            private static readonly AmazonDynamoDBClient _dynamo = new AmazonDynamoDBClient();

            [LambdaFunction]
            public async Task<int> Handle()
            {
                return (await _dynamo.ListTablesAsync()).TableNames.Count;
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task Fix_FactoryCallReadingInstanceState_BecomesAnInstanceField() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Extensions.NETCore.Setup;
        using Sharpless;
        public class Function
        {
            private readonly AWSOptions _options = new AWSOptions();

            [LambdaFunction]
            public Task Handle()
            {
                var client = [|_options.CreateServiceClient<IAmazonDynamoDB>()|];
                return client.ListTablesAsync();
            }
        }
        """)
        .WithReference(PerInvocationProject.AwsSetup)
        .ShouldFixCodeWith("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Extensions.NETCore.Setup;
        using Sharpless;
        public class Function
        {
            private readonly AWSOptions _options = new AWSOptions();
            private readonly IAmazonDynamoDB _client;

            public Function()
            {
                _client = _options.CreateServiceClient<IAmazonDynamoDB>();
            }

            [LambdaFunction]
            public Task Handle()
            {
                return _client.ListTablesAsync();
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task Fix_InAHelper_HoistsWithinTheHelpersType() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public Task Handle() => Tables.Count();
        }

        public static class Tables
        {
            public static async Task<int> Count()
            {
                var client = [|new AmazonDynamoDBClient()|];
                return (await client.ListTablesAsync()).TableNames.Count;
            }
        }
        """)
        .ShouldFixCodeWith("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public Task Handle() => Tables.Count();
        }

        public static class Tables
        {
            private static readonly AmazonDynamoDBClient _client = new AmazonDynamoDBClient();

            public static async Task<int> Count()
            {
                return (await _client.ListTablesAsync()).TableNames.Count;
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task NoFix_WhenTheClientIsBuiltFromTheEvent_AndTheMessageSaysWhy() => Project("""
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.DynamoDBv2;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public Task Handle(string region)
            {
                var client = [|new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region))|];
                return client.ListTablesAsync();
            }
        }
        """)
        .ShouldReportDiagnosticWithMessage(
            "'AmazonDynamoDBClient' is created on every invocation of 'Function.Handle'; create the AWS SDK client once per execution environment and reuse it" +
            " (it uses 'region', known only when the code runs, so it cannot simply move to a field: build it from values available at init, or keep one instance per distinct value)")
        .ShouldNotOfferCodeFix()
        .ValidateAsync();

    [Fact]
    public Task AbsentSdk_RegistersNothing() => new TestKit.ProjectBuilder()
        .WithAnalyzer<Sharpless.Common.PerInvocationWorkAnalyzer>()
        .WithSourceCode("""
            namespace Amazon.Runtime { public class NotTheSdk { } }
            public class Function
            {
                [Sharpless.LambdaFunction]
                public object Handle() => new Amazon.Runtime.NotTheSdk();
            }
            """)
        .ValidateAsync();
}
