namespace Sharpless.Analyzers.Tests.Common;

/// <summary>
/// Delegates and containers in the per-invocation walk (issue #22, item 2): lambdas and method groups handed to other
/// code run where they are handed over, except to the callees known to run them once; a delegate member with one known
/// value is followed into its body when a handler invokes it; services resolved per invocation build their transient and
/// scoped registrations, reported at the registration.
/// </summary>
public sealed class DelegatesAndContainersTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code);

    private static string HttpVia(string path, string note = "") =>
        $"'HttpClient' is created on every invocation via {path}; create it once per execution environment and reuse it{note}";

    private static string AwsVia(string path, string note = "") =>
        $"'AmazonDynamoDBClient' is created on every invocation via {path}; create the AWS SDK client once per execution environment and reuse it{note}";

    private const string Transient = " (registered as transient: the container builds a new one every time it is resolved; register it as a singleton)";

    private const string Scoped = " (registered as scoped: the container builds one per scope, and a scope is created per invocation or request; register it as a singleton)";

    // ---- Delegate members whose value is known ----

    [Fact]
    public Task StaticReadonlyFactoryField_InvokedByTheHandler_IsReportedInItsLambda() => Project("""
        using System;
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private static readonly Func<HttpClient> Create = () => {|SLS5002:new HttpClient()|};

            [LambdaFunction]
            public object Handle() => Create();
        }
        """)
        .ShouldReportDiagnosticWithMessage(HttpVia("Function.Handle → Create"))
        .ValidateAsync();

    [Fact]
    public Task FactoryFieldTakingTheUrl_PropertyAndConditionalInvoke_AreFollowed() => Project("""
        using System;
        using System.Net.Http;
        using Amazon.DynamoDBv2;
        using Sharpless;
        public static class Clients
        {
            public static readonly Func<string, IAmazonDynamoDB> Create = url => {|SLS5001:new AmazonDynamoDBClient(new AmazonDynamoDBConfig { ServiceURL = url })|};
            public static Func<HttpClient> Http { get; } = () => {|SLS5002:new HttpClient()|};
        }

        public class Function
        {
            private static readonly Func<HttpClient>? s_maybe = () => {|SLS5002:new HttpClient()|};

            [LambdaFunction]
            public object Handle(string url) => (Clients.Create(url), Clients.Http.Invoke(), s_maybe?.Invoke());
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task MethodGroupAssigned_AndAssignmentInTheStaticConstructor_AreFollowed() => Project("""
        using System;
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private static readonly Func<HttpClient> Make = CreateClient;
            private static readonly Func<HttpClient> Other;

            static Function()
            {
                Other = () => {|SLS5002:new HttpClient()|};
            }

            private static HttpClient CreateClient() => {|SLS5002:new HttpClient()|};

            [LambdaFunction]
            public object Handle() => (Make(), Other());
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task MethodGroupField_ReadsThroughTheMethodName() => Project("""
        using System;
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private static readonly Func<HttpClient> Make = CreateClient;

            private static HttpClient CreateClient() => [|new HttpClient()|];

            [LambdaFunction]
            public object Handle() => Make();
        }
        """)
        .WithDefaultRuleId("SLS5002")
        .ShouldReportDiagnosticWithMessage(HttpVia("Function.Handle → Make → CreateClient"))
        .ValidateAsync();

    [Fact]
    public Task LocalDelegate_InTheHandler_IsReportedLive() => Project("""
        using System;
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle()
            {
                Func<HttpClient> make = () => [|new HttpClient()|];
                return make();
            }
        }
        """)
        .WithDefaultRuleId("SLS5002")
        .ShouldReportDiagnosticWithMessage("'HttpClient' is created on every invocation of 'Function.Handle'; create it once per execution environment and reuse it")
        .ValidateAsync();

    [Fact]
    public Task TopLevelLocalDelegate_InvokedByTheBootstrapHandler_IsReported() => Project("""
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        var shared = new HttpClient();
        Func<HttpClient> make = () => [|new HttpClient()|];
        await LambdaBootstrapBuilder.Create(async (Stream input, ILambdaContext context) =>
        {
            await make().GetStringAsync("https://example.com");
        }).Build().RunAsync();
        """)
        .WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)
        .WithDefaultRuleId("SLS5002")
        .ShouldReportDiagnosticWithMessage(HttpVia("the Lambda handler delegate → make"))
        .ValidateAsync();

    [Fact]
    public Task DelegateInAnInstanceField_OfAnObjectTheHandlerCreates_RunsOnlyWhenInvoked() => Project("""
        using System;
        using System.Net.Http;
        using Sharpless;
        public class Quiet
        {
            private readonly Func<HttpClient> _make = () => new HttpClient();
        }

        public class Loud
        {
            private readonly Func<HttpClient> _make = () => [|new HttpClient()|];
            public HttpClient Get() => _make();
        }

        public class Function
        {
            [LambdaFunction]
            public object Handle() => (new Quiet(), new Loud().Get());
        }
        """)
        .WithDefaultRuleId("SLS5002")
        .ShouldReportDiagnosticWithMessage(HttpVia("Function.Handle → Loud.Get → _make"))
        .ValidateAsync();

    [Fact]
    public Task DelegateMembers_UsedOnlyAtInit_WithSeveralValues_OrUnknownValues_AreNotFollowed() => Project("""
        using System;
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private static readonly Func<HttpClient> Create = () => new HttpClient();
            private static readonly HttpClient s_client = Create();
            private static Func<HttpClient> s_switched = () => new HttpClient();
            public static Func<HttpClient> Assignable = () => new HttpClient();
            private static Action? s_multicast;

            public Function() { _ = Create(); }

            static Function() { s_multicast += () => new HttpClient(); }

            public static void Switch() => s_switched = () => new HttpClient();

            [LambdaFunction]
            public object Handle(Func<HttpClient> given)
            {
                s_multicast?.Invoke();
                return (s_switched(), given(), Assignable());
            }
        }

        public static class Elsewhere
        {
            public static void Reassign() => Function.Assignable = () => new HttpClient();
        }
        """)
        .ValidateAsync();

    // ---- Lambdas and method groups passed as arguments ----

    [Fact]
    public Task LambdasAndMethodGroupsHandedToLibraries_RunPerInvocation_InHandlersAndHelpers() => Project("""
        using System;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public async Task Handle(string[] urls)
            {
                await Parallel.ForEachAsync(urls, async (url, ct) =>
                {
                    using var client = {|SLS5002:new HttpClient()|};
                    await client.GetStringAsync(url, ct);
                });
                await Batch.Process(urls);
            }
        }

        public static class Batch
        {
            public static async Task Process(string[] urls)
            {
                Array.ForEach(urls, HandleRecord);
                await Task.WhenAll(urls.Select(async url => await {|SLS5002:new HttpClient()|}.GetStringAsync(url)));
            }

            private static void HandleRecord(string url) => _ = {|SLS5002:new HttpClient()|};
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task FactoriesOfCachesThatRunOnce_AreQuiet_TheUpdateFactoryAndALocalCacheAreNot() => Project("""
        using System.Collections.Concurrent;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.Caching.Memory;
        using Sharpless;
        public class Function
        {
            private static readonly ConcurrentDictionary<string, IAmazonDynamoDB> s_clients = new();
            private readonly ConcurrentDictionary<string, HttpClient> _http = new();
            private readonly IMemoryCache _cache;

            public Function(IMemoryCache cache) { _cache = cache; }

            private static HttpClient CreateClient(string name) => new HttpClient();

            [LambdaFunction]
            public async Task<object> Handle(string region)
            {
                var dynamo = s_clients.GetOrAdd(region, r => new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(r)));
                var http = _http.GetOrAdd(region, CreateClient);
                var counted = _http.AddOrUpdate(region, addValueFactory: _ => new HttpClient(), updateValueFactory: (_, old) => {|SLS5002:new HttpClient()|});
                var cached = _cache.GetOrCreate(region, _ => new HttpClient());
                var cachedAsync = await _cache.GetOrCreateAsync(region, _ => Task.FromResult(new HttpClient()));
                var perCall = new ConcurrentDictionary<string, HttpClient>().GetOrAdd(region, _ => {|SLS5002:new HttpClient()|});
                return (dynamo, http, counted, cached, cachedAsync, perCall);
            }
        }
        """)
        .ValidateAsync();

    // ---- Containers ----

    [Fact]
    public Task TransientClientRegistration_ResolvedByTheHandler_IsReportedAtTheRegistration() => Project("""
        using System;
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;
        public class Function
        {
            private static readonly IServiceProvider s_services = Build();

            private static IServiceProvider Build()
            {
                var services = new ServiceCollection();
                services.[|AddTransient<IAmazonDynamoDB, AmazonDynamoDBClient>()|];
                return services.BuildServiceProvider();
            }

            [LambdaFunction]
            public object Handle() => s_services.GetRequiredService<IAmazonDynamoDB>();
        }
        """)
        .WithDefaultRuleId("SLS5001")
        .ShouldReportDiagnosticWithMessage(AwsVia("Function.Handle → GetRequiredService<IAmazonDynamoDB>", Transient))
        .ValidateAsync();

    [Fact]
    public Task ScopedFactoryRegistrations_ResolvedFromAScopePerInvocation_AreReportedInTheFactory() => Project("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;
        public static class Container
        {
            public static readonly ServiceProvider Root = Configure(new ServiceCollection()).BuildServiceProvider();

            public static IServiceCollection Configure(IServiceCollection services)
            {
                services.AddScoped<IAmazonDynamoDB>(_ => {|SLS5001:new AmazonDynamoDBClient()|});
                services.AddScoped(_ => {|SLS5002:new HttpClient()|});
                return services;
            }
        }

        public class Function
        {
            [LambdaFunction]
            public async Task<string> Handle(string url)
            {
                await using var scope = Container.Root.CreateAsyncScope();
                var dynamo = scope.ServiceProvider.GetRequiredService<IAmazonDynamoDB>();
                return await scope.ServiceProvider.GetRequiredService<HttpClient>().GetStringAsync(url);
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task ServicesBuiltThroughOtherServices_AreFollowed_ASingletonStopsTheWalk() => Project("""
        using System;
        using System.Net.Http;
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;
        public class OrderService
        {
            private readonly HttpClient _http = {|SLS5002:new HttpClient()|};
            public OrderService(IAmazonDynamoDB dynamo) { }
        }

        public class ReportService
        {
            private readonly HttpClient _http = new HttpClient();
            public ReportService(Lazy<int> unused) { }
        }

        public class Function
        {
            private static readonly IServiceProvider s_services = new ServiceCollection()
                .AddScoped<OrderService>()
                .AddSingleton<ReportService>()
                .{|SLS5001:AddTransient(typeof(IAmazonDynamoDB), typeof(AmazonDynamoDBClient))|}
                .BuildServiceProvider();

            [LambdaFunction]
            public object Handle() => (s_services.GetRequiredService<OrderService>(), s_services.GetRequiredService<ReportService>());
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task DependencyOfAResolvedService_NamesThePath() => Project("""
        using System;
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;
        public class OrderService
        {
            public OrderService(IAmazonDynamoDB dynamo) { }
        }

        public class Function
        {
            private static readonly IServiceProvider s_services = new ServiceCollection()
                .AddScoped<OrderService>()
                .[|AddTransient<IAmazonDynamoDB, AmazonDynamoDBClient>()|]
                .BuildServiceProvider();

            [LambdaFunction]
            public object Handle() => s_services.GetRequiredService<OrderService>();
        }
        """)
        .WithDefaultRuleId("SLS5001")
        .ShouldReportDiagnosticWithMessage(AwsVia("Function.Handle → GetRequiredService<OrderService> → new OrderService → IAmazonDynamoDB", Transient))
        .ValidateAsync();

    [Fact]
    public Task Singletons_AndContainersResolvedOnlyAtInit_AreQuiet() => Project("""
        using System;
        using System.Net.Http;
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;
        public class Function
        {
            private static readonly IServiceProvider s_services = new ServiceCollection()
                .AddSingleton<IAmazonDynamoDB, AmazonDynamoDBClient>()
                .AddSingleton(new HttpClient())
                .BuildServiceProvider();

            private static readonly IServiceProvider s_initOnly = new ServiceCollection()
                .AddTransient<AmazonDynamoDBClient>()
                .AddScoped<HttpMessageHandler>(_ => new SocketsHttpHandler())
                .BuildServiceProvider();

            private readonly AmazonDynamoDBClient _client;

            public Function() { _client = s_initOnly.GetRequiredService<AmazonDynamoDBClient>(); }

            [LambdaFunction]
            public object Handle() => (s_services.GetRequiredService<IAmazonDynamoDB>(), s_services.GetRequiredService<HttpClient>(), _client);
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task FromServicesParameter_IsResolvedFromAScopePerInvocation() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;

        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddScoped<IAmazonDynamoDB>(_ => [|new AmazonDynamoDBClient()|]);
            }
        }

        public class Functions
        {
            [LambdaFunction]
            public Task<int> Count([FromServices] IAmazonDynamoDB dynamo) => Task.FromResult(0);
        }
        """)
        .WithDefaultRuleId("SLS5001")
        .ShouldReportDiagnosticWithMessage(AwsVia("Functions.Count → [FromServices] IAmazonDynamoDB", Scoped))
        .ValidateAsync();

    [Fact]
    public Task AspNetCoreOnLambda_ScopedClientRegistrations_AreReported_SingletonsAreNot() => Project("""
        using System.Net.Http;
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.DependencyInjection;
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
                services.[|AddScoped<IAmazonDynamoDB, AmazonDynamoDBClient>()|];
                services.AddSingleton(new HttpClient());
            }
        }
        """)
        .WithAspNetCoreOnLambda()
        .WithDefaultRuleId("SLS5001")
        .ShouldReportDiagnosticWithMessage(AwsVia("ASP.NET Core's per-request services", Scoped))
        .ValidateAsync();

    [Fact]
    public Task AspNetCoreServerEntryPoint_TransientClientRegistration_IsReported() => Project("""
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.DependencyInjection;
        public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction { }

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.[|AddTransient<IAmazonDynamoDB, AmazonDynamoDBClient>()|];
            }
        }
        """)
        .WithAspNetCoreOnLambda()
        .WithDefaultRuleId("SLS5001")
        .ShouldReportDiagnosticWithMessage(AwsVia("ASP.NET Core's per-request services", Transient))
        .ValidateAsync();

    [Fact]
    public Task ScopedRegistrations_InAProjectNotServedPerRequest_AreQuiet() => Project("""
        using System.Net.Http;
        using Amazon.DynamoDBv2;
        using Microsoft.Extensions.DependencyInjection;
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddScoped<IAmazonDynamoDB, AmazonDynamoDBClient>();
                services.AddTransient(_ => new HttpClient());
            }
        }
        """)
        .ValidateAsync();
}
