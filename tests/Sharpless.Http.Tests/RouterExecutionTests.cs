using System.Text;
using System.Text.Json;
using Sharpless.Functions.Tests.Infrastructure;

namespace Sharpless.Http.Tests;

/// <summary>The generated router, executed on API Gateway events shaped like AWS's documented examples (Events/).</summary>
public sealed class RouterExecutionTests
{
    private static readonly Lazy<Task<FunctionHost>> Host = new(async () =>
        FunctionProject.Load(await FunctionProject.Create(OrdersApiSource.Code).RunGeneratorsAsync()));

    private static string Event(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Events", name));

    private static async Task<ApiResponse> InvokeAsync(string eventJson)
    {
        var host = await Host.Value;
        return ApiResponse.Parse(await host.InvokeAsync("Api", eventJson));
    }

    [Fact]
    public async Task V2_Get_BindsRouteQueryAndHeader()
    {
        var response = await InvokeAsync(Event("v2-get-order.json"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("""{"id":"8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f","customerId":"c-1","version":3,"tenant":"acme"}""", response.Body);
        Assert.False(response.IsBase64Encoded);
    }

    [Fact]
    public async Task V1_Get_BindsFromTheRestEvent_AndAnswersInPayload1Format()
    {
        var response = await InvokeAsync(Event("v1-get-order.json"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"id":"8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f","customerId":"c-1","version":3,"tenant":"acme"}""", response.Body);
    }

    [Fact]
    public async Task FunctionUrl_Get_IsServed()
    {
        var response = await InvokeAsync(Event("function-url-get-order.json"));

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("\"id\":\"8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateQueryKeys_BindToAnArray_InBothPayloadFormats()
    {
        var v2 = await InvokeAsync(Event("v2-list-orders-duplicate-query.json"));
        var v1 = await InvokeAsync(Event("v1-list-orders-multivalue.json"));

        Assert.Equal(200, v2.StatusCode);
        Assert.Equal("""{"statuses":["Open","Shipped"],"limit":2,"count":2}""", v2.Body);
        Assert.Equal(200, v1.StatusCode);
        Assert.Equal("""{"statuses":["Open","Shipped"],"limit":10,"count":2}""", v1.Body);
    }

    [Fact]
    public async Task Base64Body_IsDecoded_AndCreatedSetsLocationAndCookie()
    {
        var response = await InvokeAsync(Event("v2-post-order-base64.json"));

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("/orders/8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f", response.Header("Location"));
        Assert.Equal(["last-order=8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f; Path=/; HttpOnly"], response.Cookies);
        Assert.Equal("""{"id":"8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f","customerId":"c-1","version":1,"tenant":"t"}""", response.Body);
    }

    [Fact]
    public async Task V1_Post_PutsSetCookieInMultiValueHeaders()
    {
        var response = await InvokeAsync(Event("v1-post-order.json"));

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(["last-order=8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f; Path=/; HttpOnly"], response.MultiValueHeader("Set-Cookie"));
        Assert.Null(response.CookiesOrNull);
    }

    [Fact]
    public async Task EncodedSlashInASegment_Is400_NeverAPathTraversal()
    {
        var response = await InvokeAsync(Event("v2-encoded-path.json"));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal("The request path has an encoded '/' in a segment.", response.Problem("detail"));
        Assert.Equal(400, int.Parse(response.Problem("status"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task NotFound_MethodNotAllowed_Head_Options()
    {
        var notFound = await InvokeAsync(Event("v2-not-found.json"));
        Assert.Equal(404, notFound.StatusCode);
        Assert.Equal("application/problem+json", notFound.Header("Content-Type"));

        var put = await InvokeAsync(Event("v2-put-orders.json"));
        Assert.Equal(405, put.StatusCode);
        Assert.Equal("GET, HEAD, POST", put.Header("Allow"));

        // The documented HEAD event carries no x-tenant header, which GET /orders/{id} requires: HEAD runs the GET route's
        // binding too, so it answers 400 exactly as GET would, without the body.
        var head = await InvokeAsync(Event("v2-head-order.json"));
        Assert.Equal(400, head.StatusCode);
        Assert.Equal(string.Empty, head.Body);
        Assert.Equal("application/problem+json", head.Header("Content-Type"));

        var headWithTenant = await InvokeAsync(V2("HEAD", "/orders/8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f", headers: """{"x-tenant":"acme"}"""));
        Assert.Equal(200, headWithTenant.StatusCode);
        Assert.Equal(string.Empty, headWithTenant.Body);
        Assert.Equal("application/json; charset=utf-8", headWithTenant.Header("Content-Type"));

        var options = await InvokeAsync(Event("v2-options-orders.json"));
        Assert.Equal(204, options.StatusCode);
        Assert.Equal("GET, HEAD, POST", options.Header("Allow"));
    }

    [Fact]
    public async Task LiteralSegments_WinOverParameters()
    {
        var response = await InvokeAsync(V2("GET", "/orders/search", "q=shoes&from=2026-11-01"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("shoes|2026-11-01", response.Body);
        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
    }

    [Fact]
    public async Task GreedyParameter_TakesTheRestOfThePath_PercentDecoded()
    {
        var response = await InvokeAsync(V2("GET", "/files/reports/2026/summary%20final.pdf"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("file:reports/2026/summary final.pdf", response.Body);
    }

    [Fact]
    public async Task ContextParameter_ReceivesTheInvocationContext()
    {
        var response = await InvokeAsync(V2("GET", "/customers/c-42/orders"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""[{"id":"8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f","customerId":"c-42","version":1,"tenant":"orders"}]""", response.Body);
    }

    [Fact]
    public async Task TypedNotFoundAndVoidResults()
    {
        var missing = await InvokeAsync(V2("GET", "/orders/00000000-0000-0000-0000-000000000001", headers: """{"x-tenant":"acme"}"""));
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(string.Empty, missing.Body);

        var deleted = await InvokeAsync(V2("DELETE", "/orders/8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f"));
        Assert.Equal(204, deleted.StatusCode);
    }

    [Fact]
    public async Task UnhandledException_Is500_WithoutTheMessage()
    {
        var response = await InvokeAsync(V2("DELETE", "/orders/00000000-0000-0000-0000-000000000000"));

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.DoesNotContain("secret", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", response.Body, StringComparison.Ordinal);
    }

    /// <summary>A minimal HTTP API payload 2.0 event (the fields the documented example has that routing reads).</summary>
    internal static string V2(string method, string rawPath, string rawQuery = "", string headers = "{}", string? body = null, bool base64 = false) =>
        $$"""
        {"version":"2.0","routeKey":"$default","rawPath":{{JsonSerializer.Serialize(rawPath)}},"rawQueryString":{{JsonSerializer.Serialize(rawQuery)}},
         "headers":{{headers}},"requestContext":{"http":{"method":"{{method}}","path":{{JsonSerializer.Serialize(rawPath)}}},"stage":"$default"},
         "body":{{(body is null ? "null" : JsonSerializer.Serialize(body))}},"isBase64Encoded":{{(base64 ? "true" : "false")}}}
        """;
}

/// <summary>An API Gateway proxy response document (payload 1.0 or 2.0), parsed for assertions.</summary>
internal sealed class ApiResponse
{
    private readonly JsonElement _root;

    private ApiResponse(JsonElement root) => _root = root;

    public int StatusCode => _root.GetProperty("statusCode").GetInt32();

    public bool IsBase64Encoded => _root.GetProperty("isBase64Encoded").GetBoolean();

    public string Body => _root.GetProperty("body").GetString()!;

    public string[]? CookiesOrNull => _root.TryGetProperty("cookies", out var cookies) ? cookies.EnumerateArray().Select(c => c.GetString()!).ToArray() : null;

    public string[] Cookies => CookiesOrNull ?? [];

    public string? Header(string name) =>
        _root.GetProperty("headers").EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value
            ? value.GetString()
            : null;

    public string[] MultiValueHeader(string name) =>
        _root.TryGetProperty("multiValueHeaders", out var headers) && headers.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.Array } values
            ? values.EnumerateArray().Select(v => v.GetString()!).ToArray()
            : [];

    /// <summary>A member of the RFC 9457 problem document in the body.</summary>
    public string Problem(string member)
    {
        using var problem = JsonDocument.Parse(Body);
        var value = problem.RootElement.GetProperty(member);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }

    public static ApiResponse Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ApiResponse(document.RootElement.Clone());
    }
}
