using Microsoft.CodeAnalysis;
using Sharpless.TestKit;
using static Sharpless.Analyzers.Tests.Functions.DriftProject;

namespace Sharpless.Analyzers.Tests.Functions;

public sealed class SLS1017StaleHandlerTests
{
    private const string PlaceAttribute = """LambdaFunction(MemorySize = 512, Timeout = 10, Role = "@OrdersRole", Policies = "AWSLambdaBasicExecutionRole, @OrdersTablePolicy")""";
    private const string RefundAttribute = """LambdaFunction(Name = "Refund_V2", Timeout = 30, SubnetIds = ["subnet-0a1b2c3d", "@PrivateSubnet"], SecurityGroupIds = ["sg-0c3d4e5f"])""";
    private const string RefundMethod = $$"""
            [{{RefundAttribute}}]
            public string Refund(string id) => id;
        """;

    [Fact]
    public Task ClassRenamed_TheResourceOfTheSameName_RunsTheOldHandler() => Create(
            Code.Replace("public class Orders", "public class Sales")
                .Replace(PlaceAttribute, "{|SLS1017:" + PlaceAttribute + "|}")
                .Replace(RefundAttribute, "{|SLS1017:" + RefundAttribute + "|}"),
            Yaml)
        .ValidateAsync();

    [Fact]
    public async Task ClassRenamed_MessageNamesBothHandlers_AndTheHandlerIsTheAdditionalLocation()
    {
        var code = CodeWith(RefundMethod, "").Replace("public class Orders", "public class Sales");
        var yaml = YamlWith("""
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

            """, "");
        var diagnostic = Assert.Single(await Create(code, yaml).AnalyzeAsync());
        Assert.Equal("SLS1017", diagnostic.Id);
        Assert.Equal(
            "Template resource 'Place' runs handler 'Orders::Shop.Orders_Place_Handler::Handle', but function 'Place' is generated as 'Orders::Shop.Sales_Place_Handler::Handle'; update the resource's Handler",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(PlaceAttribute, TextAt(code, diagnostic.Location));
        var handler = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(LocationKind.ExternalFile, handler.Kind);
        Assert.Equal("/src/template.yaml", handler.GetLineSpan().Path);
        Assert.Equal(44, handler.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(PlaceHandler, TextAt(yaml, handler));
    }

    [Fact]
    public Task FunctionRemoved_ItsOwnedResource_IsReportedAtTheHandler() => Create(
            CodeWith(RefundMethod, ""),
            YamlWith($"Handler: {RefundHandler}", "Handler: {|SLS1017:" + RefundHandler + "|}"))
        .ShouldReportDiagnosticWithMessage("Template resource 'RefundV2' runs handler 'Orders::Shop.Orders_Refund_V2_Handler::Handle', which no function in the code has; the function was removed or renamed in code: remove the resource or rename it back")
        .ValidateAsync();

    [Fact]
    public Task EveryRouteRemoved_TheRouterResource_IsStale() => Create(
            """
            using Sharpless;
            namespace Shop;
            public class Orders
            {
                [LambdaFunction(MemorySize = 512, Timeout = 10, Role = "@OrdersRole", Policies = "AWSLambdaBasicExecutionRole, @OrdersTablePolicy")]
                public string Place(string order) => order;

                [LambdaFunction(Name = "Refund_V2", Timeout = 30, SubnetIds = ["subnet-0a1b2c3d", "@PrivateSubnet"], SecurityGroupIds = ["sg-0c3d4e5f"])]
                public string Refund(string id) => id;
            }
            """,
            YamlWith($"Handler: {RouterHandler}", "Handler: {|SLS1017:" + RouterHandler + "|}"))
        .ShouldReportDiagnosticWithMessage("Template resource 'Api' runs handler 'Orders::Sharpless.Generated.ApiRouter::Handle', which no function in the code has; the function was removed or renamed in code: remove the resource or rename it back")
        .ValidateAsync();

    [Fact]
    public Task HandWrittenResource_WithAGeneratedHandlerNoFunctionHasAnyMore_IsStale() => Create(
            CodeWith(RefundMethod, ""),
            YamlWith("Tool: Sharpless\n      SyncedProperties:\n        - Timeout\n        - VpcConfig\n", "Owner: payments\n")
                .Replace($"Handler: {RefundHandler}", "Handler: {|SLS1017:" + RefundHandler + "|}"))
        .ValidateAsync();

    [Fact]
    public Task OwnedResourceWithoutHandler_IsStale_AtItsLogicalId() => Create(
            CodeWith(RefundMethod, ""),
            YamlWith("  RefundV2:\n", "  {|SLS1017:RefundV2|}:\n").Replace($"      Handler: {RefundHandler}\n", ""))
        .ShouldReportDiagnosticWithMessage("Template resource 'RefundV2' runs handler '(none)', which no function in the code has; the function was removed or renamed in code: remove the resource or rename it back")
        .ValidateAsync();

    [Fact]
    public Task HandWrittenFunctions_OfTheSameAssembly_AreNotSharplesss() => Create(
            CodeWith(RefundMethod, """
                    public string Legacy(string input) => input;
                """).Replace("public class Orders", "public class Orders_Legacy_Handler { public string Handle(string s) => s; }\npublic class Orders"),
            YamlWith("""
              RefundV2:
                Type: AWS::Serverless::Function
                Metadata:
                  Tool: Sharpless
                  SyncedProperties:
                    - Timeout
                    - VpcConfig
                Properties:
                  Handler: Orders::Shop.Orders_Refund_V2_Handler::Handle
            """, """
              Legacy:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Shop.Orders::Legacy
              LegacyHandler:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Shop.Orders_Legacy_Handler::Handle
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: Payments::Shop.Payments_Refund_V2_Handler::Handle
              Executable:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: bootstrap
                  Runtime: provided.al2023
              RefundV2Unused:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Shop.Orders_Refund_V2_Handler::Handle2
            """))
        .ValidateAsync();
}
