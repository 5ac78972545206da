using Sharpless.Analyzers.Tests.Common;
using Sharpless.Networking;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.Networking;

/// <summary>
/// Test projects for the RDS Proxy / VPC rules: <see cref="RdsProxyVpcAnalyzer"/> alone, the Amazon.Lambda and
/// AWSSDK.RDS stand-ins, and the real libraries (Npgsql, Microsoft.Extensions.Configuration, the AWS SDK core).
/// </summary>
internal static class NetworkingProject
{
    public const string ProxyHost = "orders.proxy-c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com";

    public static ProjectBuilder Create(string code)
    {
        var builder = new ProjectBuilder()
            .WithAnalyzer<RdsProxyVpcAnalyzer>()
            .WithLambdaStandIns()
            .WithThirdPartyStandIns()
            .WithSourceCode(code);
        foreach (var reference in PerInvocationProject.Libraries)
        {
            builder.WithReference(reference);
        }

        return builder;
    }

    /// <summary>A SAM template with one function, <c>OrdersFunction</c>, whose handler is <paramref name="handler"/>.</summary>
    public static string Template(string functionProperties = "", string globals = "", string resources = "", string handler = "TestProject::Orders.Function::Handle") => $$"""
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: dotnet8
            MemorySize: 512
        {{Indent(globals, 4)}}
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: {{handler}}
              CodeUri: ./
        {{Indent(functionProperties, 6)}}
        {{Indent(resources, 2)}}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select((line, i) => line.Length == 0 ? line : new string(' ', spaces) + line));
}
