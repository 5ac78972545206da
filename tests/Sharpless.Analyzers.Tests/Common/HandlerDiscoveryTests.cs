using Microsoft.CodeAnalysis;
using Sharpless.Common;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.Common;

/// <summary>
/// Handlers nothing in the project names (docs/handlers.md, conventions): an event-typed first parameter,
/// <c>Function.FunctionHandler</c> in a Lambda project, delegates handed to <c>LambdaBootstrapBuilder.Create</c> through
/// method groups, locals and fields, and ASP.NET Core on Lambda. Each is shown by a per-invocation rule firing inside it,
/// next to the code an expert would leave alone.
/// </summary>
public sealed class HandlerDiscoveryTests
{
    [Fact]
    public Task EventTypedFirstParameter_WithoutContext_IsAHandler() => PerInvocationProject.Create("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.CloudWatchEvents;
        using Amazon.Lambda.CloudWatchEvents.ScheduledEvents;
        using Amazon.Lambda.SQSEvents;
        public class OrderQueueProcessor
        {
            public async Task Handle(SQSEvent evt)
            {
                var client = {|SLS5001:new AmazonDynamoDBClient()|};
                await client.ListTablesAsync();
            }
        }
        public class Nightly
        {
            public void Run(ScheduledEvent evt)
            {
                using var http = {|SLS5002:new HttpClient()|};
            }

            public void RunGeneric(CloudWatchEvent<Detail> evt)
            {
                using var http = {|SLS5002:new HttpClient()|};
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task EventSourceMethods_ArePerInvocationCode_AndTheirConstructorsAreNot() => PerInvocationProject.Create("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Sharpless;
        using Sharpless.Events;

        public class Consumers
        {
            private readonly AmazonDynamoDBClient _client = new AmazonDynamoDBClient();

            [SQSEvent("@Queue")]
            public async Task Ship(string body)
            {
                using var client = {|SLS5001:new AmazonDynamoDBClient()|};
                await _client.ListTablesAsync();
            }

            [ScheduleEvent("rate(1 hour)")]
            public void Tick()
            {
                using var http = {|SLS5002:new HttpClient()|};
            }

            [S3Event("@Uploads")]
            public void Upload(S3ObjectEvent record)
            {
                using var http = {|SLS5002:new HttpClient()|};
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task NotEventTypedEntryPoints_StayQuiet() => PerInvocationProject.Create("""
        using System.Net.Http;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.SQSEvents;
        public static class Mapping
        {
            // A record nested in the event is never what the runtime hands a handler: this is a helper.
            public static string Map(SQSEvent.SQSMessage message)
            {
                using var http = new HttpClient();
                return message.Body;
            }

            // Responses are built, not received.
            public static APIGatewayProxyResponse WithCors(APIGatewayProxyResponse response)
            {
                using var http = new HttpClient();
                return response;
            }

            // An extension method is called by code, not by the runtime.
            public static int Count(this SQSEvent evt)
            {
                using var http = new HttpClient();
                return evt.Records.Count;
            }
        }
        public class Worker
        {
            // The event is not the first parameter.
            public void Process(string tenant, SQSEvent evt)
            {
                using var http = new HttpClient();
            }

            internal void NotPublic(SQSEvent evt)
            {
                using var http = new HttpClient();
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task FunctionHandler_OnFunction_InAProjectReferencingLambdaCore_IsAHandler() => PerInvocationProject.Create("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        public class MyPayload { public string Id { get; set; } = ""; }
        public class Function
        {
            private readonly AmazonDynamoDBClient _client;

            public Function()
            {
                _client = new AmazonDynamoDBClient();
            }

            public static async Task FunctionHandler(MyPayload payload)
            {
                using var http = {|SLS5002:new HttpClient()|};
                await http.GetAsync("https://example.com/" + payload.Id);
            }

            // Only the template's name is the convention.
            public void Other(MyPayload payload)
            {
                using var http = new HttpClient();
            }
        }
        """)
        .ValidateAsync();

    private const string FunctionHandlerWithoutLambdaCore = """
        using System.Net.Http;
        public class Function
        {
            public string FunctionHandler(string input)
            {
                using var http = [|new HttpClient()|];
                return input;
            }
        }
        """;

    private static ProjectBuilder WithoutLambdaPackages(string code) => new ProjectBuilder()
        .WithAnalyzer<PerInvocationWorkAnalyzer>()
        .WithSourceCode(code)
        .WithDefaultRuleId("SLS5002");

    [Fact]
    public Task FunctionHandler_OutsideALambdaProject_StaysQuiet() =>
        WithoutLambdaPackages(FunctionHandlerWithoutLambdaCore.Replace("[|", string.Empty).Replace("|]", string.Empty)).ValidateAsync();

    [Fact]
    public Task FunctionHandler_InAnAwsLambdaProjectType_IsAHandler() =>
        WithoutLambdaPackages(FunctionHandlerWithoutLambdaCore).WithBuildProperty("AWSProjectType", "Lambda").ValidateAsync();

    [Fact]
    public Task FunctionHandler_NextToToolsDefaults_IsAHandler() =>
        WithoutLambdaPackages(FunctionHandlerWithoutLambdaCore)
            .WithAdditionalFile("aws-lambda-tools-defaults.json", """{ "profile": "default", "region": "eu-west-1", "function-memory-size": 512 }""")
            .ValidateAsync();

    [Fact]
    public Task Bootstrap_MethodGroups_DirectCastAndThroughALocal_AreHandlers() => PerInvocationProject.Create("""
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.RuntimeSupport;

        // Top-level statements run once, before the bootstrap serves invocations.
        var shared = new AmazonDynamoDBClient();
        await LambdaBootstrapBuilder.Create(Handlers.Direct).Build().RunAsync();
        await LambdaBootstrapBuilder.Create((Func<Stream, Task<Stream>>)Handlers.Cast).Build().RunAsync();
        Func<Stream, Task<Stream>> handler = Handlers.ThroughLocal;
        await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
        await LambdaBootstrapBuilder.Create(Local).Build().RunAsync();
        var worker = new Worker();
        await LambdaBootstrapBuilder.Create(worker.Handle).Build().RunAsync();

        async Task<Stream> Local(Stream input)
        {
            using var http = {|SLS5002:new HttpClient()|};
            await Task.Yield();
            return input;
        }

        public class Worker
        {
            public Task<Stream> Handle(Stream input)
            {
                using var http = {|SLS5002:new HttpClient()|};
                return Task.FromResult(input);
            }
        }

        public static class Handlers
        {
            public static async Task<Stream> Direct(Stream input)
            {
                var client = {|SLS5001:new AmazonDynamoDBClient()|};
                await Task.Yield();
                return input;
            }

            public static Task<Stream> Cast(Stream input)
            {
                using var http = {|SLS5002:new HttpClient()|};
                return Task.FromResult(input);
            }

            public static Task<Stream> ThroughLocal(Stream input)
            {
                using var http = {|SLS5002:new HttpClient()|};
                return Task.FromResult(input);
            }

            // Not handed to the bootstrap.
            public static Task<Stream> Unused(Stream input)
            {
                using var http = new HttpClient();
                return Task.FromResult(input);
            }
        }
        """)
        .WithOutputKind(OutputKind.ConsoleApplication)
        .ValidateAsync();

    [Fact]
    public Task Bootstrap_DelegateFieldsInAnotherFile_AreHandlers() => PerInvocationProject.Create("""
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;
        public static class Program
        {
            public static async Task Main()
            {
                await LambdaBootstrapBuilder.Create(Entry.Handler).Build().RunAsync();
                await LambdaBootstrapBuilder.Create(Entry.Grouped).Build().RunAsync();
            }
        }
        """)
        .WithSourceCode("""
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;
        public static class Entry
        {
            public static readonly Func<Stream, Task<Stream>> Handler = async input =>
            {
                using var http = {|SLS5002:new HttpClient()|};
                await Task.Yield();
                return input;
            };

            public static Func<Stream, Task<Stream>> Grouped { get; } = Process;

            private static Task<Stream> Process(Stream input)
            {
                using var http = {|SLS5002:new HttpClient()|};
                return Task.FromResult(input);
            }

            // A delegate field nobody hands to the bootstrap.
            public static readonly Func<Stream, Stream> Unused = input =>
            {
                using var http = new HttpClient();
                return input;
            };
        }
        """, "Entry.cs")
        .WithOutputKind(OutputKind.ConsoleApplication)
        .ValidateAsync();

    private static ProjectBuilder AspNetCore(string code) =>
        PerInvocationProject.Create(code).WithAspNetCoreOnLambda().WithOutputKind(OutputKind.ConsoleApplication);

    [Fact]
    public Task MinimalApiOnLambda_EndpointsGroupsAndMiddleware_RunPerRequest() => AspNetCore("""
        using System.Net.Http;
        using Amazon.DynamoDBv2;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
        var shared = new AmazonDynamoDBClient();
        var app = builder.Build();

        app.Use(async (context, next) =>
        {
            using var http = {|SLS5002:new HttpClient()|};
            await next(context);
        });

        app.MapGet("/orders", async () =>
        {
            var client = {|SLS5001:new AmazonDynamoDBClient()|};
            var tables = await client.ListTablesAsync();
            return tables.TableNames;
        });

        var api = app.MapGroup("/api");
        api.MapPost("/orders", OrderEndpoints.Create);
        api.MapDelete("/orders/{id}", (string id) =>
        {
            using var http = {|SLS5002:new HttpClient()|};
            return Results.NoContent();
        });

        app.Run();

        public static class OrderEndpoints
        {
            public static IResult Create(HttpContext context)
            {
                using var http = {|SLS5002:new HttpClient()|};
                return Results.Ok();
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task ControllersOnLambda_ActionsRunPerRequest_StartupAndInitStayQuiet() => AspNetCore("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.AspNetCoreServer;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main() { }
        }

        public class LambdaEntryPoint : APIGatewayProxyFunction
        {
            protected override void Init(IWebHostBuilder builder)
            {
                var warmup = new AmazonDynamoDBClient();
                builder.UseStartup<Startup>();
            }
        }

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient());
                services.AddControllers();
            }

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
                app.Run(async context =>
                {
                    using var http = {|SLS5002:new HttpClient()|};
                    await context.Response.WriteAsync("fallback");
                });
            }
        }

        [ApiController]
        [Route("api/[controller]")]
        public class OrdersController : ControllerBase
        {
            private readonly IAmazonDynamoDB _db;

            public OrdersController(IAmazonDynamoDB db)
            {
                _db = db;
            }

            [HttpGet]
            public async Task<IActionResult> Get()
            {
                using var http = {|SLS5002:new HttpClient()|};
                var tables = await _db.ListTablesAsync();
                return Ok(tables.TableNames);
            }

            [NonAction]
            public void NotAnAction()
            {
                using var http = new HttpClient();
            }

            private void Helper()
            {
                using var http = new HttpClient();
            }
        }
        """)
        .ValidateAsync();

    private const string ControllerOnLambda = """
        using System.Net.Http;
        using Amazon.DynamoDBv2;
        using Amazon.S3;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        public abstract class AuditedController : ControllerBase
        {
            protected readonly HttpClient Audit = {|SLS5002:new HttpClient()|};
        }

        [ApiController]
        [Route("api/[controller]")]
        public class FilesController : AuditedController
        {
            private static readonly AmazonS3Client Shared = new AmazonS3Client();
            private readonly IAmazonDynamoDB _db;
            private readonly AmazonS3Client _s3 = {|SLS5001:new AmazonS3Client()|};

            public FilesController(IAmazonDynamoDB db)
            {
                _db = db;
                Tracker = {|SLS5002:new HttpClient()|};
            }

            public HttpClient Tracker { get; }

            [HttpGet]
            public string Get() => _s3.Config.RegionEndpoint?.SystemName ?? string.Empty;
        }
        """;

    [Fact]
    public Task ControllerOnLambda_IsCreatedPerRequest_SoItsConstructorAndInitializersRunPerInvocation() =>
        AspNetCore(ControllerOnLambda).ValidateAsync();

    [Fact]
    public Task ControllerConstructor_ReportSaysTheControllerIsCreatedPerRequest() => AspNetCore("""
        using Amazon.S3;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
        builder.Build().Run();

        public class FilesController : ControllerBase
        {
            private readonly IAmazonS3 _s3;
            public FilesController() => _s3 = {|SLS5001:new AmazonS3Client()|};
            public string Get() => _s3.Config.ServiceURL;
        }
        """)
        .ShouldReportDiagnosticWithMessage("'AmazonS3Client' is created on every invocation via new FilesController (ASP.NET Core creates a controller per request); create the AWS SDK client once per execution environment and reuse it")
        .ValidateAsync();

    [Fact]
    public Task Controller_NotServedByLambda_StaysQuiet() =>
        AspNetCore(ControllerOnLambda
                .Replace("builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi);", string.Empty, StringComparison.Ordinal)
                .Replace("|}", string.Empty, StringComparison.Ordinal)
                .Replace("{|SLS5001:", string.Empty, StringComparison.Ordinal).Replace("{|SLS5002:", string.Empty, StringComparison.Ordinal))
            .ValidateAsync();

    [Fact]
    public Task GenericFunctionBaseInAnotherFile_MakesControllersHandlers() => AspNetCore("""
        using System.Net.Http;
        using Microsoft.AspNetCore.Mvc;

        public static class Program
        {
            public static void Main() { }
        }

        [Controller]
        public class HealthEndpoints
        {
            public string Ping()
            {
                using var http = {|SLS5002:new HttpClient()|};
                return "pong";
            }
        }

        [NonController]
        public class NotAController : ControllerBase
        {
            public string Ping()
            {
                using var http = new HttpClient();
                return "pong";
            }
        }
        """)
        .WithSourceCode("""
        using Amazon.Lambda.AspNetCoreServer;
        using Microsoft.AspNetCore.Builder;
        public class Startup
        {
            public void Configure(IApplicationBuilder app) { }
        }
        public class LambdaEntryPoint : ApplicationLoadBalancerFunction<Startup> { }
        """, "LambdaEntryPoint.cs")
        .ValidateAsync();

    [Fact]
    public Task AspNetCore_NotServedByLambda_StaysQuiet() => AspNetCore("""
        using System.Net.Http;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/", () =>
        {
            using var http = new HttpClient();
            return "ok";
        });
        app.Run();

        public class HomeController : ControllerBase
        {
            public IActionResult Index()
            {
                using var http = new HttpClient();
                return Ok();
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public async Task GetSource_SaysWhyEachMethodIsAHandler()
    {
        var compilation = await new ProjectBuilder().WithLambdaStandIns().WithSourceCode("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.SQSEvents;
            public class Function
            {
                public void FunctionHandler(string input) { }
                public void OnQueue(SQSEvent evt, ILambdaContext context) { }
                public void WithContext(string input, ILambdaContext context) { }
                public static Task<Stream> Boot(Stream input) => Task.FromResult(input);
                public static void Main() => LambdaBootstrapBuilder.Create(Boot);
                public void None(string input) { }
            }
            public interface IQueueHandler
            {
                void OnQueue(SQSEvent evt);
            }
            public abstract class QueueHandlerBase
            {
                public abstract void OnQueue(SQSEvent evt);
            }
            """).CompileAsync();
        var index = HandlerIndex.Create(compilation, new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([]), CancellationToken.None);
        var function = compilation.GetTypeByMetadataName("Function")!;
        HandlerSource? SourceOf(string name) => index.GetSource((IMethodSymbol)function.GetMembers(name).Single());

        Assert.Equal(HandlerSource.FunctionHandlerConvention, SourceOf("FunctionHandler"));
        Assert.Equal(HandlerSource.EventType, SourceOf("OnQueue"));
        Assert.Equal(HandlerSource.LambdaContextParameter, SourceOf("WithContext"));
        Assert.Equal(HandlerSource.Bootstrap, SourceOf("Boot"));
        Assert.Null(SourceOf("None"));
        Assert.Null(SourceOf("Main"));

        // Signatures without a body are no entry point the runtime can call.
        foreach (var type in new[] { "IQueueHandler", "QueueHandlerBase" })
        {
            var method = (IMethodSymbol)compilation.GetTypeByMetadataName(type)!.GetMembers("OnQueue").Single();
            Assert.True(index.GetSource(method) is null, $"{type}.OnQueue: {index.GetSource(method)} (abstract: {method.IsAbstract}, kind: {method.ContainingType.TypeKind}, dll: {typeof(HandlerIndex).Assembly.Location})");
        }
    }
}
