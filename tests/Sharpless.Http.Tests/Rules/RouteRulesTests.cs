using Sharpless.Functions.Tests.Infrastructure;
using Sharpless.TestKit;

namespace Sharpless.Http.Tests.Rules;

/// <summary>SLS2001–SLS2007 and the function rules as routes report them: each fires, and stays quiet on correct routes.</summary>
public sealed class RouteRulesTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Sharpless;
        using Sharpless.Http;

        """;

    private static ProjectBuilder Project(string markup) =>
        new ProjectBuilder()
            .WithAssemblyName("Orders")
            .WithLambdaStandIns()
            .WithDependencyInjection()
            .WithSourceCode(markup)
            .WithGenerator(JsonSourceGenerator.Instance)
            .WithAnalyzer<RouteAnalyzer>();

    [Theory]
    [InlineData("orders", "it must start with '/'")]
    [InlineData("/orders/", "it must not end with '/'")]
    [InlineData("/orders//lines", "it has an empty segment ('//')")]
    [InlineData("/orders/{id:int}", "'{id:int}' has a constraint, default or '?'; these are not supported — the parameter's type is checked when binding")]
    [InlineData("/orders/{id}-{line}", "segment '{id}-{line}' mixes text and a parameter; a parameter must be a whole segment")]
    [InlineData("/files/{path+}/raw", "greedy parameter '{path+}' must be the last segment")]
    [InlineData("/orders/{id}/{id}", "parameter 'id' appears twice")]
    [InlineData("/orders?all=true", "it must not contain '?' or '#'; query parameters are bound with [FromQuery]")]
    [InlineData("", "it is empty; use \"/\" for the root")]
    public Task SLS2001_MalformedTemplates(string template, string reason) => Project(Usings + $$"""
        public static class Orders
        {
            [[|HttpApi(LambdaHttpMethod.Get, "{{template}}")|]] public static string Get() => "";
        }
        """).WithDefaultRuleId("SLS2001").ShouldReportDiagnosticWithMessage($"Route template \"{template}\" is not valid: {reason}").ValidateAsync();

    [Fact]
    public Task SLS2001_ValidTemplates_AreQuiet() => Project(Usings + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/")] public static string Root() => "";
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}/lines/{line}")] public static string Line(string id, int line) => id;
            [HttpApi(LambdaHttpMethod.Get, "/files/{path+}")] public static string File(string path) => path;
            [HttpApi(LambdaHttpMethod.Get, "/v1.0/health-check")] public static string Health() => "";
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS2002_SameRouteOnTwoMethods() => Project(Usings + """
        public static class Orders
        {
            [{|SLS2002:HttpApi(LambdaHttpMethod.Get, "/orders")|}] public static string List() => "";
        }

        public static class Legacy
        {
            [[|RestApi(LambdaHttpMethod.Get, "/orders")|]] public static string OldList() => "";
        }
        """).WithDefaultRuleId("SLS2002").ShouldReportDiagnosticWithMessage("GET /orders is also served by 'Orders.List'").ValidateAsync();

    [Fact]
    public Task SLS2003_TemplatesThatDifferOnlyInParameterNames() => Project(Usings + """
        public static class Orders
        {
            [[|HttpApi(LambdaHttpMethod.Get, "/orders/{id}")|]] public static string ById(string id) => id;
            [{|SLS2003:HttpApi(LambdaHttpMethod.Get, "/orders/{number}")|}] public static string ByNumber(string number) => number;
        }
        """).WithDefaultRuleId("SLS2003")
            .ShouldReportDiagnosticWithMessage("GET /orders/{id} cannot be told apart from GET /orders/{number} served by 'Orders.ByNumber': their templates differ only in parameter names")
            .ValidateAsync();

    [Fact]
    public Task SLS2002_SLS2003_OtherMethodsLiteralsAndOneMethodOnBothApis_AreQuiet() => Project(Usings + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            [RestApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static string Get(string id) => id;

            [HttpApi(LambdaHttpMethod.Delete, "/orders/{id}")] public static string Delete(string id) => id;
            [HttpApi(LambdaHttpMethod.Get, "/orders/search")] public static string Search() => "";
            [HttpApi(LambdaHttpMethod.Any, "/orders/{id}")] public static string Fallback(string id) => id;
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS2004_RouteParameterWithoutAMethodParameter() => Project(Usings + """
        public static class Orders
        {
            [[|HttpApi(LambdaHttpMethod.Get, "/orders/{id}/lines/{line}")|]] public static string Line(string id) => id;
        }
        """).WithDefaultRuleId("SLS2004")
            .ShouldReportDiagnosticWithMessage("Route parameter 'line' of \"/orders/{id}/lines/{line}\" is not bound to any parameter of 'Line'; add a parameter named 'line' or one with [FromRoute(Name = \"line\")]")
            .ValidateAsync();

    [Fact]
    public Task SLS2004_NamesMatchCaseInsensitively_OrThroughFromRoute() => Project(Usings + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{orderId}/lines/{line}")]
            public static string Line(string OrderID, [FromRoute(Name = "line")] int number) => OrderID;
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS2005_FromRouteNamingAMissingParameter() => Project(Usings + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static string Get(string id, [FromRoute] int [|version|]) => id;
        }
        """).WithDefaultRuleId("SLS2005")
            .ShouldReportDiagnosticWithMessage("Parameter 'version' is bound from route parameter 'version', which template \"/orders/{id}\" does not have")
            .ValidateAsync();

    [Fact]
    public Task SLS2006_UnsupportedTypes() => Project(Usings + """
        public sealed record Filter(string Status);

        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{ids}")]
            public static string Get(int[] {|SLS2006:ids|}, [FromQuery] Filter [|filter|], [FromHeader] Uri {|SLS2006:referer|}) => "";
        }
        """).WithDefaultRuleId("SLS2006")
            .ShouldReportDiagnosticWithMessage("Parameter 'filter' of type 'Filter' cannot be bound from the query string: bind it from the body with [FromBody], or use a text, number, Guid, date or enum type")
            .ValidateAsync();

    [Fact]
    public Task SLS2006_EveryDocumentedSimpleType_IsQuiet() => Project(Usings + """
        public enum Status { Open, Shipped }

        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/all/{a}")]
            public static string All(
                string a, int b, long c, short d, byte e, sbyte f, uint g, ulong h, ushort i, decimal j, double k, float l,
                bool m, Guid n, DateTime o, DateTimeOffset p, DateOnly q, Status r,
                int? s, Status? t, string? u, int[] v, List<Guid> w, [FromHeader(Name = "x-tags")] string[] x, int y = 5) => a;
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS2007_TwoBodies() => Project(Usings + """
        public sealed record Order(string Id);
        public sealed record Audit(string By);

        [JsonSerializable(typeof(Order))]
        [JsonSerializable(typeof(Audit))]
        internal partial class AppJson : JsonSerializerContext { }

        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Post, "/orders")]
            public static string Create(Order order, [FromBody] Audit [|audit|]) => order.Id;
        }
        """).WithDefaultRuleId("SLS2007")
            .ShouldReportDiagnosticWithMessage("Parameter 'audit' would be a second request body (the first is 'order'); a request has one body")
            .ValidateAsync();

    [Fact]
    public Task SLS1010_BodyAndResultMissingFromTheContext() => Project(Usings + """
        public sealed record Order(string Id);
        public sealed record Receipt(string Id);

        [JsonSerializable(typeof(Receipt))]
        internal partial class AppJson : JsonSerializerContext { }

        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Post, "/orders")]
            public static Receipt Create(Order [|order|]) => new Receipt(order.Id);

            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static {|SLS1010:Order|} Get(string id) => new Order(id);
        }
        """).WithDefaultRuleId("SLS1010")
            .ShouldReportDiagnosticWithMessage("Body type 'Order' of 'Create' is not registered in JsonSerializerContext 'AppJson'; add [JsonSerializable(typeof(Order))] to it")
            .ValidateAsync();

    [Fact]
    public Task SLS4001_NoContext_ReflectionForBodyAndResult_NotForTextOrTypedResults() => Project(Usings + """
        public sealed record Order(string Id);

        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Post, "/orders")]
            public static {|SLS4001:Order|} Create(Order [|order|]) => order;

            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static IResult Get(string id) => Results.Ok();

            [HttpApi(LambdaHttpMethod.Get, "/health")]
            public static string Health() => "ok";
        }
        """).WithDefaultRuleId("SLS4001")
            .ShouldReportDiagnosticWithMessage("Body type 'Order' of 'Create' is serialized with reflection-based System.Text.Json because the project has no JsonSerializerContext; register it with [JsonSerializable(typeof(Order))] in a context")
            .ValidateAsync();

    [Fact]
    public Task SLS1011_RouteClassNeedsServicesWithoutAStartup() => Project(Usings + """
        public interface IOrderStore { }

        public class Orders(IOrderStore store)
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders")]
            public string [|List|]() => store.ToString()!;
        }
        """).WithDefaultRuleId("SLS1011")
            .ShouldReportDiagnosticWithMessage("'List' needs services from dependency injection, but the project has no [LambdaStartup] class to configure the container")
            .ValidateAsync();

    [Fact]
    public Task MethodRules_AreReportedOncePerMethod_EvenWithSeveralRoutes() => Project(Usings + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/a")]
            [HttpApi(LambdaHttpMethod.Get, "/b")]
            private static string [|Hidden|]() => "";
        }
        """).WithDefaultRuleId("SLS1001").ValidateAsync();
}
