using System.Text.Json;
using Sharpless.Functions.Tests.Infrastructure;

namespace Sharpless.Http.Tests;

/// <summary>Headers a route's result sets itself, against the ones the router writes by default.</summary>
public sealed class ResultHeaderTests
{
    private const string Source = """
        using Sharpless;
        using Sharpless.Http;

        namespace Shop
        {
            public record Problem(string Title, int Status);

            [System.Text.Json.Serialization.JsonSerializable(typeof(Problem))]
            public partial class AppJson : System.Text.Json.Serialization.JsonSerializerContext { }

            public class Api
            {
                [HttpApi(LambdaHttpMethod.Post, "/orders")]
                public IResult Create() =>
                    Results.BadRequest(new Problem("The order has no lines.", 400)).WithHeader("Content-Type", "application/problem+json");

                [HttpApi(LambdaHttpMethod.Get, "/orders")]
                public IResult List() => Results.Ok(new Problem("none", 200));
            }
        }
        """;

    private static readonly Lazy<Task<FunctionHost>> Host = new(async () =>
        FunctionProject.Load(await FunctionProject.Create(Source).RunGeneratorsAsync()));

    [Fact]
    public async Task A_result_s_own_Content_Type_replaces_the_default_instead_of_doubling_it()
    {
        var headers = await HeadersAsync("POST");

        var contentTypes = headers.Where(h => string.Equals(h.Name, "Content-Type", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();
        Assert.Equal(["application/problem+json"], contentTypes);
    }

    [Fact]
    public async Task Without_one_the_default_JSON_Content_Type_is_written_once()
    {
        var headers = await HeadersAsync("GET");

        Assert.Equal(["application/json; charset=utf-8"], headers.Where(h => h.Name == "Content-Type").Select(h => h.Value).ToArray());
    }

    private static async Task<(string Name, string Value)[]> HeadersAsync(string method)
    {
        var host = await Host.Value;
        var response = await host.InvokeAsync("Api", $$"""
            {"version":"2.0","routeKey":"$default","rawPath":"/orders","rawQueryString":"","headers":{"content-type":"application/json"},
             "requestContext":{"http":{"method":"{{method}}","path":"/orders"},"stage":"$default"},"isBase64Encoded":false}
            """);
        using var document = JsonDocument.Parse(response);
        Assert.Equal(method == "POST" ? 400 : 200, document.RootElement.GetProperty("statusCode").GetInt32());
        return document.RootElement.GetProperty("headers").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).ToArray();
    }
}
