using Microsoft.CodeAnalysis;
using Sharpless.TestKit;
using static Sharpless.Analyzers.Tests.Functions.DriftProject;

namespace Sharpless.Analyzers.Tests.Functions;

public sealed class SLS1018And1019RouteEventTests
{
    private const string CreateRoute = """
            [HttpApi(LambdaHttpMethod.Post, "/orders")]
            public string Create([FromBody] string order) => order;
        """;

    /// <summary>The router as a hand-written resource (no Metadata), with <paramref name="events"/> as its Events.</summary>
    private static string HandWrittenRouter(string events) => $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersApi:
            Type: AWS::Serverless::Function
            Properties:
              Handler: {{RouterHandler}}
              Runtime: dotnet8
              Events:
        {{string.Join("\n", events.Split('\n').Select(line => line.Length == 0 ? line : "        " + line))}}
          Place:
            Type: AWS::Serverless::Function
            Properties:
              Handler: {{PlaceHandler}}
              MemorySize: 512
              Timeout: 10
          Refund:
            Type: AWS::Serverless::Function
            Properties:
              Handler: {{RefundHandler}}
              Timeout: 30
        """;

    [Fact]
    public Task RouteInCodeWithoutEvent_IsReportedAtTheRoute() => Create(
            CodeWith(CreateRoute, CreateRoute + """

                    [{|SLS1018:HttpApi(LambdaHttpMethod.Delete, "/orders/{id}")|}]
                    public string Cancel(string id) => id;
                """),
            Yaml)
        .ShouldReportDiagnosticWithMessage("Route DELETE /orders/{id} of function 'Api' has no HttpApi event in template resource 'Api'; API Gateway will not send it to the function")
        .ValidateAsync();

    [Fact]
    public async Task RouteInCodeWithoutEvent_PointsAtTheResourcesEvents()
    {
        var code = CodeWith(CreateRoute, CreateRoute + """

                [RestApi(LambdaHttpMethod.Any, "/admin")]
                public string Admin() => "admin";
            """);
        var diagnostic = Assert.Single(await Create(code, Yaml).AnalyzeAsync());
        Assert.Equal("SLS1018", diagnostic.Id);
        Assert.Equal("Route ANY /admin of function 'Api' has no Api event in template resource 'Api'; API Gateway will not send it to the function", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("""RestApi(LambdaHttpMethod.Any, "/admin")""", TextAt(code, diagnostic.Location));
        var events = Assert.Single(diagnostic.AdditionalLocations).GetLineSpan();
        Assert.Equal("/src/template.yaml", events.Path);
        Assert.Equal(16, events.StartLinePosition.Line);
        Assert.Equal("Events", TextAt(Yaml, diagnostic.AdditionalLocations[0]));
    }

    [Fact]
    public Task RestRoute_IsNotServedByAnHttpApiEvent_OfTheSamePath() => Create(
            CodeWith("""[RestApi(LambdaHttpMethod.Get, "/health")]""", """[{|SLS1018:RestApi(LambdaHttpMethod.Get, "/health")|}]"""),
            YamlWith("""
                        GetHealth:
                          Type: Api
                """, """
                        {|SLS1019:GetHealth|}:
                          Type: HttpApi
                """))
        .ValidateAsync();

    [Fact]
    public Task HandWrittenRouterWithoutEvents_ReportsEveryRoute() => Create(
            Code.Replace("""[HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]""", """[{|SLS1018:HttpApi(LambdaHttpMethod.Get, "/orders/{id}")|}]""")
                .Replace("""[HttpApi(LambdaHttpMethod.Post, "/orders")]""", """[{|SLS1018:HttpApi(LambdaHttpMethod.Post, "/orders")|}]""")
                .Replace("""[RestApi(LambdaHttpMethod.Get, "/health")]""", """[{|SLS1018:RestApi(LambdaHttpMethod.Get, "/health")|}]"""),
            HandWrittenRouter("Nightly:\n  Type: Schedule\n  Properties:\n    Schedule: rate(1 day)"))
        .ValidateAsync();

    [Fact]
    public Task GreedyEvent_CoversTheRoutesBelowIt_ButNotOthers() => Create(
            Code.Replace("""[RestApi(LambdaHttpMethod.Get, "/health")]""", """[{|SLS1018:RestApi(LambdaHttpMethod.Get, "/health")|}]"""),
            HandWrittenRouter("""
                Orders:
                  Type: HttpApi
                  Properties:
                    Path: /orders/{proxy+}
                    Method: ANY
                PostOrders:
                  Type: HttpApi
                  Properties:
                    Path: /orders
                    Method: post
                HealthOnHttpApi:
                  Type: HttpApi
                  Properties:
                    Path: /{proxy+}
                    Method: GET
                """))
        .ValidateAsync();

    [Fact]
    public Task OwnedEventWithoutRoute_IsReportedAtTheEventName() => Create(
            CodeWith(CreateRoute, ""),
            YamlWith("        PostOrders:\n", "        {|SLS1019:PostOrders|}:\n"))
        .ShouldReportDiagnosticWithMessage("Event 'PostOrders' of template resource 'Api' sends POST /orders to function 'Api', which has no such route; remove the event or add the route")
        .ValidateAsync();

    [Fact]
    public async Task OwnedEventWithoutRoute_HasTheFunctionAsAdditionalLocation()
    {
        var code = CodeWith(CreateRoute, "");
        var diagnostic = Assert.Single(await Create(code, Yaml).AnalyzeAsync());
        Assert.Equal("SLS1019", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/src/template.yaml", span.Path);
        Assert.Equal(23, span.StartLinePosition.Line);
        Assert.Equal("PostOrders", TextAt(Yaml, diagnostic.Location));
        Assert.Equal("""HttpApi(LambdaHttpMethod.Get, "/orders/{id}")""", TextAt(code, Assert.Single(diagnostic.AdditionalLocations)));
    }

    [Fact]
    public Task OwnedEventWhoseRouteChanged_IsReported_WithTheNewRoute() => Create(
            CodeWith("""[HttpApi(LambdaHttpMethod.Post, "/orders")]""", """[{|SLS1018:HttpApi(LambdaHttpMethod.Put, "/orders")|}]"""),
            YamlWith("        PostOrders:\n", "        {|SLS1019:PostOrders|}:\n"))
        .ValidateAsync();

    [Fact]
    public Task HandWrittenRouter_EventThatServesNoRoute_IsReported() => Create(
            Code,
            HandWrittenRouter("""
                Proxy:
                  Type: HttpApi
                  Properties:
                    Path: /{proxy+}
                    Method: ANY
                Health:
                  Type: Api
                  Properties:
                    Path: /health
                    Method: GET
                {|SLS1019:Legacy|}:
                  Type: HttpApi
                  Properties:
                    Path: /v1/orders
                    Method: GET
                """))
        .ShouldReportDiagnosticWithMessage("Event 'Legacy' of template resource 'OrdersApi' sends GET /v1/orders to function 'Api', which has no such route; remove the event or add the route")
        .ValidateAsync();

    [Fact]
    public Task HandWrittenRouter_RestCatchAllForAnHttpApiOnlyProject_ServesNoRoute() => Create(
            CodeWith("""
                    [RestApi(LambdaHttpMethod.Get, "/health")]
                    public string Health() => "ok";
                """, ""),
            HandWrittenRouter("""
                Proxy:
                  Type: HttpApi
                  Properties:
                    Path: /{proxy+}
                    Method: ANY
                {|SLS1019:RestProxy|}:
                  Type: Api
                  Properties:
                    Path: /{proxy+}
                    Method: ANY
                """))
        .ShouldReportDiagnosticWithMessage("Event 'RestProxy' of template resource 'OrdersApi' sends ANY /{proxy+} to function 'Api', which has no such route; remove the event or add the route")
        .ValidateAsync();
}
