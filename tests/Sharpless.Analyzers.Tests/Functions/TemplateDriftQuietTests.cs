using Sharpless.TestKit;
using static Sharpless.Analyzers.Tests.Functions.DriftProject;
using Sharpless.Deployment;

namespace Sharpless.Analyzers.Tests.Functions;

/// <summary>What the drift rules must not report: a false drift fails a CI build that is right.</summary>
public sealed class TemplateDriftQuietTests
{
    [Fact]
    public Task InSyncYamlTemplate_AsTheWriterWritesIt_IsQuiet() => Create(Code, Yaml).ValidateAsync();

    [Fact]
    public Task InSyncJsonServerlessTemplate_AsTheWriterWritesIt_IsQuiet() => Create(Code, Json, "/src/serverless.template").ValidateAsync();

    [Fact]
    public async Task WhenTheBuildWritesTheTemplate_NothingIsCompared()
    {
        const string Stale = "Resources:\n  Old:\n    Type: AWS::Serverless::Function\n    Metadata: { Tool: Sharpless }\n    Properties: { Handler: 'Orders::Shop.Orders_Old_Handler::Handle' }\n";
        Assert.Equal(4, (await Create(Code, Stale).AnalyzeAsync()).Length);
        Assert.Empty(await Create(Code, Stale).WithBuildProperty("SharplessWriteTemplate", "true").AnalyzeAsync());
        Assert.Empty(await Create(Code, Stale).WithBuildProperty("SharplessWriteTemplate", " True ").AnalyzeAsync());
        Assert.Equal(4, (await Create(Code, Stale).WithBuildProperty("SharplessWriteTemplate", "false").AnalyzeAsync()).Length);
    }

    [Fact]
    public Task AnotherProjectsOwnedResources_InASharedTemplate_AreNotStaleHere() => Create(
            Code,
            Yaml.Replace("Resources:\n", """
                Resources:
                  Invoice:
                    Type: AWS::Serverless::Function
                    Metadata:
                      Tool: Sharpless
                    Properties:
                      Handler: Billing::Billing.Invoices_Invoice_Handler::Handle
                      Runtime: dotnet8
                      CodeUri: ../Billing/

                """, StringComparison.Ordinal))
        .ValidateAsync();

    [Fact]
    public async Task FunctionsAndRoutesThatGetNoCode_AreNotAskedOfTheTemplate()
    {
        // A private function (SLS1001) and an invalid route template (SLS2001) get no generated code, even with the
        // errors lowered to warnings, so the writer never writes them: drift must not report them missing.
        var code = CodeWith("public string Refund(string id) => id;", """
            public string Refund(string id) => id;

                [LambdaFunction]
                private string Hidden(string order) => order;

                [HttpApi(LambdaHttpMethod.Get, "/items/{id:int}")]
                public static string Item(int id) => "";
            """);

        Assert.Empty(await Create(code, Yaml).AnalyzeAsync());
    }

    [Fact]
    public Task NoTemplate_IsQuiet() => Create(Code)
        .WithAdditionalFile("/src/appsettings.json", "{}")
        .WithAdditionalFile("/src/config.yaml", "Resources: {}\n")
        .ValidateAsync();

    [Fact]
    public Task ProjectWithoutSharpless_IsQuiet() => new ProjectBuilder()
        .WithAnalyzer<Sharpless.Deployment.TemplateDriftAnalyzer>()
        .WithAssemblyName("Orders")
        .WithoutSharplessReference()
        .WithSourceCode("namespace Shop; public class Orders { public string Place(string order) => order; }")
        .WithAdditionalFile("/src/template.yaml", Yaml)
        .ValidateAsync();

    [Fact]
    public Task UnreadableTemplate_IsQuiet() => Create(Code, "Resources:\n  Api: [unclosed\n").ValidateAsync();

    [Fact]
    public Task TemplateThatIsNotAMapping_IsQuiet() => Create(Code, "- just\n- a list\n").ValidateAsync();

    [Fact]
    public Task HandWrittenRouter_ServedByACatchAll_IsQuiet() => Create(Code, $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersApi:
            Type: AWS::Serverless::Function
            Properties:
              Handler: {{RouterHandler}}
              Events:
                Proxy:
                  Type: HttpApi
                  Properties:
                    Path: /{proxy+}
                    Method: ANY
                RestProxy:
                  Type: Api
                  Properties:
                    Path: /{proxy+}
                    Method: any
          Place:
            Type: AWS::Serverless::Function
            Properties: { Handler: {{PlaceHandler}}, MemorySize: 512, Timeout: 10 }
          Refund:
            Type: AWS::Serverless::Function
            Properties: { Handler: {{RefundHandler}}, Timeout: 30 }
        """).ValidateAsync();

    [Fact]
    public Task HandWrittenRouter_ServedByTheHttpApiDefaultRoute_IsQuiet() => Create(CodeWith("""
            [RestApi(LambdaHttpMethod.Get, "/health")]
            public string Health() => "ok";
        """, ""), $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersApi:
            Type: AWS::Serverless::Function
            Properties:
              Handler: {{RouterHandler}}
              Events:
                Everything:
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref OrdersHttpApi
                Nightly:
                  Type: Schedule
                  Properties:
                    Schedule: rate(1 day)
          Place:
            Type: AWS::Serverless::Function
            Properties: { Handler: {{PlaceHandler}}, MemorySize: 512, Timeout: 10 }
          Refund:
            Type: AWS::Serverless::Function
            Properties: { Handler: {{RefundHandler}}, Timeout: 30 }
        """).ValidateAsync();

    [Fact]
    public Task HandWrittenEvents_OfAPlainFunction_AreItsOwnBusiness() => Create(Code, YamlWith(
            "      Timeout: 10\n",
            "      Timeout: 10\n      Events:\n        Webhook:\n          Type: HttpApi\n          Properties: { Path: /webhook, Method: POST }\n"))
        .ValidateAsync();

    [Fact]
    public Task OwnedResource_EventsAndPropertiesTheUserAdded_AreTheUsers() => Create(
            CodeWith("Timeout = 30, ", ""),
            YamlWith("      Timeout: 30\n", "      Timeout: 30\n      MemorySize: 2048\n")
                .Replace("        - Timeout\n        - VpcConfig\n", "        - VpcConfig\n")
                .Replace("        GetHealth:\n", "        Legacy:\n          Type: HttpApi\n          Properties: { Path: /v1/orders, Method: GET }\n        Queue:\n          Type: SQS\n          Properties: { Queue: !GetAtt Orders.Arn }\n        GetHealth:\n"))
        .ValidateAsync();

    [Fact]
    public Task MemoryFromGlobals_EqualToTheCode_IsQuiet() => Create(
            Code,
            YamlWith("      MemorySize: 512\n", "").Replace("Resources:\n", "Globals:\n  Function:\n    MemorySize: 512\n    Timeout: 3\nResources:\n"))
        .ValidateAsync();

    [Fact]
    public Task ValuesOnlyDeployTimeDecides_AreNotReported() => Create(
            Code,
            YamlWith("MemorySize: 512", "MemorySize: !Ref Memory")
                .Replace("Timeout: 10", "Timeout: !If [IsProd, 30, 10]")
                .Replace("Timeout: 30", "Timeout: !FindInMap [Sizes, !Ref Stage, Timeout]")
                .Replace("Path: /orders\n", "Path: !Sub '/${Stage}/orders'\n")
            + "Parameters:\n  Memory:\n    Type: Number\n  Stage:\n    Type: String\n")
        .ValidateAsync();

    [Fact]
    public Task PlainLambdaFunctions_AreComparedWithoutEvents() => Create(Code, $$"""
        Resources:
          Api:
            Type: AWS::Lambda::Function
            Properties:
              Handler: {{RouterHandler}}
              Runtime: dotnet8
          PlaceFunction:
            Type: AWS::Lambda::Function
            Properties:
              Handler: {{PlaceHandler}}
              MemorySize: 512
              Timeout: 10
          Refund:
            Type: AWS::Lambda::Function
            Properties:
              Handler: {{RefundHandler}}
              Timeout: 30
          Legacy:
            Type: AWS::Lambda::Function
            Properties:
              Handler: Orders::Shop.Legacy::Handle
          Route:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              RouteKey: GET /v1/orders
        """).ValidateAsync();

    [Fact]
    public Task TemplateNamedByTheProperty_IsTheOneCompared() => Create(Code)
        .WithAdditionalFile("/src/template.yaml", "Resources: {}\n")
        .WithAdditionalFile("/src/deploy/orders.yaml", Yaml)
        .WithBuildProperty("SharplessTemplateFile", "/src/deploy/orders.yaml")
        .ValidateAsync();

    [Fact]
    public Task TemplateNamedByTheToolsDefaults_IsTheOneCompared() => Create(Code)
        .WithAdditionalFile("/src/template.yaml", "Resources: {}\n")
        .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", """{ "template": "deploy/orders.yaml" }""")
        .WithAdditionalFile("/src/deploy/orders.yaml", Yaml)
        .ValidateAsync();

    [Fact]
    public async Task GlobalConfigSeverity_TurnsARuleOff_InCodeAndInTheTemplate()
    {
        const string CreateRoute = """
                [HttpApi(LambdaHttpMethod.Post, "/orders")]
                public string Create([FromBody] string order) => order;
            """;
        var template = YamlWith("MemorySize: 512", "MemorySize: 1024");
        var reported = await Create(CodeWith(CreateRoute, ""), template).AnalyzeAsync();
        Assert.Equal(["SLS1019", "SLS1020"], reported.Select(d => d.Id).Order(StringComparer.Ordinal));

        // An .editorconfig section reaches diagnostics in C# files only (dotnet/roslyn#31916), not one in the template.
        await Create(
                CodeWith(CreateRoute, "").Replace("MemorySize = 512", "[|MemorySize = 512|]"),
                template.Replace("        PostOrders:\n", "        {|SLS1019:PostOrders|}:\n"))
            .WithDefaultRuleId("SLS1020")
            .WithEditorConfig("root = true\n[*]\ndotnet_diagnostic.SLS1019.severity = none\n")
            .ValidateAsync();

        // A global config reaches both.
        await Create(CodeWith(CreateRoute, ""), template)
            .WithEditorConfig("is_global = true\ndotnet_diagnostic.SLS1019.severity = none\ndotnet_diagnostic.SLS1020.severity = none\n")
            .ValidateAsync();
    }
}
