using Microsoft.CodeAnalysis;
using Sharpless.TestKit;
using static Sharpless.Analyzers.Tests.Networking.NetworkingProject;

namespace Sharpless.Analyzers.Tests.Networking;

public sealed class SLS6001ProxyWithoutVpcTests
{
    private const string Vpc = """
        VpcConfig:
          SubnetIds: [subnet-0a1, subnet-0b2]
          SecurityGroupIds: [sg-0c3]
        """;

    private const string Proxy = """
        OrdersProxy:
          Type: AWS::RDS::DBProxy
          Properties:
            DBProxyName: orders
            EngineFamily: POSTGRESQL
            VpcSubnetIds: [subnet-0a1, subnet-0b2]
        OrdersReadOnly:
          Type: AWS::RDS::DBProxyEndpoint
          Properties:
            DBProxyEndpointName: orders-ro
            DBProxyName: !Ref OrdersProxy
            VpcSubnetIds: [subnet-0a1, subnet-0b2]
            TargetRole: READ_ONLY
        """;

    /// <summary>A handler of OrdersFunction that names the proxy, for the cases that must stay quiet.</summary>
    private const string HandlerUsingTheProxy = $$"""
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => "Host={{ProxyHost}}";
        }
        """;

    private static ProjectBuilder WithTemplate(string code, string template) =>
        Create(code).WithAdditionalFile("/src/template.yaml", template);

    [Fact]
    public Task ProxyHostInAHandler_WithoutVpcConfig_IsReported_WithTheFunction() => WithTemplate($$"""
        using Amazon.Lambda.Core;
        using Npgsql;
        namespace Orders;
        public class Function
        {
            public long Handle(string input, ILambdaContext context)
            {
                using var connection = new NpgsqlConnection([|"Host={{ProxyHost}};Database=shop;Username=app"|]);
                return 0;
            }
        }
        """, Template())
        .WithDefaultRuleId("SLS6001")
        .ShouldReportDiagnosticWithMessage($"'{ProxyHost}' is an RDS Proxy endpoint, but function 'OrdersFunction' has no VpcConfig; an RDS Proxy is reachable only from inside its VPC, so every connection will time out: attach the function to the proxy's VPC with SubnetIds and SecurityGroupIds")
        .ValidateAsync();

    [Fact]
    public async Task TheDiagnostic_PointsAtTheFunctionInTheTemplate()
    {
        var diagnostics = await WithTemplate($$"""
            using Amazon.Lambda.Core;
            namespace Orders;
            public class Function
            {
                private const string Db = "Host={{ProxyHost}};Database=shop";
                public string Handle(string input, ILambdaContext context) => Db;
            }
            """, Template()).AnalyzeAsync();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SLS6001", diagnostic.Id);
        var template = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(LocationKind.ExternalFile, template.Kind);
        var span = template.GetLineSpan();
        Assert.Equal("/src/template.yaml", span.Path);
        Assert.Equal("OrdersFunction", Template().Substring(template.SourceSpan.Start, template.SourceSpan.Length));
        Assert.Equal(8, span.StartLinePosition.Line);
    }

    [Fact]
    public Task EveryWayCodeHoldsAProxyHost_IsReported() => WithTemplate($$"""
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            private const string Host = {|SLS6001:"{{ProxyHost}}"|};
            private static readonly string s_split = {|SLS6001:"orders.proxy-c8a1b2c3d4e5" + ".eu-west-1.rds.amazonaws.com"|};
            private readonly string _readOnly = {|SLS6001:"Host=orders-ro.endpoint.proxy-c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com;Port=5432"|};

            public string Handle(string password, ILambdaContext context) =>
                $"{|SLS6001:Host={{ProxyHost}};Password=|}{password}" + Host + s_split + _readOnly;
        }
        """, Template())
        .ValidateAsync();

    [Theory]
    [InlineData("Globals")]
    [InlineData("Resource")]
    public Task VpcConfig_InGlobalsOrInTheResource_IsQuiet(string where) => WithTemplate(HandlerUsingTheProxy, where == "Globals" ? Template(globals: Vpc) : Template(functionProperties: Vpc))
        .ValidateAsync();

    [Fact]
    public Task VpcConfigChosenAtDeployTime_IsTakenAtItsWord() => WithTemplate(HandlerUsingTheProxy, Template(functionProperties: """
            VpcConfig: !If
              - HasVpc
              - SubnetIds: !Ref PrivateSubnets
                SecurityGroupIds: [!Ref FunctionSecurityGroup]
              - !Ref AWS::NoValue
            """))
        .ValidateAsync();

    [Fact]
    public Task DatabaseInstanceHosts_CommentsAndLogLines_AreQuiet() => WithTemplate($$"""
        using System;
        using Amazon.Lambda.Core;
        using Microsoft.Extensions.Logging;
        namespace Orders;
        public class Function(ILogger<Function> logger)
        {
            // Production connects through {{ProxyHost}}.
            private const string Direct = "Host=orders.c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com;Database=shop";

            /// <summary>Not through {{ProxyHost}} yet.</summary>
            public string Handle(string input, ILambdaContext context)
            {
                Console.WriteLine("will move to {{ProxyHost}}");
                logger.LogInformation($"proxy: {{ProxyHost}} ({input})");
                context.Logger.LogLine("proxy {{ProxyHost}}");
                return Direct;
            }
        }
        """, Template())
        .ValidateAsync();

    [Theory]
    [InlineData("!GetAtt OrdersProxy.Endpoint")]
    [InlineData("!GetAtt OrdersReadOnly.Endpoint")]
    [InlineData("!Sub 'Host=${OrdersProxy.Endpoint};Port=5432'")]
    [InlineData("!Join [';', ['Port=5432', !Join ['', ['Host=', !GetAtt OrdersProxy.Endpoint]]]]")]
    [InlineData("!Ref DbHost")]
    [InlineData("!Sub '${DbHost}'")]
    [InlineData("!Sub ['Host=${Endpoint}', { Endpoint: !GetAtt OrdersProxy.Endpoint }]")]
    [InlineData("!If [IsProd, !GetAtt OrdersProxy.Endpoint, localhost]")]
    [InlineData("'" + ProxyHost + "'")]
    public Task EnvironmentVariable_SetToAProxyEndpoint_IsReportedWhereTheCodeReadsIt(string value) => WithTemplate("""
        using System;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => [|Environment.GetEnvironmentVariable("DB_HOST")|] ?? "";
        }
        """, Template(
            functionProperties: $"""
                Environment:
                  Variables:
                    DB_HOST: {value}
                """,
            resources: Proxy) + $"""

            Parameters:
              DbHost:
                Type: String
                Default: {ProxyHost}
            Conditions:
              IsProd: !Equals [!Ref AWS::AccountId, '123456789012']
            """)
        .WithDefaultRuleId("SLS6001")
        .ValidateAsync();

    [Fact]
    public Task EnvironmentVariable_Message_NamesTheVariableAndTheTemplateValue() => WithTemplate("""
        using System;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => [|Environment.GetEnvironmentVariable("DB_HOST")|] ?? "";
        }
        """, Template(globals: """
            Environment:
              Variables:
                DB_HOST: !GetAtt OrdersProxy.Endpoint
            """, resources: Proxy))
        .WithDefaultRuleId("SLS6001")
        .ShouldReportDiagnosticWithMessage("Environment variable 'DB_HOST' (!GetAtt OrdersProxy.Endpoint) is an RDS Proxy endpoint, but function 'OrdersFunction' has no VpcConfig; an RDS Proxy is reachable only from inside its VPC, so every connection will time out: attach the function to the proxy's VPC with SubnetIds and SecurityGroupIds")
        .ValidateAsync();

    [Fact]
    public Task EnvironmentVariables_ThatAreNotProxies_OrNotSet_AreQuiet() => WithTemplate("""
        using System;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context) =>
                Environment.GetEnvironmentVariable("DB_HOST") + Environment.GetEnvironmentVariable("TABLE") +
                Environment.GetEnvironmentVariable("db_host") + Environment.GetEnvironmentVariable(input);
        }
        """, Template(functionProperties: """
            Environment:
              Variables:
                DB_HOST: !GetAtt OrdersDatabase.Endpoint.Address
                TABLE: orders
            """, resources: """
            OrdersDatabase:
              Type: AWS::RDS::DBInstance
            """))
        .ValidateAsync();

    [Fact]
    public Task ConfigurationReads_AreEnvironmentVariablesWithDoubleUnderscores() => WithTemplate("""
        using Amazon.Lambda.Core;
        using Microsoft.Extensions.Configuration;
        namespace Orders;
        public class Function(IConfiguration configuration)
        {
            public string Handle(string input, ILambdaContext context) =>
                {|SLS6001:configuration["Database:Host"]|} +
                {|SLS6001:configuration.GetConnectionString("Orders")|} +
                {|SLS6001:configuration.GetValue<string>("database:host")|} +
                configuration["Database:Name"];
        }
        """, Template(functionProperties: """
            Environment:
              Variables:
                Database__Host: !GetAtt OrdersProxy.Endpoint
                Database__Name: shop
                ConnectionStrings__Orders: !Sub 'Host=${OrdersProxy.Endpoint};Database=shop'
            """, resources: Proxy))
        .ValidateAsync();

    [Fact]
    public Task VariableNames_InConstantsOfAnotherFile_AreFollowed() => WithTemplate("""
        using System;
        using Amazon.Lambda.Core;
        using Microsoft.Extensions.Configuration;
        namespace Orders;
        public class Function(IConfiguration settings)
        {
            public string Handle(string input, ILambdaContext context) =>
                [|Environment.GetEnvironmentVariable(Names.Host)|] + [|settings[Names.Key]|];
        }
        """, Template(functionProperties: """
            Environment:
              Variables:
                DB_HOST: !GetAtt OrdersProxy.Endpoint
                Db__Host: !GetAtt OrdersProxy.Endpoint
            """, resources: Proxy))
        .WithSourceCode("""
            namespace Orders;
            internal static class Names
            {
                public const string Host = "DB_" + "HOST";
                public const string Key = "Db:Host";
            }
            """)
        .WithDefaultRuleId("SLS6001")
        .ValidateAsync();

    [Fact]
    public Task AuthTokenForAProxyHost_IsReportedOnce_WhereTheHostComesFrom() => WithTemplate($$"""
        using System;
        using Amazon.Lambda.Core;
        using Amazon.RDS.Util;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                var fromTemplate = RDSAuthTokenGenerator.GenerateAuthToken({|SLS6001:Environment.GetEnvironmentVariable("DB_HOST")|}!, 5432, "app");
                var host = {|SLS6001:"{{ProxyHost}}"|};
                return fromTemplate + RDSAuthTokenGenerator.GenerateAuthToken(host, 5432, "app");
            }
        }
        """, Template(functionProperties: """
            Environment:
              Variables:
                DB_HOST: !GetAtt OrdersProxy.Endpoint
            """, resources: Proxy))
        .ValidateAsync();

    [Fact]
    public Task SharedCode_IsReported_OnlyWhenNoFunctionThatMayRunItCanReachTheProxy() => WithTemplate($$"""
        using Amazon.Lambda.Core;
        namespace Orders;
        public static class Database
        {
            public const string ConnectionString = [|"Host={{ProxyHost}};Database=shop"|];
        }
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => Database.ConnectionString;
            public string Report(string input, ILambdaContext context) => Database.ConnectionString;
        }
        """, Template(resources: """
            ReportsFunction:
              Type: AWS::Serverless::Function
              Properties:
                Handler: TestProject::Orders.Function::Report
                CodeUri: ./
            """))
        .WithDefaultRuleId("SLS6001")
        .ShouldReportDiagnosticWithMessage($"'{ProxyHost}' is an RDS Proxy endpoint, but functions 'OrdersFunction' and 'ReportsFunction' have no VpcConfig; an RDS Proxy is reachable only from inside its VPC, so every connection will time out: attach the function to the proxy's VPC with SubnetIds and SecurityGroupIds")
        .ValidateAsync();

    [Fact]
    public Task SharedCode_WithOneFunctionInTheVpc_IsQuiet_ButEachHandlerIsJudgedOnItsOwn() => WithTemplate($$"""
        using Amazon.Lambda.Core;
        namespace Orders;
        public static class Database
        {
            public const string ConnectionString = "Host={{ProxyHost}};Database=shop";
        }
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => Database.ConnectionString;
            public string Report(string input, ILambdaContext context) => {|SLS6001:"{{ProxyHost}}"|};
        }
        """, Template(functionProperties: Vpc, resources: """
            ReportsFunction:
              Type: AWS::Serverless::Function
              Properties:
                Handler: TestProject::Orders.Function::Report
                CodeUri: ./
            """))
        .ValidateAsync();

    [Fact]
    public Task ToolsDefaults_FunctionHandler_WithoutSubnets_IsReported_AndWithThemIsQuiet() => Create($$"""
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => [|"Host={{ProxyHost}}"|];
        }
        public class Attached
        {
            public string Handle(string input, ILambdaContext context) => "Host={{ProxyHost}}";
        }
        """)
        .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", """
            {
              "profile": "default",
              "region": "eu-west-1",
              "function-name": "orders",
              "function-handler": "TestProject::Orders.Function::Handle"
            }
            """)
        .WithAdditionalFile("/src/attached/aws-lambda-tools-defaults.json", """
            {
              "function-handler": "TestProject::Orders.Attached::Handle",
              "function-subnets": "subnet-0a1,subnet-0b2",
              "function-security-groups": "sg-0c3"
            }
            """)
        .WithDefaultRuleId("SLS6001")
        .ShouldReportDiagnosticWithMessage($"'{ProxyHost}' is an RDS Proxy endpoint, but function 'orders' has no VpcConfig; an RDS Proxy is reachable only from inside its VPC, so every connection will time out: attach the function to the proxy's VPC with SubnetIds and SecurityGroupIds")
        .ValidateAsync();

    [Fact]
    public Task ToolsDefaults_EnvironmentVariables_AreRead() => Create("""
        using System;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => [|Environment.GetEnvironmentVariable("DB_HOST")|] + Environment.GetEnvironmentVariable("TABLE");
        }
        """)
        .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", $$"""
            {
              "function-handler": "TestProject::Orders.Function::Handle",
              "environment-variables": "\"TABLE\"=\"orders\";\"DB_HOST\"=\"{{ProxyHost}}\""
            }
            """)
        .WithDefaultRuleId("SLS6001")
        .ValidateAsync();

    [Fact]
    public Task CodeFirstFunction_WithoutADeploymentFile_IsJudgedByItsAttribute() => Create($$"""
        using Sharpless;
        namespace Orders;
        public class Functions
        {
            [LambdaFunction]
            public string Place(string order) => [|"Host={{ProxyHost}}"|];

            [LambdaFunction(SubnetIds = ["subnet-0a1"], SecurityGroupIds = ["sg-0c3"])]
            public string Cancel(string order) => "Host={{ProxyHost}}";
        }
        """)
        .WithDefaultRuleId("SLS6001")
        .ShouldReportDiagnosticWithMessage($"'{ProxyHost}' is an RDS Proxy endpoint, but function 'Place' has no VpcConfig; an RDS Proxy is reachable only from inside its VPC, so every connection will time out: attach the function to the proxy's VPC with SubnetIds and SecurityGroupIds")
        .ValidateAsync();

    [Fact]
    public Task GeneratedHandlerStrings_InTheTemplate_AreTheAttributeFunctions() => WithTemplate($$"""
        using Sharpless;
        namespace Orders;
        public class Functions
        {
            [LambdaFunction]
            public string Place(string order) => [|"Host={{ProxyHost}}"|];

            [LambdaFunction(Name = "Cancel")]
            public string CancelOrder(string order) => "Host={{ProxyHost}}";
        }
        """, Template(handler: "TestProject::Orders.Functions_Place_Handler::Handle", resources: """
            CancelFunction:
              Type: AWS::Serverless::Function
              Properties:
                Handler: TestProject::Orders.Functions_Cancel_Handler::Handle
                CodeUri: ./
                VpcConfig:
                  SubnetIds: [subnet-0a1]
                  SecurityGroupIds: [sg-0c3]
            """))
        .WithDefaultRuleId("SLS6001")
        .ShouldReportDiagnosticWithMessage($"'{ProxyHost}' is an RDS Proxy endpoint, but function 'OrdersFunction' has no VpcConfig; an RDS Proxy is reachable only from inside its VPC, so every connection will time out: attach the function to the proxy's VPC with SubnetIds and SecurityGroupIds")
        .ValidateAsync();

    [Fact]
    public Task Routes_BelongToTheApiFunction() => WithTemplate($$"""
        using Sharpless;
        namespace Orders;
        public class OrdersApi
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public string Get(string id) => [|"Host={{ProxyHost}}"|];
        }
        """, Template(handler: "TestProject::Sharpless.Generated.ApiRouter::Handle"))
        .WithDefaultRuleId("SLS6001")
        .ValidateAsync();

    [Fact]
    public Task ExecutableFunction_RunsAllOfItsCode() => WithTemplate($$"""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        var connectionString = [|"Host={{ProxyHost}};Database=shop"|];
        await LambdaBootstrapBuilder.Create((Stream input, ILambdaContext context) =>
            Task.FromResult<Stream>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(connectionString)))).Build().RunAsync();
        """, Template(handler: "TestProject"))
        .WithOutputKind(OutputKind.ConsoleApplication)
        .WithDefaultRuleId("SLS6001")
        .ValidateAsync();

    [Fact]
    public Task AppSettings_ConnectionString_IsReportedInTheFile() => Create("""
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => input;
        }
        """)
        .WithAdditionalFile("/src/template.yaml", Template())
        .WithAdditionalFileMarkup("/src/appsettings.Production.json", $$"""
            {
              "ConnectionStrings": {
                "Orders": {|SLS6001:"Host={{ProxyHost}};Database=shop"|},
                "Reports": "Host=reports.c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com"
              }
            }
            """)
        .ShouldReportDiagnosticWithMessage($"'{ProxyHost}' in appsettings.Production.json is an RDS Proxy endpoint, but function 'OrdersFunction' has no VpcConfig; an RDS Proxy is reachable only from inside its VPC, so every connection will time out: attach the function to the proxy's VPC with SubnetIds and SecurityGroupIds")
        .ValidateAsync();

    [Fact]
    public Task NoDeploymentInformation_IsQuiet() => Create(HandlerUsingTheProxy)
        .WithoutSharplessReference()
        .ValidateAsync();

    [Fact]
    public Task FunctionsOfAnotherAssembly_OrStaleHandlers_AreNotThisCode() => WithTemplate(HandlerUsingTheProxy, Template(handler: "OtherProject::Orders.Function::Handle", resources: """
            StaleFunction:
              Type: AWS::Serverless::Function
              Properties:
                Handler: TestProject::Orders.Removed::Handle
            """))
        .ValidateAsync();
}
