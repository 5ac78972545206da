using Microsoft.CodeAnalysis;
using Sharpless.Analyzers.Tests.Common;
using Sharpless.ColdStart;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.ColdStart;

public sealed class SLS4010And4011SnapStartTests
{
    private static string Template(string handler, string applyOn = "PublishedVersions") => $$"""
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        # SnapStart for every function, as aws-samples/serverless-dotnet-demo does.
        Globals:
          Function:
            Runtime: dotnet8
            MemorySize: 1024
            AutoPublishAlias: live
            SnapStart:
              ApplyOn: {{applyOn}}
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: {{handler}}
              CodeUri: ./
        """;

    private static ProjectBuilder Project(string code, string? template = null) =>
        PerInvocationProject.Create(code)
            .WithAnalyzer<SnapStartInitAnalyzer>()
            .WithAdditionalFile("/src/template.yaml", template ?? Template("TestProject::Orders.Function::Handle"));

    [Fact]
    public Task UniqueValuesStoredDuringInit_AreReported_WithTheFunctionInTheMessage() => Project("""
        using System;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            private readonly string _instanceId = [|Guid.NewGuid()|].ToString();

            public string Handle(string input, ILambdaContext context) => _instanceId + input;
        }
        """)
        .WithDefaultRuleId("SLS4010")
        .ShouldReportDiagnosticWithMessage("'Guid.NewGuid()' is generated during INIT of 'OrdersFunction', which has SnapStart enabled; every execution environment restored from the snapshot shares this value: generate it in the handler or in a SnapshotRestore.RegisterAfterRestore hook")
        .ValidateAsync();

    [Fact]
    public Task EveryUniquenessSource_InEveryInitPlace_IsReported() => Project("""
        using System;
        using System.Security.Cryptography;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            private static readonly Random s_random = {|SLS4010:new Random()|};
            private static readonly byte[] s_key = new byte[32];
            private readonly int _seed;

            public Guid Correlation { get; } = {|SLS4010:Guid.NewGuid()|};

            static Function() { {|SLS4010:RandomNumberGenerator.Fill(s_key)|}; }

            public Function()
            {
                _seed = {|SLS4010:RandomNumberGenerator.GetInt32(1000)|};
                var loggedOnly = Guid.NewGuid();
                Console.WriteLine(loggedOnly);
            }

            public string Handle(string input, ILambdaContext context) => $"{s_random.Next()}{_seed}{Correlation}{s_key.Length}";
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task HandlerTimeValues_FixedSeeds_LazyFactories_HooksAndOtherTypes_AreNotReported() => Project("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            private static readonly Random s_deterministic = new Random(42);
            private static readonly Lazy<Random> s_lazy = new(() => new Random());
            private string _afterRestore = "";

            public Function()
            {
                SnapshotRestore.RegisterAfterRestore(() =>
                {
                    _afterRestore = Guid.NewGuid().ToString();
                    return ValueTask.CompletedTask;
                });
            }

            public string Handle(string input, ILambdaContext context) =>
                Guid.NewGuid() + s_lazy.Value.Next().ToString() + s_deterministic.Next() + _afterRestore;
        }

        public class NotTheHandler
        {
            private static readonly Guid s_id = Guid.NewGuid();
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task WithoutSnapStart_NothingIsReported() => Project("""
        using System;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            private static readonly Random s_random = new Random();
            public int Handle(string input, ILambdaContext context) => s_random.Next();
        }
        """, Template("TestProject::Orders.Function::Handle", applyOn: "None"))
        .ValidateAsync();

    [Fact]
    public Task ExecutableFunction_TopLevelStatementsAreItsInit() => Project("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        var runId = {|SLS4010:Guid.NewGuid()|};
        await LambdaBootstrapBuilder.Create((Stream input, ILambdaContext context) =>
        {
            var perInvocation = Guid.NewGuid();
            return Task.FromResult<Stream>(new MemoryStream(runId.ToByteArray()));
        }).Build().RunAsync();
        """, Template("TestProject"))
        .WithOutputKind(OutputKind.ConsoleApplication)
        .ValidateAsync();

    [Fact]
    public Task JsonTemplate_WithAPlainLambdaFunction_IsRead() => PerInvocationProject.Create("""
        using System;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            private static readonly Random s_random = {|SLS4010:new Random()|};
            public int Handle(string input, ILambdaContext context) => s_random.Next();
        }
        """)
        .WithAnalyzer<SnapStartInitAnalyzer>()
        .WithAdditionalFile("/src/serverless.template", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Orders": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Handler": "TestProject::Orders.Function::Handle",
                    "Runtime": "dotnet8",
                    "SnapStart": { "ApplyOn": "PublishedVersions" }
                  }
                }
              }
            }
            """)
        .ValidateAsync();

    [Fact]
    public Task ConnectionsOpenedDuringInit_WithoutAHook_AreReported() => Project("""
        using Amazon.Lambda.Core;
        using Npgsql;
        using StackExchange.Redis;
        namespace Orders;
        public class Function
        {
            private static readonly ConnectionMultiplexer s_redis = {|SLS4011:ConnectionMultiplexer.Connect("cache:6379")|};
            private static readonly NpgsqlDataSource s_dataSource = NpgsqlDataSource.Create("Host=db");
            private readonly NpgsqlConnection _connection;

            public Function()
            {
                _connection = s_dataSource.CreateConnection();
                {|SLS4011:_connection.Open()|};
            }

            public string Handle(string input, ILambdaContext context) => _connection.State.ToString();
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task ConnectionMessage_NamesTheCallAndTheFunction() => Project("""
        using Amazon.Lambda.Core;
        using StackExchange.Redis;
        namespace Orders;
        public class Function
        {
            private static readonly ConnectionMultiplexer s_redis = [|ConnectionMultiplexer.Connect("cache:6379")|];
            public string Handle(string input, ILambdaContext context) => s_redis.GetDatabase().ToString()!;
        }
        """)
        .WithDefaultRuleId("SLS4011")
        .ShouldReportDiagnosticWithMessage("'ConnectionMultiplexer.Connect' opens a network connection during INIT of 'OrdersFunction', which has SnapStart enabled, and the project registers no SnapshotRestore.RegisterAfterRestore hook; a restored snapshot holds a dead connection: re-establish it in an after-restore hook")
        .ValidateAsync();

    [Fact]
    public Task ConnectionsOpenedDuringInit_WithAnAfterRestoreHook_AreNotReported() => Project("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Npgsql;
        namespace Orders;
        public class Function
        {
            private readonly NpgsqlConnection _connection;

            public Function()
            {
                _connection = new NpgsqlConnection("Host=db");
                _connection.Open();
                SnapshotRestore.RegisterAfterRestore(async () =>
                {
                    await _connection.CloseAsync();
                    await _connection.OpenAsync();
                });
            }

            public string Handle(string input, ILambdaContext context) => _connection.State.ToString();
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task UnreadableTemplate_IsIgnored() => Project("""
        using System;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            private static readonly Random s_random = new Random();
            public int Handle(string input, ILambdaContext context) => s_random.Next();
        }
        """, "Resources: [ {\n  OrdersFunction: \"unterminated\n")
        .ValidateAsync();

    [Fact]
    public Task GeneratedHandlerString_MapsToTheUsersClass() => Project("""
        using System;
        using Sharpless;
        namespace Orders;
        public class Orders_Api
        {
            private readonly string _node = {|SLS4010:Guid.NewGuid()|}.ToString("N");

            [LambdaFunction]
            public string Create(string input) => _node + input;
        }
        """, Template("TestProject::Orders.Orders_Api_Create_Handler::Handle"))
        .WithGenerator<Sharpless.Functions.FunctionGenerator>()
        .ValidateAsync();
}
