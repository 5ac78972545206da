using System.Text.Json;

namespace Sharpless.Benchmarks.Http;

// The baseline of issue #6's event benchmark: what a handler does without a generator. These classes mirror the public
// shape of Amazon.Lambda.APIGatewayEvents' APIGatewayHttpApiV2ProxyRequest/Response (the package is not on this
// machine's feed); they exist only for this benchmark.
#pragma warning disable CA1812, CA1819
public sealed class HttpApiV2Request
{
    public string? Version { get; set; }
    public string? RouteKey { get; set; }
    public string? RawPath { get; set; }
    public string? RawQueryString { get; set; }
    public string[]? Cookies { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public Dictionary<string, string>? QueryStringParameters { get; set; }
    public HttpApiV2RequestContext? RequestContext { get; set; }
    public string? Body { get; set; }
    public Dictionary<string, string>? PathParameters { get; set; }
    public bool IsBase64Encoded { get; set; }
    public Dictionary<string, string>? StageVariables { get; set; }
}

public sealed class HttpApiV2RequestContext
{
    public string? AccountId { get; set; }
    public string? ApiId { get; set; }
    public JsonElement? Authentication { get; set; }
    public JsonElement? Authorizer { get; set; }
    public string? DomainName { get; set; }
    public string? DomainPrefix { get; set; }
    public HttpApiV2Http? Http { get; set; }
    public string? RequestId { get; set; }
    public string? RouteKey { get; set; }
    public string? Stage { get; set; }
    public string? Time { get; set; }
    public long TimeEpoch { get; set; }
}

public sealed class HttpApiV2Http
{
    public string? Method { get; set; }
    public string? Path { get; set; }
    public string? Protocol { get; set; }
    public string? SourceIp { get; set; }
    public string? UserAgent { get; set; }
}

public sealed class HttpApiV2Response
{
    public int StatusCode { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public string[]? Cookies { get; set; }
    public string? Body { get; set; }
    public bool IsBase64Encoded { get; set; }
}
#pragma warning restore CA1812, CA1819

/// <summary>Reflection-based System.Text.Json into the full request object, dispatch by route key in a dictionary.</summary>
public sealed class ReflectionApiGatewayHandler
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly Dictionary<string, Func<HttpApiV2Request, HttpApiV2Response>> _routes = new(StringComparer.Ordinal);

    public ReflectionApiGatewayHandler()
    {
        foreach (var r in RouteTable.Resources)
        {
            _routes[$"GET /{r}/{{id}}"] = request => Text(RouteTableApi.GetOrders(request.PathParameters!["id"]));
            _routes[$"GET /{r}"] = _ => Text(RouteTableApi.ListOrders());
        }
    }

    public Stream Handle(Stream input)
    {
        var request = JsonSerializer.Deserialize<HttpApiV2Request>(input, Options)!;
        var response = _routes.TryGetValue(request.RouteKey ?? string.Empty, out var route)
            ? route(request)
            : new HttpApiV2Response { StatusCode = 404 };
        var output = new MemoryStream();
        JsonSerializer.Serialize(output, response, Options);
        output.Position = 0;
        return output;
    }

    private static HttpApiV2Response Text(string body) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain; charset=utf-8" },
        Body = body,
    };
}
