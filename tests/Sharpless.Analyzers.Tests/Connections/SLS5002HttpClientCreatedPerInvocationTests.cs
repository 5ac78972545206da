using Sharpless.CodeFixes.Common;
using Sharpless.Common;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.Connections;

public sealed class SLS5002HttpClientCreatedPerInvocationTests
{
    private static ProjectBuilder Project(string code) =>
        new ProjectBuilder()
            .WithAnalyzer<PerInvocationWorkAnalyzer>()
            .WithCodeFixProvider<HoistToFieldFixer>()
            .WithDefaultRuleId("SLS5002")
            .WithLambdaStandIns()
            .WithSourceCode(code);

    // ---- fires -------------------------------------------------------------------------------------------------

    [Fact]
    public Task UsingDeclarationInLambdaFunction_IsReported_WithHandlerInMessage() => Project("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        namespace Orders;
        public class Function
        {
            [LambdaFunction]
            public async Task<string> Handle(string url)
            {
                using var client = [|new HttpClient()|];
                return await client.GetStringAsync(url);
            }
        }
        """)
        .ShouldReportDiagnosticWithMessage("'HttpClient' is created on every invocation of 'Function.Handle'; create it once per execution environment and reuse it")
        .ValidateAsync();

    [Fact]
    public Task EveryCreationShape_InEveryKindOfHandler_IsReported() => Project("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Sharpless;
        public sealed class TypedClient : HttpClient { }
        public class Function
        {
            public async Task<string> WithContext(string url, ILambdaContext context)
            {
                using (var client = [|new HttpClient()|])
                {
                    return await client.GetStringAsync(url);
                }
            }

            [HttpApi(LambdaHttpMethod.Get, "/a")]
            public Task<string> Inline(string url) => [|new HttpClient { Timeout = TimeSpan.FromSeconds(3) }|].GetStringAsync(url);

            [RestApi(LambdaHttpMethod.Get, "/b")]
            public async Task<string> TargetTyped(string url)
            {
                HttpClient client = [|new()|];
                return await client.GetStringAsync(url);
            }

            [LambdaFunction]
            public async Task<string> Subclass(string url)
            {
                var client = [|new TypedClient()|];
                return await client.GetStringAsync(url);
            }

            [LambdaFunction]
            public async Task<string> WithHandler(string url)
            {
                var client = [|new HttpClient(new SocketsHttpHandler(), disposeHandler: true)|];
                return await client.GetStringAsync(url);
            }
        }
        """).ValidateAsync();

    [Fact]
    public Task HandlerNamedInToolsDefaults_IsReported() => Project("""
        using System.Net.Http;
        using System.Threading.Tasks;
        namespace Orders;
        public class Function
        {
            public async Task<string> FunctionHandler(string url)
            {
                var client = [|new HttpClient()|];
                return await client.GetStringAsync(url);
            }
        }
        """)
        .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", """{ "function-handler": "TestProject::Orders.Function::FunctionHandler" }""")
        .ValidateAsync();

    [Fact]
    public Task ExecutableBootstrapHandler_IsReported() => Project("""
        using System.IO;
        using System.Net.Http;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        var shared = new HttpClient();
        await LambdaBootstrapBuilder.Create(async (Stream input, ILambdaContext context) =>
        {
            var perCall = [|new HttpClient()|];
            await perCall.GetStringAsync("https://example.com");
        }).Build().RunAsync();
        """)
        .WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)
        .ValidateAsync();

    // ---- stays quiet -------------------------------------------------------------------------------------------

    [Fact]
    public Task ClientsCreatedOncePerExecutionEnvironment_AreNotReported() => Project("""
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            private static readonly HttpClient s_field = new HttpClient();
            private static readonly HttpClient s_fromCtor;
            private readonly HttpClient _instance;
            private static readonly Lazy<HttpClient> s_lazy = new Lazy<HttpClient>(() => new HttpClient());
            private static HttpClient? s_ensured;
            private HttpClient? _coalesced;
            private static HttpClient? s_guarded;

            static Function() { s_fromCtor = new HttpClient(); }

            public Function() { _instance = new HttpClient(); }

            public HttpClient Shared { get; } = new HttpClient();

            [LambdaFunction]
            public async Task<string> Handle(string url)
            {
                LazyInitializer.EnsureInitialized(ref s_ensured, () => new HttpClient());
                _coalesced ??= new HttpClient();
                if (s_guarded is null)
                {
                    s_guarded = new HttpClient();
                }

                return await s_lazy.Value.GetStringAsync(url) + await s_field.GetStringAsync(url) + await s_fromCtor.GetStringAsync(url)
                    + await _instance.GetStringAsync(url) + await _coalesced.GetStringAsync(url) + await s_guarded.GetStringAsync(url);
            }
        }
        """).ValidateAsync();

    [Fact]
    public Task HttpClientFactoryAndNonHandlerCode_AreNotReported() => Project("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        public interface IHttpClientFactory { HttpClient CreateClient(string name); }
        public class Function
        {
            private readonly IHttpClientFactory _factory;
            public Function(IHttpClientFactory factory) { _factory = factory; }

            [LambdaFunction]
            public Task<string> Handle(string url) => _factory.CreateClient("orders").GetStringAsync(url);

            public Task<string> NotAHandler(string url) => new HttpClient().GetStringAsync(url);

            private static HttpClient Create() => new HttpClient();

            [LambdaFunction]
            public object OtherTypes() => new HttpRequestMessage(HttpMethod.Get, "https://example.com");
        }
        """).ValidateAsync();

    [Fact]
    public Task Suppressed_ByEditorConfig() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public HttpClient Handle() => new HttpClient();
        }
        """)
        .WithEditorConfig("""
            root = true

            [*.cs]
            dotnet_diagnostic.SLS5002.severity = none
            """)
        .ValidateAsync();

    // ---- code fix ----------------------------------------------------------------------------------------------

    [Fact]
    public Task Fix_UsingDeclaration_BecomesStaticField_AndUsesAreRenamed() => Project("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        namespace Orders;
        public class Function
        {
            private const string Base = "https://example.com/";

            [LambdaFunction]
            public async Task<string> Handle(string path)
            {
                using var client = [|new HttpClient()|];
                var first = await client.GetStringAsync(Base + path);
                return first + await client.GetStringAsync(Base);
            }
        }
        """)
        .ShouldFixCodeWith("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        namespace Orders;
        public class Function
        {
            private const string Base = "https://example.com/";
            private static readonly HttpClient _client = new HttpClient();

            [LambdaFunction]
            public async Task<string> Handle(string path)
            {
                var first = await _client.GetStringAsync(Base + path);
                return first + await _client.GetStringAsync(Base);
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task Fix_UsingStatement_IsReplacedByItsBody() => Project("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        public class Function
        {
            public async Task<string> Handle(string url, ILambdaContext context)
            {
                context.Logger.LogLine("start");
                using (var http = [|new HttpClient { Timeout = TimeSpan.FromSeconds(5) }|])
                {
                    return await http.GetStringAsync(url);
                }
            }
        }
        """)
        .ShouldFixCodeWith("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        public class Function
        {
            private static readonly HttpClient _http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

            public async Task<string> Handle(string url, ILambdaContext context)
            {
                context.Logger.LogLine("start");
                return await _http.GetStringAsync(url);
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task Fix_InlineCreation_IsReplacedByAField_NamedAfterTheType() => Project("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public Task<string> Handle(string url) => [|new HttpClient()|].GetStringAsync(url);
        }
        """)
        .ShouldFixCodeWith("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            private static readonly HttpClient _httpClient = new HttpClient();

            [LambdaFunction]
            public Task<string> Handle(string url) => _httpClient.GetStringAsync(url);
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task FixAll_InDocument_SharesOneFieldForIdenticalClients_AndNamesOthersApart() => Project("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public async Task<string> A(string url)
            {
                using var client = [|new HttpClient()|];
                return await client.GetStringAsync(url);
            }

            [LambdaFunction]
            public async Task<string> B(string url)
            {
                var client = [|new HttpClient()|];
                return await client.GetStringAsync(url);
            }

            [LambdaFunction]
            public async Task<string> C(string url)
            {
                var client = [|new HttpClient(new SocketsHttpHandler())|];
                return await client.GetStringAsync(url);
            }
        }
        """)
        .ShouldBatchFixCodeWith("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            private static readonly HttpClient _client = new HttpClient();
            private static readonly HttpClient _client2 = new HttpClient(new SocketsHttpHandler());

            [LambdaFunction]
            public async Task<string> A(string url)
            {
                return await _client.GetStringAsync(url);
            }

            [LambdaFunction]
            public async Task<string> B(string url)
            {
                return await _client.GetStringAsync(url);
            }

            [LambdaFunction]
            public async Task<string> C(string url)
            {
                return await _client2.GetStringAsync(url);
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task FixAll_InProject_FixesEveryDocument() => new ProjectBuilder()
        .WithAnalyzer<PerInvocationWorkAnalyzer>()
        .WithCodeFixProvider<HoistToFieldFixer>()
        .WithDefaultRuleId("SLS5002")
        .WithSourceCode("""
            using System.Net.Http;
            using Sharpless;
            public class First
            {
                [LambdaFunction]
                public HttpClient Handle() => [|new HttpClient()|];
            }
            """)
        .WithSourceCode("""
            using System.Net.Http;
            using Sharpless;
            public class Second
            {
                [LambdaFunction]
                public HttpClient Handle() => [|new HttpClient()|];
            }
            """)
        .ShouldBatchFixCodeWith(
            Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Project,
            """
            using System.Net.Http;
            using Sharpless;
            public class First
            {
                private static readonly HttpClient _httpClient = new HttpClient();

                [LambdaFunction]
                public HttpClient Handle() => _httpClient;
            }
            """,
            """
            using System.Net.Http;
            using Sharpless;
            public class Second
            {
                private static readonly HttpClient _httpClient = new HttpClient();

                [LambdaFunction]
                public HttpClient Handle() => _httpClient;
            }
            """)
        .ValidateAsync();

    [Fact]
    public Task Fix_NameCollision_PicksAFreeName() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private readonly string _client = "taken";

            [LambdaFunction]
            public HttpClient Handle()
            {
                var client = [|new HttpClient()|];
                return client;
            }
        }
        """)
        .ShouldFixCodeWith("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private readonly string _client = "taken";
            private static readonly HttpClient _client2 = new HttpClient();

            [LambdaFunction]
            public HttpClient Handle()
            {
                return _client2;
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task NoFix_WhenTheCreationReadsInvocationState() => Project("""
        using System;
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public HttpClient FromParameter(HttpMessageHandler handler) => [|new HttpClient(handler)|];
        }
        """)
        .ShouldReportDiagnosticWithMessage(
            "'HttpClient' is created on every invocation of 'Function.FromParameter'; create it once per execution environment and reuse it" +
            " (it uses 'handler', known only when the code runs, so it cannot simply move to a field: build it from values available at init, or keep one instance per distinct value)")
        .ShouldNotOfferCodeFix()
        .ValidateAsync();

    [Fact]
    public Task HandlerCreatedSeparately_BothAreReported_AndTheClientNamesTheLocal() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public HttpClient FromLocal()
            {
                var handler = {|SLS5002:new SocketsHttpHandler()|};
                return {|SLS5002:new HttpClient(handler)|};
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task Fix_CreationReadingInstanceState_BecomesAnInstanceFieldSetInTheConstructor() => Project("""
        using System;
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private readonly TimeSpan _timeout = TimeSpan.FromSeconds(1);

            public Function(string name)
            {
                Name = name;
            }

            public Function() : this("default")
            {
            }

            public string Name { get; }

            [LambdaFunction]
            public HttpClient Handle()
            {
                using var client = [|new HttpClient { Timeout = _timeout }|];
                return client;
            }
        }
        """)
        .ShouldFixCodeWith("""
        using System;
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private readonly TimeSpan _timeout = TimeSpan.FromSeconds(1);
            private readonly HttpClient _client;

            public Function(string name)
            {
                Name = name;
                _client = new HttpClient { Timeout = _timeout };
            }

            public Function() : this("default")
            {
            }

            public string Name { get; }

            [LambdaFunction]
            public HttpClient Handle()
            {
                return _client;
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task Fix_InstanceState_WithoutAConstructor_AddsAPublicParameterlessOne_AndDropsDispose() => Project("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            private readonly TimeSpan _timeout = TimeSpan.FromSeconds(1);

            [LambdaFunction]
            public async Task<string> Handle(string url)
            {
                var client = [|new HttpClient { Timeout = _timeout }|];
                try
                {
                    return await client.GetStringAsync(url);
                }
                finally
                {
                    client.Dispose();
                }
            }
        }
        """)
        .ShouldFixCodeWith("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            private readonly TimeSpan _timeout = TimeSpan.FromSeconds(1);
            private readonly HttpClient _client;

            public Function()
            {
                _client = new HttpClient { Timeout = _timeout };
            }

            [LambdaFunction]
            public async Task<string> Handle(string url)
            {
                try
                {
                    return await _client.GetStringAsync(url);
                }
                finally
                {
                }
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task NoFix_WhenTheLocalIsReassigned_OrTheUsingOnlyDisposes() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public HttpClient Reassigned(bool other)
            {
                var client = [|new HttpClient()|];
                if (other)
                {
                    client = Other();
                }

                return client;
            }

            private static HttpClient Other() => throw new System.InvalidOperationException();

            [LambdaFunction]
            public void DisposeOnly()
            {
                using ([|new HttpClient()|])
                {
                }
            }
        }
        """)
        .ShouldNotOfferCodeFix()
        .ValidateAsync();

    [Fact]
    public Task ClientOverASharedHandler_ThatKeepsTheHandler_IsNotReported() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private static readonly SocketsHttpHandler s_handler = new SocketsHttpHandler();

            [LambdaFunction]
            public HttpClient Shared() => new HttpClient(s_handler, disposeHandler: false);

            // Disposing this client would dispose the shared handler: still reported.
            [LambdaFunction]
            public HttpClient DisposesIt() => [|new HttpClient(s_handler)|];
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task Fix_LocalUsedWithTheNullForgivingOperator_IsStillHoisted() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public string Handle()
            {
                HttpClient? client = [|new HttpClient()|];
                return client!.BaseAddress?.ToString() ?? "";
            }
        }
        """)
        .ShouldFixCodeWith("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private static readonly HttpClient _client = new HttpClient();

            [LambdaFunction]
            public string Handle()
            {
                return _client!.BaseAddress?.ToString() ?? "";
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task NoInstanceFieldFix_ForWorkReachedThroughAnObjectCreatedPerInvocation() => Project("""
        using System;
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public HttpClient Handle() => new Downloader().Create();
        }

        public class Downloader
        {
            private readonly TimeSpan _timeout = TimeSpan.FromSeconds(2);

            // Moving this into Downloader's constructor would still run once per invocation.
            public HttpClient Create() => [|new HttpClient { Timeout = _timeout }|];
        }
        """)
        .ShouldNotOfferCodeFix()
        .ValidateAsync();
}
