using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Analyzers.Tests.Common;
using Sharpless.Networking;

namespace Sharpless.Analyzers.Tests.Networking;

/// <summary>
/// The networking analyzers read code and deployment files that are being edited: every prefix of a template, of an
/// appsettings file and of the code must analyze without an exception.
/// </summary>
public sealed class NetworkingRobustnessTests
{
    private const string Code = $$"""
        using System;
        using Microsoft.Extensions.Configuration;
        using Sharpless;
        namespace Orders;
        public class Function(IConfiguration configuration)
        {
            private const string Db = "Host={{NetworkingProject.ProxyHost}};Database=shop";
            public string Handle(string input) =>
                Db + Environment.GetEnvironmentVariable("DB_HOST") + configuration.GetConnectionString("Orders") + configuration["Db:Host"];
            [LambdaFunction(SubnetIds = ["subnet-0a1"], SecurityGroupIds = ["sg-0c3"])]
            public string Place(string order) => $"Host={{NetworkingProject.ProxyHost}};User={order}";
        }
        """;

    private static readonly string Template = NetworkingProject.Template(
        functionProperties: """
            VpcConfig: { SubnetIds: !If [HasVpc, [!Ref SubnetA], !Ref AWS::NoValue] }
            Environment:
              Variables:
                DB_HOST: !GetAtt OrdersProxy.Endpoint
                ConnectionStrings__Orders: !Sub ['Host=${E};Port=5432', { E: !GetAtt OrdersProxy.Endpoint }]
                Db__Host: !Join ['', [!Ref DbHost, '']]
            """,
        resources: """
            OrdersProxy:
              Type: AWS::RDS::DBProxy
              Properties:
                DBProxyName: orders
                VpcSubnetIds: [!Ref SubnetA, !ImportValue network-B]
            """) + "\nParameters:\n  DbHost:\n    Default: " + NetworkingProject.ProxyHost + "\n";

    private const string Settings = $$"""
        { "ConnectionStrings": { "Orders": "Host={{NetworkingProject.ProxyHost}}", "List": ["a", { "b": null }] } }
        """;

    private const string ToolsDefaults = $$"""
        { "function-handler": "TestProject::Orders.Function::Handle", "function-subnets": "subnet-0a1",
          "environment-variables": "\"DB_HOST\"=\"{{NetworkingProject.ProxyHost}}\";broken;=x" }
        """;

    [Fact]
    public async Task EveryPrefixOfEveryFile_NeverThrows()
    {
        var runs = 0;
        foreach (var (name, text) in new[] { ("Function.cs", Code), ("template.yaml", Template), ("appsettings.json", Settings), ("aws-lambda-tools-defaults.json", ToolsDefaults) })
        {
            var step = Math.Max(1, text.Length / 80);
            for (var length = 0; length <= text.Length; length += step)
            {
                var prefix = text[..length];
                await AnalyzeAsync(
                    name == "Function.cs" ? prefix : Code,
                    name == "template.yaml" ? prefix : Template,
                    name == "appsettings.json" ? prefix : Settings,
                    name == "aws-lambda-tools-defaults.json" ? prefix : ToolsDefaults,
                    $"{name}, prefix {length}");
                runs++;
            }
        }

        Assert.True(runs > 300, $"only {runs} runs");

        // The complete files are analyzed for real: the function's VpcConfig has no SecurityGroupIds.
        var complete = await AnalyzeAsync(Code, Template, Settings, ToolsDefaults, "complete");
        Assert.Contains(complete, d => d.Id == "SLS6002");
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string code, string template, string settings, string tools, string what) =>
        SweepRun.AnalyzeAsync(
            SweepRun.Compile("TestProject", CSharpSyntaxTree.ParseText(code), PerInvocationProject.Libraries),
            [new RdsProxyVpcAnalyzer(), new DeploymentFileAnalyzer(), new Sharpless.Common.PerInvocationWorkAnalyzer()],
            [("/src/template.yaml", template), ("/src/appsettings.json", settings), ("/src/aws-lambda-tools-defaults.json", tools)],
            what,
            includeCompilerDiagnostics: true);
}
