using Sharpless.TestKit;
using static Sharpless.Analyzers.Tests.Networking.NetworkingProject;

namespace Sharpless.Analyzers.Tests.Networking;

public sealed class SLS6002And6003VpcConfigTests
{
    private const string Code = $$"""
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => [|"Host={{ProxyHost}}"|];
        }
        """;

    private static ProjectBuilder WithTemplate(string code, string template) =>
        Create(code).WithAdditionalFile("/src/template.yaml", template);

    [Theory]
    [InlineData("SubnetIds: [subnet-0a1]", "SecurityGroupIds")]
    [InlineData("SubnetIds: []\nSecurityGroupIds: [sg-0c3]", "SubnetIds")]
    [InlineData("SecurityGroupIds: [sg-0c3]\nSubnetIds:", "SubnetIds")]
    [InlineData("Ipv6AllowedForDualStack: false", "SubnetIds and no SecurityGroupIds")]
    public Task VpcConfig_WithoutSubnetsOrSecurityGroups_IsReported(string vpcConfig, string missing) => WithTemplate(Code, Template(
            functionProperties: "VpcConfig:\n" + string.Join("\n", vpcConfig.Split('\n').Select(line => "  " + line))))
        .WithDefaultRuleId("SLS6002")
        .ShouldReportDiagnosticWithMessage($"'{ProxyHost}' is an RDS Proxy endpoint, but the VpcConfig of function 'OrdersFunction' has no {missing}; a function is attached to a VPC only with both subnets and security groups, so it cannot reach the proxy")
        .ValidateAsync();

    [Fact]
    public async Task IncompleteVpcConfig_PointsAtTheVpcConfig()
    {
        var template = Template(globals: """
            VpcConfig:
              SubnetIds: [subnet-0a1]
            """);
        var diagnostic = Assert.Single(await WithTemplate(Code, template).AnalyzeAsync());
        Assert.Equal("SLS6002", diagnostic.Id);
        var vpc = diagnostic.AdditionalLocations[0];
        Assert.StartsWith("SubnetIds: [subnet-0a1]", template.Substring(vpc.SourceSpan.Start, vpc.SourceSpan.Length), StringComparison.Ordinal);
        Assert.Equal("OrdersFunction", template.Substring(diagnostic.AdditionalLocations[1].SourceSpan.Start, diagnostic.AdditionalLocations[1].SourceSpan.Length));
    }

    [Fact]
    public Task SubnetsFromParameters_AndSecurityGroupsFromResources_AreAttached() => WithTemplate(Code.Replace("[|", "").Replace("|]", ""), Template(
            functionProperties: """
                VpcConfig:
                  SubnetIds: !Ref PrivateSubnets
                  SecurityGroupIds:
                    - !GetAtt FunctionSecurityGroup.GroupId
                """) + """

            Parameters:
              PrivateSubnets:
                Type: List<AWS::EC2::Subnet::Id>
            """)
        .ValidateAsync();

    [Fact]
    public Task ToolsDefaults_WithSubnetsOnly_IsReported() => Create(Code)
        .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", """
            {
              "function-name": "orders",
              "function-handler": "TestProject::Orders.Function::Handle",
              "function-subnets": "subnet-0a1, subnet-0b2"
            }
            """)
        .WithDefaultRuleId("SLS6002")
        .ShouldReportDiagnosticWithMessage($"'{ProxyHost}' is an RDS Proxy endpoint, but the VpcConfig of function 'orders' has no SecurityGroupIds; a function is attached to a VPC only with both subnets and security groups, so it cannot reach the proxy")
        .ValidateAsync();

    private static string ProxyWithSubnets(string subnets) => $"""
        OrdersProxy:
          Type: AWS::RDS::DBProxy
          Properties:
            DBProxyName: orders
            EngineFamily: POSTGRESQL
            VpcSubnetIds: {subnets}
        """;

    private static string FunctionSubnets(string subnets) => $"""
        VpcConfig:
          SubnetIds: {subnets}
          SecurityGroupIds: [sg-0c3]
        """;

    [Fact]
    public Task FunctionAndProxyInTheSameTemplate_WithNoSubnetInCommon_IsAdvice() => WithTemplate(Code, Template(
            functionProperties: FunctionSubnets("[subnet-0f9]"),
            resources: ProxyWithSubnets("[subnet-0a1, subnet-0b2]")))
        .WithDefaultRuleId("SLS6003")
        .ShouldReportDiagnosticWithMessage($"'{ProxyHost}' is the endpoint of RDS Proxy 'OrdersProxy', but function 'OrdersFunction' is attached to none of the proxy's subnets; if the function's subnets are in another VPC it cannot reach the proxy: attach it to subnets of the proxy's VPC")
        .ValidateAsync();

    [Fact]
    public Task ProxyFoundThroughTheEnvironment_IsComparedToo() => WithTemplate("""
        using System;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => {|SLS6003:Environment.GetEnvironmentVariable("DB_HOST")|} ?? "";
        }
        """, Template(
            functionProperties: FunctionSubnets("[!Ref SubnetC]") + "\nEnvironment:\n  Variables:\n    DB_HOST: !GetAtt OrdersProxy.Endpoint",
            resources: ProxyWithSubnets("[!Ref SubnetA, !Ref SubnetB]")))
        .ValidateAsync();

    [Theory]
    [InlineData("[subnet-0b2]", "[subnet-0a1, subnet-0b2]")]
    [InlineData("[!Ref SubnetA]", "[!Ref SubnetA, !Ref SubnetB]")]
    [InlineData("!Ref PrivateSubnets", "!Ref PrivateSubnets")]
    [InlineData("!Ref PrivateSubnets", "[subnet-0b2]")]          // the parameter's default names subnet-0b2
    [InlineData("!Ref Unsettled", "[subnet-0b2]")]               // no default: cannot be compared
    [InlineData("[!ImportValue network-PrivateSubnetA]", "[subnet-0b2]")]  // an export and an id: cannot be compared
    [InlineData("[!ImportValue network-PrivateSubnetA]", "[!ImportValue network-PrivateSubnetA, subnet-0b2]")]
    public Task SharedOrUncomparableSubnets_AreQuiet(string functionSubnets, string proxySubnets) => WithTemplate(Code.Replace("[|", "").Replace("|]", ""), Template(
            functionProperties: FunctionSubnets(functionSubnets),
            resources: ProxyWithSubnets(proxySubnets)) + """

            Parameters:
              PrivateSubnets:
                Type: CommaDelimitedList
                Default: subnet-0a1,subnet-0b2
              Unsettled:
                Type: List<AWS::EC2::Subnet::Id>
            """)
        .ValidateAsync();

    [Fact]
    public Task DifferentExports_AreDifferentSubnets() => WithTemplate(Code, Template(
            functionProperties: FunctionSubnets("[!ImportValue network-PublicSubnetA]"),
            resources: ProxyWithSubnets("[!ImportValue network-PrivateSubnetA]")))
        .WithDefaultRuleId("SLS6003")
        .ValidateAsync();

    [Fact]
    public Task AttributeSubnets_AreComparedWithTheTemplatesProxy() => Create($$"""
        using Sharpless;
        namespace Orders;
        public class Functions
        {
            [LambdaFunction(SubnetIds = ["subnet-0f9"], SecurityGroupIds = ["sg-0c3"])]
            public string Place(string order) => {|SLS6003:"Host={{ProxyHost}}"|};

            [LambdaFunction(SubnetIds = ["subnet-0a1"], SecurityGroupIds = ["sg-0c3"])]
            public string Cancel(string order) => "Host={{ProxyHost}}";
        }
        """)
        .WithAdditionalFile("/src/template.yaml", "Resources:\n" + string.Join("\n", ProxyWithSubnets("[subnet-0a1, subnet-0b2]").Split('\n').Select(l => "  " + l)))
        .ValidateAsync();
}
