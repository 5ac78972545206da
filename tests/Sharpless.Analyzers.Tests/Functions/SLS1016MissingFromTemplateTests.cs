using Microsoft.CodeAnalysis;
using Sharpless.TestKit;
using static Sharpless.Analyzers.Tests.Functions.DriftProject;

namespace Sharpless.Analyzers.Tests.Functions;

public sealed class SLS1016MissingFromTemplateTests
{
    private const string PlaceAttribute = """LambdaFunction(MemorySize = 512, Timeout = 10, Role = "@OrdersRole", Policies = "AWSLambdaBasicExecutionRole, @OrdersTablePolicy")""";

    /// <summary>The in-sync template without the Place resource.</summary>
    private static readonly string WithoutPlace = YamlWith("""
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

        """, "");

    [Fact]
    public Task FunctionWithoutResource_IsReportedAtItsAttribute() => Create(CodeWith(PlaceAttribute, "[|" + PlaceAttribute + "|]"), WithoutPlace)
        .WithDefaultRuleId("SLS1016")
        .ShouldReportDiagnosticWithMessage("Function 'Place' has no resource in template.yaml: no function runs handler 'Orders::Shop.Orders_Place_Handler::Handle' and none is named 'Place'; add it, or build once with SharplessWriteTemplate=true to write it")
        .ValidateAsync();

    [Fact]
    public async Task TheTemplatesResourcesSection_IsTheAdditionalLocation()
    {
        var diagnostic = Assert.Single(await Create(Code, WithoutPlace).AnalyzeAsync());
        Assert.Equal("SLS1016", diagnostic.Id);
        Assert.Equal(PlaceAttribute, TextAt(Code, diagnostic.Location));
        var template = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(LocationKind.ExternalFile, template.Kind);
        var span = template.GetLineSpan();
        Assert.Equal("/src/template.yaml", span.Path);
        Assert.Equal(3, span.StartLinePosition.Line);
        Assert.Equal("Resources", TextAt(WithoutPlace, template));
    }

    [Fact]
    public Task RouterWithoutResource_IsReportedAtItsFirstRoute() => Create(
            CodeWith("""[HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]""", """[{|SLS1016:HttpApi(LambdaHttpMethod.Get, "/orders/{id}")|}]"""),
            Yaml[..Yaml.IndexOf("  Api:\n", StringComparison.Ordinal)] + Yaml[Yaml.IndexOf("  Place:\n", StringComparison.Ordinal)..])
        .ShouldReportDiagnosticWithMessage("Function 'Api' has no resource in template.yaml: no function runs handler 'Orders::Sharpless.Generated.ApiRouter::Handle' and none is named 'Api'; add it, or build once with SharplessWriteTemplate=true to write it")
        .ValidateAsync();

    [Fact]
    public Task NewFunctionInCode_IsReported_AndTheOthersAreNot() => Create(
            Code.Replace("public string Refund(string id) => id;", """
                public string Refund(string id) => id;

                    [{|SLS1016:LambdaFunction(Name = "Cancel_Order")|}]
                    public string Cancel(string id) => id;
                """),
            Yaml)
        .ShouldReportDiagnosticWithMessage("Function 'Cancel_Order' has no resource in template.yaml: no function runs handler 'Orders::Shop.Orders_Cancel_Order_Handler::Handle' and none is named 'CancelOrder'; add it, or build once with SharplessWriteTemplate=true to write it")
        .ValidateAsync();

    [Fact]
    public Task TemplateWithoutResources_ReportsEveryFunction_InTheFileNamedByTheMessage() => Create(
            Code
                .Replace("""[HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]""", """[{|SLS1016:HttpApi(LambdaHttpMethod.Get, "/orders/{id}")|}]""")
                .Replace(PlaceAttribute, "{|SLS1016:" + PlaceAttribute + "|}")
                .Replace("""LambdaFunction(Name = "Refund_V2", """, """{|SLS1016:LambdaFunction(Name = "Refund_V2", """)
                .Replace("""SecurityGroupIds = ["sg-0c3d4e5f"])]""", """SecurityGroupIds = ["sg-0c3d4e5f"])|}]"""),
            """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Description": "Nothing deployed yet"
            }
            """,
            "/src/serverless.template")
        .ValidateAsync();

    [Fact]
    public async Task TemplateWithoutResources_PointsAtTheStartOfTheFile()
    {
        var diagnostics = await Create(Code, "AWSTemplateFormatVersion: '2010-09-09'\n").AnalyzeAsync();
        Assert.Equal(3, diagnostics.Length);
        Assert.All(diagnostics, d =>
        {
            Assert.Equal("SLS1016", d.Id);
            var template = Assert.Single(d.AdditionalLocations).GetLineSpan();
            Assert.Equal("/src/template.yaml", template.Path);
            Assert.Equal(0, template.StartLinePosition.Line);
        });
    }

    [Fact]
    public Task RenamedFunction_IsMissing_AndTheResourceOfItsOldName_IsStale() => Create(
            CodeWith(PlaceAttribute, "[|" + PlaceAttribute + "|]"),
            YamlWith("  Place:\n", "  PlaceOrder:\n").Replace("Handler: Orders::Shop.Orders_Place_Handler::Handle", "Handler: {|SLS1017:Orders::Shop.Orders_PlaceOrder_Handler::Handle|}"))
        .WithDefaultRuleId("SLS1016")
        .ValidateAsync();

    [Fact]
    public Task TemplateNamedByThePropertyRelativeToTheProjectFolder_IsTheOneCompared() => Create(CodeWith(PlaceAttribute, "[|" + PlaceAttribute + "|]"))
        .WithAdditionalFile("/src/template.yaml", Yaml)
        .WithAdditionalFileMarkup("/src/deploy/orders.yaml", WithoutPlace)
        .WithBuildProperty("ProjectDir", "/src/")
        .WithBuildProperty("SharplessTemplateFile", "deploy/orders.yaml")
        .WithDefaultRuleId("SLS1016")
        .ShouldReportDiagnosticWithMessage("Function 'Place' has no resource in orders.yaml: no function runs handler 'Orders::Shop.Orders_Place_Handler::Handle' and none is named 'Place'; add it, or build once with SharplessWriteTemplate=true to write it")
        .ValidateAsync();

    [Fact]
    public Task TemplateNamedByTheToolsDefaults_IsTheOneCompared() => Create(CodeWith(PlaceAttribute, "[|" + PlaceAttribute + "|]"))
        .WithAdditionalFile("/src/template.yaml", Yaml)
        .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", """{ "template": "deploy/orders.yaml" }""")
        .WithAdditionalFileMarkup("/src/deploy/orders.yaml", WithoutPlace)
        .WithDefaultRuleId("SLS1016")
        .ValidateAsync();
}
