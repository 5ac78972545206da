using System.Text.Json;
using Microsoft.CodeAnalysis;
using Sharpless.Functions.Tests.Infrastructure;
using Sharpless.TestKit;

namespace Sharpless.Http.Tests.Rules;

/// <summary>
/// SLS1010 for the values of typed results (issue #21): the router writes an IResult's value through whichever context
/// has its run-time type, so a value type no context has used to build clean and answer 500. Each shape fires when the
/// type is missing and stays quiet when it is registered; values whose run-time type is not known statically, and
/// projects without any context (reflection), stay quiet; the contexts that count are the ones the router searches.
/// </summary>
public sealed class SLS1010TypedResultTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Sharpless;
        using Sharpless.Http;

        """;

    private const string Models = """
        public sealed record Order(string Id);
        public sealed record Receipt(string Id);
        public sealed record OrderPage(List<Order> Orders);

        """;

    private const string Missing = "Result type 'Order' of 'Get' is not registered in JsonSerializerContext 'AppJson'; add [JsonSerializable(typeof(Order))] to it";

    private static ProjectBuilder Project(string markup) =>
        new ProjectBuilder()
            .WithAssemblyName("Orders")
            .WithLambdaStandIns()
            .WithDependencyInjection()
            .WithSourceCode(markup)
            .WithGenerator(JsonSourceGenerator.Instance)
            .WithAnalyzer<RouteAnalyzer>()
            .WithDefaultRuleId("SLS1010");

    private static string Context(string registration) => $$"""
        {{registration}}
        internal partial class AppJson : JsonSerializerContext { }

        """;

    private static string Unmarked(string markup) => markup.Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal);

    // ---- Declared typed results ----------------------------------------------------------------------------------

    public static TheoryData<string, string> DeclaredShapes() => new()
    {
        { "Ok<Order>", "Results.Ok(new Order(id))" },
        { "Created<Order>", "Results.Created(\"/orders/\" + id, new Order(id))" },
        { "Task<Ok<Order>>", "Task.FromResult(Results.Ok(new Order(id)))" },
        { "ValueTask<Created<Order>>", "new ValueTask<Created<Order>>(Results.Created(\"/orders/\" + id, new Order(id)))" },
        { "Ok<Order?>", "Results.Ok<Order?>(new Order(id))" },
    };

    [Theory]
    [MemberData(nameof(DeclaredShapes))]
    public Task DeclaredTypedResult_TypeMissing_IsReportedAtTheReturnType(string returnType, string body) => Project(Usings + Models + Context("[JsonSerializable(typeof(Receipt))]") + $$"""
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static [|{{returnType}}|] Get(string id) => {{body}};
        }
        """).ShouldReportDiagnosticWithMessage(Missing).ValidateAsync();

    [Theory]
    [MemberData(nameof(DeclaredShapes))]
    public Task DeclaredTypedResult_TypeRegistered_IsQuiet(string returnType, string body) => Project(Usings + Models + Context("[JsonSerializable(typeof(Order))]") + $$"""
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static {{returnType}} Get(string id) => {{body}};
        }
        """).ValidateAsync();

    [Fact]
    public Task DeclaredTypedResult_OfATypeNotKnownStatically_IsQuiet() => Project(Usings + Models + Context("[JsonSerializable(typeof(Receipt))]") + """
        public interface IShape { }
        public abstract class Shape { }
        public sealed class Square : Shape, IShape { }

        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/a")] public static Ok<string> Text() => Results.Ok("text");
            [HttpApi(LambdaHttpMethod.Get, "/b")] public static Ok<byte[]> Bytes() => Results.Ok(new byte[] { 1 });
            [HttpApi(LambdaHttpMethod.Get, "/c")] public static Ok<object> Anything() => Results.Ok<object>(new Square());
            [HttpApi(LambdaHttpMethod.Get, "/d")] public static Ok<IShape> Interface() => Results.Ok<IShape>(new Square());
            [HttpApi(LambdaHttpMethod.Get, "/e")] public static Task<Created<Shape>> Abstract() => Task.FromResult(Results.Created<Shape>("/e", new Square()));
            [HttpApi(LambdaHttpMethod.Get, "/f")] public static Ok Nothing() => Results.Ok();
        }
        """).ValidateAsync();

    // ---- Values in an IResult body -------------------------------------------------------------------------------

    public static TheoryData<string, string> BodyShapes() => new()
    {
        { "IResult", "Results.Ok([|order|])" },
        { "IResult", "Results.Created(\"/orders/\" + id, [|order|])" },
        { "IResult", "Results.NotFound([|order|])" },
        { "IResult", "Results.BadRequest([|order|])" },
        { "IResult", "Results.Conflict([|order|])" },
        { "IResult", "Results.StatusCode(202, [|order|])" },
        { "IResult", "Results.StatusCode(value: [|order|], statusCode: 202)" },
        { "IResult", "Results.Ok([|order|]).WithHeader(\"x-version\", \"1\")" },
        { "IResult", "Results.Ok<object>([|order|])" },
        { "IResult", "id.Length > 3 ? Results.Ok([|order|]) : Results.NotFound([|new Order(\"none\")|])" },
        { "HttpResult", "Results.Ok([|order|])" },
        { "StatusCodeResult", "Results.Conflict([|order|])" },
        { "Task<IResult>", "Task.FromResult<IResult>(Results.Ok([|order|]))" },
        { "ValueTask<IResult>", "new ValueTask<IResult>(Results.Created(\"/orders/\" + id, [|order|]))" },
    };

    [Theory]
    [MemberData(nameof(BodyShapes))]
    public Task ResultsCall_ValueTypeMissing_IsReportedAtTheValue(string returnType, string expression) => Project(Usings + Models + Context("[JsonSerializable(typeof(Receipt))]") + $$"""
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static {{returnType}} Get(string id)
            {
                var order = new Order(id);
                return {{expression}};
            }
        }
        """).ShouldReportDiagnosticWithMessage(Missing).ValidateAsync();

    [Theory]
    [MemberData(nameof(BodyShapes))]
    public Task ResultsCall_ValueTypeRegistered_IsQuiet(string returnType, string expression) => Project(Usings + Models + Context("[JsonSerializable(typeof(Order))]") + $$"""
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static {{returnType}} Get(string id)
            {
                var order = new Order(id);
                return {{Unmarked(expression)}};
            }
        }
        """).ValidateAsync();

    [Fact]
    public Task ResultsCall_InAnAsyncBody_AndThroughALocal_IsReported() => Project(Usings + Models + Context("[JsonSerializable(typeof(Receipt))]") + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static async Task<IResult> Get(string id)
            {
                await Task.Yield();
                IResult result = Results.NotFound();
                if (id.Length > 0)
                {
                    result = Results.Ok([|await Task.FromResult(new Order(id))|]);
                }

                return result;
            }
        }
        """).ShouldReportDiagnosticWithMessage(Missing).ValidateAsync();

    // Registered through reachability, as JsonContextReader counts it for every other payload and result type.
    [Theory]
    [InlineData("[JsonSerializable(typeof(Order))]")]
    [InlineData("[JsonSerializable(typeof(List<Order>))]")]
    [InlineData("[JsonSerializable(typeof(Order[]))]")]
    [InlineData("[JsonSerializable(typeof(OrderPage))]")]
    public Task ValueReachableFromARegisteredType_IsQuiet(string registration) => Project(Usings + Models + Context(registration) + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static IResult Get(string id) => Results.Ok(new Order(id));

            [HttpApi(LambdaHttpMethod.Get, "/orders")]
            public static Ok<Order> First() => Results.Ok(new Order("1"));
        }
        """).ValidateAsync();

    [Fact]
    public Task TypesAreMatchedExactly_RegisteringOrderDoesNotCoverAListOfThem() => Project(Usings + Models + Context("[JsonSerializable(typeof(Order))]") + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders")]
            public static IResult Get() => Results.Ok([|new List<Order> { new Order("1") }|]);
        }
        """).ShouldReportDiagnosticWithMessage("Result type 'System.Collections.Generic.List<Order>' of 'Get' is not registered in JsonSerializerContext 'AppJson'; add [JsonSerializable(typeof(System.Collections.Generic.List<Order>))] to it")
            .ValidateAsync();

    [Fact]
    public Task NullableValueType_IsLookedUpByItsUnderlyingType() => Project(Usings + Models + Context("[JsonSerializable(typeof(Receipt))]") + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static IResult Get(string id) => Results.Ok([|(int?)id.Length|]);
        }
        """).ShouldReportDiagnosticWithMessage("Result type 'int' of 'Get' is not registered in JsonSerializerContext 'AppJson'; add [JsonSerializable(typeof(int))] to it")
            .ValidateAsync();

    [Fact]
    public Task ValuesWhoseRunTimeTypeIsNotKnownOrNeedsNoContext_AreQuiet() => Project(Usings + Models + Context("[JsonSerializable(typeof(Receipt))]") + """
        public interface IShape { }
        public abstract class Shape { }
        public sealed class Square : Shape, IShape { }

        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static IResult Get(string id)
            {
                object anything = new Order(id);
                IShape shape = new Square();
                Shape abstractShape = new Square();
                IReadOnlyList<Order> orders = new List<Order>();
                return id switch
                {
                    "text" => Results.Ok("text"),
                    "bytes" => Results.Ok(new byte[] { 1, 2 }),
                    "null" => Results.NotFound(null),
                    "typed-null" => Results.Ok<Order?>(null),
                    "default" => Results.Conflict(default),
                    "object" => Results.BadRequest(anything),
                    "cast" => Results.StatusCode(500, (object)new Order(id)),
                    "interface" => Results.Ok(shape),
                    "abstract" => Results.Ok(abstractShape),
                    "collection-interface" => Results.Ok(orders),
                    "anonymous" => Results.Ok(new { Id = id }),
                    _ => Results.NoContent(),
                };
            }
        }
        """).ValidateAsync();

    [Fact]
    public Task ResultsCallsOutsideRoutes_OrInRoutesWithOtherResults_AreQuiet() => Project(Usings + Models + Context("[JsonSerializable(typeof(Receipt))]") + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static string Get(string id) => Results.Ok(new Order(id)).StatusCode.ToString();

            public static IResult NotARoute(string id) => Results.Ok(new Order(id));
        }
        """).ValidateAsync();

    [Fact]
    public Task NoContextAtAll_TypedResultsUseReflection_NeitherSLS1010NorSLS4001() => Project(Usings + Models + """
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static IResult Get(string id) => Results.Ok(new Order(id));

            [HttpApi(LambdaHttpMethod.Get, "/orders")]
            public static Ok<Order> First() => Results.Ok(new Order("1"));
        }
        """).ValidateAsync();

    // ---- Which contexts count: the ones the router searches at run time ------------------------------------------

    [Fact]
    public Task NamedContext_IsNotExclusiveForTypedResults_AnyContextOfTheProjectCounts() => Project(Usings + Models + Context("[JsonSerializable(typeof(Order))]") + """
        [JsonSerializable(typeof(Receipt))]
        internal partial class ReceiptsJson : JsonSerializerContext { }

        [LambdaJsonContext(typeof(ReceiptsJson))]
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public static IResult Get(string id) => Results.Ok(new Order(id));

            [HttpApi(LambdaHttpMethod.Get, "/orders")]
            public static Ok<Order> First() => Results.Ok(new Order("1"));
        }
        """).ValidateAsync();

    [Fact]
    public Task MissingFromEveryContext_TheMessageNamesTheRoutesOwnContext() => Project(Usings + Models + Context("[JsonSerializable(typeof(Receipt))]") + """
        [JsonSerializable(typeof(OrderPage))]
        internal partial class PagesJson : JsonSerializerContext { }

        [LambdaJsonContext(typeof(ReceiptsJson))]
        public static class Orders
        {
            [HttpApi(LambdaHttpMethod.Get, "/receipts/{id}")]
            public static IResult Get(string id) => Results.Ok([|new Receipt[] { new Receipt(id) }|]);
        }

        [JsonSerializable(typeof(Receipt))]
        internal partial class ReceiptsJson : JsonSerializerContext { }
        """).ShouldReportDiagnosticWithMessage("Result type 'Receipt[]' of 'Get' is not registered in JsonSerializerContext 'ReceiptsJson'; add [JsonSerializable(typeof(Receipt[]))] to it")
            .ValidateAsync();

    /// <summary>
    /// A context from a referenced assembly is searched by a router only when a route it serves names it; here
    /// <c>Catalog.Get</c> names it. <paramref name="catalogFunction"/> puts that route in the Api function (with
    /// <c>Orders.Get</c>, so its value is found) or in a function of its own (so it is not).
    /// </summary>
    [Theory]
    [InlineData("", false)]
    [InlineData("[LambdaFunction(Name = \"Catalog\")]", true)]
    public async Task AReferencedContext_CountsOnlyForTheFunctionWhoseRoutesNameIt(string catalogFunction, bool reported)
    {
        var item = reported ? "[|new Contracts.Item(id)|]" : "new Contracts.Item(id)";
        await Project(Usings + Models + Context("[JsonSerializable(typeof(Receipt))]") + $$"""
            [LambdaJsonContext(typeof(Contracts.ContractsJson))]
            public static class Catalog
            {
                {{catalogFunction}}
                [HttpApi(LambdaHttpMethod.Get, "/catalog/{id}")]
                public static Contracts.Item Get(string id) => new Contracts.Item(id);
            }

            public static class Orders
            {
                [HttpApi(LambdaHttpMethod.Get, "/items/{id}")]
                public static IResult Get(string id) => Results.Ok({{item}});
            }
            """)
            .WithReference(await ContractsAsync())
            .ShouldReportDiagnosticWithMessage("Result type 'Contracts.Item' of 'Get' is not registered in JsonSerializerContext 'AppJson'; add [JsonSerializable(typeof(Contracts.Item))] to it")
            .ValidateAsync();
    }

    private static async Task<MetadataReference> ContractsAsync()
    {
        var contracts = await new ProjectBuilder()
            .WithAssemblyName("Contracts")
            .WithSourceCode("""
                using System.Text.Json.Serialization;

                namespace Contracts
                {
                    public sealed record Item(string Id);

                    [JsonSerializable(typeof(Item))]
                    public partial class ContractsJson : JsonSerializerContext { }
                }
                """)
            .WithGenerator(JsonSourceGenerator.Instance)
            .RunGeneratorsAsync();
        using var image = new MemoryStream();
        Assert.True(contracts.ShouldCompileWithoutWarnings().OutputCompilation.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    // ---- What the generated router does with the same code -------------------------------------------------------

    private const string NamedContextSource = """
        using Sharpless;
        using Sharpless.Http;
        using System.Text.Json.Serialization;

        namespace Shop
        {
            public sealed record Order(string Id);
            public sealed record Receipt(string Id);

            [JsonSerializable(typeof(Order))]
            internal partial class AppJson : JsonSerializerContext { }

            [JsonSerializable(typeof(Receipt))]
            internal partial class ReceiptsJson : JsonSerializerContext { }

            [LambdaJsonContext(typeof(ReceiptsJson))]
            public static class Orders
            {
                [HttpApi(LambdaHttpMethod.Get, "/orders")]
                public static IResult Get() => Results.Ok(new Order("o-1"));
            }
        }
        """;

    [Fact]
    public async Task TheRouter_FindsAValueInAContextOtherThanTheRoutesOwn_AsTheRuleAssumes()
    {
        await new ProjectBuilder()
            .WithAssemblyName("Orders")
            .WithLambdaStandIns()
            .WithSourceCode(NamedContextSource)
            .WithGenerator(JsonSourceGenerator.Instance)
            .WithAnalyzer<RouteAnalyzer>()
            .ValidateAsync();

        var host = FunctionProject.Load(await FunctionProject.Create(NamedContextSource).RunGeneratorsAsync());
        using var response = JsonDocument.Parse(await host.InvokeAsync("Api", GetEvent("/orders")));

        Assert.Equal(200, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("""{"Id":"o-1"}""", response.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task ARouteWithAMissingTypedResultValue_IsStillGenerated_TheErrorFailsTheBuild()
    {
        // The generator does not read method bodies (editing one must leave its output cached), so it cannot leave
        // such a route out; SLS1010 is an error, so the build that would deploy it fails.
        var run = await FunctionProject.Create("""
            using Sharpless;
            using Sharpless.Http;
            using System.Text.Json.Serialization;

            namespace Shop
            {
                public sealed record Order(string Id);
                public sealed record Receipt(string Id);

                [JsonSerializable(typeof(Receipt))]
                internal partial class AppJson : JsonSerializerContext { }

                public static class Orders
                {
                    [HttpApi(LambdaHttpMethod.Get, "/orders")]
                    public static IResult Get() => Results.Ok(new Order("o-1"));
                }
            }
            """).RunGeneratorsAsync();

        Assert.Contains("global::Shop.Orders.Get(", run.ShouldCompileWithoutWarnings().GetSource("Sharpless.Generated.ApiRouter.g.cs"), StringComparison.Ordinal);
    }

    private static string GetEvent(string path) => $$"""
        {"version":"2.0","routeKey":"$default","rawPath":"{{path}}","rawQueryString":"","headers":{},
         "requestContext":{"http":{"method":"GET","path":"{{path}}"},"stage":"$default"},"isBase64Encoded":false}
        """;
}
