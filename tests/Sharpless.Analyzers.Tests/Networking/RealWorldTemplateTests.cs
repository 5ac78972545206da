using Sharpless.TestKit;
using static Sharpless.Analyzers.Tests.Networking.NetworkingProject;

namespace Sharpless.Analyzers.Tests.Networking;

/// <summary>Templates shaped like real ones: JSON with long-form intrinsics, anchors, Globals merged with the resource, several stacks.</summary>
public sealed class RealWorldTemplateTests
{
    private const string Code = """
        using System;
        using Amazon.Lambda.Core;
        namespace Orders;
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => Environment.GetEnvironmentVariable("DB_HOST") ?? "";
            public string Report(string input, ILambdaContext context) => Environment.GetEnvironmentVariable("DB_HOST") ?? "";
        }
        """;

    [Fact]
    public Task ServerlessTemplateJson_WithLongFormIntrinsics_IsRead() => Create(Code.Replace(
            "public string Handle(string input, ILambdaContext context) => Environment.GetEnvironmentVariable(\"DB_HOST\")",
            "public string Handle(string input, ILambdaContext context) => [|Environment.GetEnvironmentVariable(\"DB_HOST\")|]"))
        .WithAdditionalFile("/src/serverless.template", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              // deploy-serverless reads comments and trailing commas too
              "Resources": {
                "OrdersFunction": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Orders.Function::Handle",
                    "Environment": { "Variables": { "DB_HOST": { "Fn::GetAtt": ["OrdersProxy", "Endpoint"] } } },
                  }
                },
                "ReportFunction": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Handler": "TestProject::Orders.Function::Report",
                    "Environment": { "Variables": { "DB_HOST": { "Fn::Sub": "${OrdersProxy.Endpoint}" } } },
                    "VpcConfig": { "SubnetIds": [{ "Ref": "SubnetA" }], "SecurityGroupIds": [{ "Ref": "FunctionGroup" }] }
                  }
                },
                "OrdersProxy": { "Type": "AWS::RDS::DBProxy", "Properties": { "DBProxyName": "orders" } }
              }
            }
            """)
        .WithDefaultRuleId("SLS6001")
        .ShouldReportDiagnosticWithMessage("Environment variable 'DB_HOST' (!GetAtt OrdersProxy.Endpoint) is an RDS Proxy endpoint, but function 'OrdersFunction' has no VpcConfig; an RDS Proxy is reachable only from inside its VPC, so every connection will time out: attach the function to the proxy's VPC with SubnetIds and SecurityGroupIds")
        .ValidateAsync();

    [Fact]
    public Task GlobalsAndResourceVpcConfig_AreMergedKeyByKey_AndAnchorsAreFollowed() => Create(Code)
        .WithAdditionalFile("/src/template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Parameters:
              Stage: { Type: String, Default: dev }
            Globals:
              Function:
                Runtime: dotnet8
                Environment:
                  Variables:
                    DB_HOST: !GetAtt OrdersProxy.Endpoint   # every function talks to the proxy
                VpcConfig:
                  SubnetIds: &private [subnet-0a1, subnet-0b2]
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
                Condition: IsProd
                Properties:
                  Handler: TestProject::Orders.Function::Handle
                  VpcConfig:
                    SecurityGroupIds: [sg-0c3]     # merged with the Globals subnets
              ReportFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Orders.Function::Report
                  VpcConfig:
                    SubnetIds: *private
                    SecurityGroupIds: [sg-0c3]
              OrdersProxy:
                Type: AWS::RDS::DBProxy
                Properties:
                  DBProxyName: orders
                  VpcSubnetIds: *private
            """)
        .ValidateAsync();

    [Fact]
    public Task TwoTemplates_EachFunctionIsJudgedByItsOwn() => Create(Code.Replace(
            "public string Report(string input, ILambdaContext context) => Environment.GetEnvironmentVariable(\"DB_HOST\")",
            "public string Report(string input, ILambdaContext context) => {|SLS6002:Environment.GetEnvironmentVariable(\"DB_HOST\")|}"))
        .WithAdditionalFile("/src/template.yaml", Template(functionProperties: """
            Environment:
              Variables:
                DB_HOST: orders.proxy-c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com
            VpcConfig:
              SubnetIds: [subnet-0a1]
              SecurityGroupIds: [sg-0c3]
            """))
        .WithAdditionalFile("/src/template.json", """
            {
              "Resources": {
                "ReportFunction": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Handler": "TestProject::Orders.Function::Report",
                    "Environment": { "Variables": { "DB_HOST": "orders.proxy-c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com" } },
                    "VpcConfig": { "SubnetIds": ["subnet-0a1"], "SecurityGroupIds": [] }
                  }
                }
              }
            }
            """)
        .ValidateAsync();
}
