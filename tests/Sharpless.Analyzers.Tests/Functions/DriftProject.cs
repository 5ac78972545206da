using Sharpless.Functions;
using Sharpless.TestKit;
using Sharpless.Deployment;

namespace Sharpless.Analyzers.Tests.Functions;

/// <summary>
/// Test projects for the template drift rules (SLS1016–SLS1020): <see cref="TemplateDriftAnalyzer"/> alone, in an
/// assembly named <c>Orders</c>, with the code and template the template writer's own golden files use
/// (tests/Sharpless.Deployment.Tests: the <c>OrdersManifest</c> fixture and Baselines/fresh.yaml|fresh.template).
/// </summary>
internal static class DriftProject
{
    public const string RouterHandler = "Orders::Sharpless.Generated.ApiRouter::Handle";
    public const string PlaceHandler = "Orders::Shop.Orders_Place_Handler::Handle";
    public const string RefundHandler = "Orders::Shop.Orders_Refund_V2_Handler::Handle";

    /// <summary>
    /// The code behind the writer's <c>OrdersManifest</c>: the router <c>Api</c> with three routes, <c>Place</c> with
    /// memory, timeout, role and policies, <c>Refund_V2</c> with a timeout and a VPC.
    /// </summary>
    public const string Code = """
        using Sharpless;
        namespace Shop;
        public class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public string Get(string id) => id;

            [HttpApi(LambdaHttpMethod.Post, "/orders")]
            public string Create([FromBody] string order) => order;

            [RestApi(LambdaHttpMethod.Get, "/health")]
            public string Health() => "ok";

            [LambdaFunction(MemorySize = 512, Timeout = 10, Role = "@OrdersRole", Policies = "AWSLambdaBasicExecutionRole, @OrdersTablePolicy")]
            public string Place(string order) => order;

            [LambdaFunction(Name = "Refund_V2", Timeout = 30, SubnetIds = ["subnet-0a1b2c3d", "@PrivateSubnet"], SecurityGroupIds = ["sg-0c3d4e5f"])]
            public string Refund(string id) => id;
        }
        """;

    /// <summary>tests/Sharpless.Deployment.Tests/Baselines/fresh.yaml: what the writer writes for <see cref="Code"/>.</summary>
    public const string Yaml = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Description: Lambda functions of Orders.
        Resources:
          Api:
            Type: AWS::Serverless::Function
            Metadata:
              Tool: Sharpless
              SyncedEvents:
                - GetOrdersId
                - PostOrders
                - GetHealth
            Properties:
              Handler: Orders::Sharpless.Generated.ApiRouter::Handle
              Runtime: dotnet8
              CodeUri: ./
              Events:
                GetOrdersId:
                  Type: HttpApi
                  Properties:
                    Path: /orders/{id}
                    Method: GET
                    PayloadFormatVersion: '2.0'
                PostOrders:
                  Type: HttpApi
                  Properties:
                    Path: /orders
                    Method: POST
                    PayloadFormatVersion: '2.0'
                GetHealth:
                  Type: Api
                  Properties:
                    Path: /health
                    Method: GET
          Place:
            Type: AWS::Serverless::Function
            Metadata:
              Tool: Sharpless
              SyncedProperties:
                - MemorySize
                - Timeout
                - Role
                - Policies
            Properties:
              Handler: Orders::Shop.Orders_Place_Handler::Handle
              Runtime: dotnet8
              CodeUri: ./
              MemorySize: 512
              Timeout: 10
              Role: !GetAtt OrdersRole.Arn
              Policies:
                - AWSLambdaBasicExecutionRole
                - !Ref OrdersTablePolicy
          RefundV2:
            Type: AWS::Serverless::Function
            Metadata:
              Tool: Sharpless
              SyncedProperties:
                - Timeout
                - VpcConfig
            Properties:
              Handler: Orders::Shop.Orders_Refund_V2_Handler::Handle
              Runtime: dotnet8
              CodeUri: ./
              Timeout: 30
              VpcConfig:
                SecurityGroupIds:
                  - sg-0c3d4e5f
                SubnetIds:
                  - subnet-0a1b2c3d
                  - !Ref PrivateSubnet

        """;

    /// <summary>tests/Sharpless.Deployment.Tests/Baselines/fresh.template: the same, as the writer writes JSON.</summary>
    public const string Json = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Description": "Lambda functions of Orders.",
          "Resources": {
            "Api": {
              "Type": "AWS::Serverless::Function",
              "Metadata": {
                "Tool": "Sharpless",
                "SyncedEvents": [
                  "GetOrdersId",
                  "PostOrders",
                  "GetHealth"
                ]
              },
              "Properties": {
                "Handler": "Orders::Sharpless.Generated.ApiRouter::Handle",
                "Runtime": "dotnet8",
                "CodeUri": "./",
                "Events": {
                  "GetOrdersId": {
                    "Type": "HttpApi",
                    "Properties": {
                      "Path": "/orders/{id}",
                      "Method": "GET",
                      "PayloadFormatVersion": "2.0"
                    }
                  },
                  "PostOrders": {
                    "Type": "HttpApi",
                    "Properties": {
                      "Path": "/orders",
                      "Method": "POST",
                      "PayloadFormatVersion": "2.0"
                    }
                  },
                  "GetHealth": {
                    "Type": "Api",
                    "Properties": {
                      "Path": "/health",
                      "Method": "GET"
                    }
                  }
                }
              }
            },
            "Place": {
              "Type": "AWS::Serverless::Function",
              "Metadata": {
                "Tool": "Sharpless",
                "SyncedProperties": [
                  "MemorySize",
                  "Timeout",
                  "Role",
                  "Policies"
                ]
              },
              "Properties": {
                "Handler": "Orders::Shop.Orders_Place_Handler::Handle",
                "Runtime": "dotnet8",
                "CodeUri": "./",
                "MemorySize": 512,
                "Timeout": 10,
                "Role": { "Fn::GetAtt": [ "OrdersRole", "Arn" ] },
                "Policies": [
                  "AWSLambdaBasicExecutionRole",
                  { "Ref": "OrdersTablePolicy" }
                ]
              }
            },
            "RefundV2": {
              "Type": "AWS::Serverless::Function",
              "Metadata": {
                "Tool": "Sharpless",
                "SyncedProperties": [
                  "Timeout",
                  "VpcConfig"
                ]
              },
              "Properties": {
                "Handler": "Orders::Shop.Orders_Refund_V2_Handler::Handle",
                "Runtime": "dotnet8",
                "CodeUri": "./",
                "Timeout": 30,
                "VpcConfig": {
                  "SecurityGroupIds": [
                    "sg-0c3d4e5f"
                  ],
                  "SubnetIds": [
                    "subnet-0a1b2c3d",
                    { "Ref": "PrivateSubnet" }
                  ]
                }
              }
            }
          }
        }
        """;

    /// <summary>
    /// The drift analyzer over <paramref name="code"/> with the function generator run first, as in a build: drift
    /// compares what the generator generated (its manifest), as the template writer writes it.
    /// </summary>
    public static ProjectBuilder Create(string code) => new ProjectBuilder()
        .WithAnalyzer<TemplateDriftAnalyzer>()
        .WithGenerator<FunctionGenerator>()
        .WithAssemblyName("Orders")
        .WithSourceCode(code);

    /// <summary><paramref name="code"/> with <paramref name="template"/> (markup allowed) as /src/template.yaml.</summary>
    public static ProjectBuilder Create(string code, string template, string path = "/src/template.yaml") =>
        Create(code).WithAdditionalFileMarkup(path, template);

    /// <summary><see cref="Yaml"/> with one piece of text replaced; fails when the piece is not there exactly once.</summary>
    public static string YamlWith(string oldText, string newText) => Replace(Yaml, oldText, newText);

    /// <summary><see cref="Code"/> with one piece of text replaced; fails when the piece is not there exactly once.</summary>
    public static string CodeWith(string oldText, string newText) => Replace(Code, oldText, newText);

    public static string Replace(string text, string oldText, string newText)
    {
        var first = text.IndexOf(oldText, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(oldText, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{oldText}' is not in the text exactly once.", nameof(oldText));
        }

        return text[..first] + newText + text[(first + oldText.Length)..];
    }

    /// <summary>The text a location covers in <paramref name="text"/>.</summary>
    public static string TextAt(string text, Microsoft.CodeAnalysis.Location location) =>
        text.Substring(location.SourceSpan.Start, location.SourceSpan.Length);
}
