namespace Sharpless.Analyzers.Tests.Common;

/// <summary>
/// Work reached from a handler through calls in the same compilation (InvocationGraph): reported at the work, with
/// the path from the handler, at compilation end. Uses SLS5002 (HttpClient) as the probe; every per-invocation rule
/// shares the graph.
/// </summary>
public sealed class InterproceduralTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code, "SLS5002");

    private static string Via(string path) =>
        $"'HttpClient' is created on every invocation via {path}; create it once per execution environment and reuse it";

    [Fact]
    public Task ConstructorOfAnObjectTheHandlerCreates_IsReported() => Project("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public Task<string> Handle(string url) => new Downloader().Get(url);
        }

        public class Downloader
        {
            private readonly HttpClient _client;
            public Downloader() { _client = [|new HttpClient()|]; }
            public Task<string> Get(string url) => _client.GetStringAsync(url);
        }
        """)
        .ShouldReportDiagnosticWithMessage(Via("Function.Handle → new Downloader"))
        .ValidateAsync();

    [Fact]
    public Task FieldInitializerOfAnObjectTheHandlerCreates_AndOfItsBaseType_AreReported() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle() => new Derived();
        }

        public class Base
        {
            protected readonly HttpClient Client = [|new HttpClient()|];
        }

        public class Derived : Base
        {
            public HttpClient Other { get; } = [|new HttpClient()|];
        }
        """)
        .ShouldReportDiagnosticWithMessage(Via("Function.Handle → new Derived"))
        .ValidateAsync();

    [Fact]
    public Task PropertyGetter_LocalFunction_LambdaAndMethodGroup_AreFollowed() => Project("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            private static HttpClient Client => {|SLS5002:new HttpClient()|};

            [LambdaFunction]
            public int Handle(List<string> urls)
            {
                var clients = urls.Select(Make).ToList();
                return clients.Count + Local() + (Client is null ? 0 : 1);

                int Local() => Helpers.Count();
            }

            private static HttpClient Make(string url) => {|SLS5002:new HttpClient()|};
        }

        public static class Helpers
        {
            public static int Count() => new[] { 1 }.Select(_ => {|SLS5002:new HttpClient()|}).Count();
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task TheMessage_NamesEachHop() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle() => Client;

            private static HttpClient Client => Create();

            private static HttpClient Create() => [|new HttpClient()|];
        }
        """)
        .ShouldReportDiagnosticWithMessage(Via("Function.Handle → Client → Create"))
        .ValidateAsync();

    [Fact]
    public Task WorkReachedFromSeveralHandlers_IsReportedOnce_WithTheFirstHandlersPath() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object A() => Shared.Create();

            [LambdaFunction]
            public object B() => Shared.Create();
        }

        public static class Shared
        {
            public static HttpClient Create() => [|new HttpClient()|];
        }
        """)
        .ShouldReportDiagnosticWithMessage(Via("Function.A → Shared.Create"))
        .ValidateAsync();

    [Fact]
    public Task ChainsDeeperThanTheBound_AreNotFollowed_AndCyclesEnd() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle() => Chain.L1();
        }

        public static class Chain
        {
            public static object L1() => L2();
            public static object L2() => L3();
            public static object L3() => L4();
            public static object L4() => L5();
            public static object L5() => L6() ?? [|new HttpClient()|];
            public static object L6() => L7();
            public static object L7() => new HttpClient();
            public static object Cycle(int n) => n == 0 ? L1() : Cycle(n - 1);
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task HelpersOnlyCalledAtInit_OrCachingTheirResult_AreNotReported() => Project("""
        using System;
        using System.Net.Http;
        using System.Threading;
        using Sharpless;
        public class Function
        {
            private static readonly HttpClient s_client = Create();
            private readonly HttpClient _client;

            public Function() { _client = Create(); }

            private static HttpClient Create() => new HttpClient();

            [LambdaFunction]
            public object Handle() => Cache.Get() ?? Cache.Ensure() ?? Cache.Guarded();
        }

        public static class Cache
        {
            private static HttpClient? s_a;
            private static HttpClient? s_b;
            private static HttpClient? s_c;
            public static HttpClient Get() => s_a ??= new HttpClient();
            public static HttpClient Ensure() => LazyInitializer.EnsureInitialized(ref s_b, () => new HttpClient());
            public static HttpClient Guarded()
            {
                if (s_c == null)
                {
                    s_c = new HttpClient();
                }

                return s_c;
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task InterfaceAndVirtualCalls_FollowOnlyTheNamedMethod() => Project("""
        using System.Net.Http;
        using Sharpless;
        public interface IFactory { HttpClient Create(); }
        public class Factory : IFactory { public HttpClient Create() => new HttpClient(); }
        public class Base { public virtual HttpClient Make() => [|new HttpClient()|]; }
        public class Derived : Base { public override HttpClient Make() => new HttpClient(); }
        public class Function
        {
            private readonly IFactory _factory = new Factory();
            private readonly Base _base = new Derived();

            [LambdaFunction]
            public object Handle() => _factory.Create().ToString() + _base.Make();
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task TopLevelLocalFunction_CalledFromTheBootstrapHandler_IsReported() => Project("""
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        var shared = new HttpClient();
        await LambdaBootstrapBuilder.Create(async (Stream input, ILambdaContext context) =>
        {
            await Fetch("https://example.com");
        }).Build().RunAsync();

        static async Task<string> Fetch(string url)
        {
            var client = [|new HttpClient()|];
            return await client.GetStringAsync(url);
        }
        """)
        .WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)
        .ShouldReportDiagnosticWithMessage(Via("the Lambda handler delegate → Fetch"))
        .ValidateAsync();

    [Fact]
    public Task AHandlerCallingAnotherHandler_ReportsTheCalleesWorkOnce_Live() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object A() => B();

            [LambdaFunction]
            public object B() => [|new HttpClient()|];
        }
        """)
        .ShouldReportDiagnosticWithMessage("'HttpClient' is created on every invocation of 'Function.B'; create it once per execution environment and reuse it")
        .ValidateAsync();

    // The analyzer reads only handlers, members declaring a handler delegate, and what the walk reaches (no operation
    // action over every body): these cases pin what that reading must still find.

    [Fact]
    public Task WorkInAnotherFile_ReachedThroughAnExpressionBodiedProperty_IsReported() => Project("""
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle(Catalog catalog) => catalog.Client;
        }
        """)
        .WithSourceCode("""
        using System.Net.Http;
        public class Catalog
        {
            public HttpClient Client => [|new HttpClient()|];
        }
        """, "Catalog.cs")
        .ShouldReportDiagnosticWithMessage(Via("Function.Handle → Catalog.Client"))
        .ValidateAsync();

    [Fact]
    public Task WorkInAnotherFile_ReachedThroughAConstructorCall_IsReported() => Project("""
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle() => new Catalog();
        }
        """)
        .WithSourceCode("""
        using System.Net.Http;
        public class Catalog
        {
            private readonly object _seed;
            public Catalog() { _seed = Make(); }
            private static object Make() => [|new HttpClient()|];
        }
        """, "Catalog.cs")
        .ShouldReportDiagnosticWithMessage(Via("Function.Handle → new Catalog → Make"))
        .ValidateAsync();

    [Fact]
    public Task HandlerLambda_TypedThroughAGlobalAliasDeclaredInAnotherFile_IsReportedLive() => Project("""
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        await Bootstrap.Create(async (Stream input, Context context) =>
        {
            using var client = [|new HttpClient()|];
            await client.GetStringAsync("https://example.com");
        }).Build().RunAsync();
        """)
        .WithSourceCode("""
        global using Context = Amazon.Lambda.Core.ILambdaContext;
        global using Bootstrap = Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder;
        """, "GlobalUsings.cs")
        .WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)
        .ShouldReportDiagnosticWithMessage("'HttpClient' is created on every invocation of 'the Lambda handler delegate'; create it once per execution environment and reuse it")
        .ValidateAsync();

    [Fact]
    public Task CodeNoHandlerReaches_IsNeverReported() => Project("""
        using System.Net.Http;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public string Handle() => Text.Hello();
        }

        public static class Text
        {
            public static string Hello() => "hello";
            public static HttpClient Unused() => new HttpClient();
        }

        public class Tool
        {
            public HttpClient Field = new HttpClient();
            public HttpClient Make() => new HttpClient();
        }
        """)
        .ValidateAsync();
}
