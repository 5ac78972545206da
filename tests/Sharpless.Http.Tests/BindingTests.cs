using System.Text;
using Sharpless.Functions.Tests.Infrastructure;
using static Sharpless.Http.Tests.RouterExecutionTests;

namespace Sharpless.Http.Tests;

/// <summary>Typed binding of route, query and header values, and the 400 answers for values that do not parse.</summary>
public sealed class BindingTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using Sharpless;

        namespace Shop
        {
            public enum Status { Open, Shipped }

            public static class Bind
            {
                [HttpApi(LambdaHttpMethod.Get, "/types/{i}/{g}/{d}/{s}")]
                public static string Types(
                    int i, Guid g, DateOnly d, Status s,
                    [FromQuery] long l, [FromQuery] decimal m, [FromQuery] double x, [FromQuery] bool b,
                    [FromQuery] DateTimeOffset when, [FromQuery] DateTime at, [FromQuery] byte by, [FromQuery] int? opt,
                    [FromHeader(Name = "x-ids")] List<int> ids, [FromQuery] Status[] states, [FromQuery] string? note, [FromQuery] int def = 7) =>
                    string.Join("|",
                        i.ToString(CultureInfo.InvariantCulture), g.ToString(), d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.ToString(),
                        l.ToString(CultureInfo.InvariantCulture), m.ToString(CultureInfo.InvariantCulture), x.ToString(CultureInfo.InvariantCulture), b.ToString(),
                        when.ToString("O", CultureInfo.InvariantCulture), at.ToString("O", CultureInfo.InvariantCulture), by.ToString(CultureInfo.InvariantCulture),
                        opt?.ToString(CultureInfo.InvariantCulture) ?? "null", string.Join(",", ids), string.Join(",", states), note ?? "null",
                        def.ToString(CultureInfo.InvariantCulture));

                [HttpApi(LambdaHttpMethod.Post, "/echo")]
                public static string Echo([FromBody] string text) => text.Length.ToString(CultureInfo.InvariantCulture);

                [HttpApi(LambdaHttpMethod.Post, "/bytes")]
                public static byte[] Bytes([FromBody] byte[] data) => data;

                [HttpApi(LambdaHttpMethod.Get, "/files/{path+}")]
                public static string File(string path) => "file:" + path;
            }
        }
        """;

    private static readonly Lazy<Task<FunctionHost>> Host = new(async () =>
        FunctionProject.Load(await FunctionProject.Create(Source).RunGeneratorsAsync()));

    private static async Task<ApiResponse> InvokeAsync(string eventJson) =>
        ApiResponse.Parse(await (await Host.Value).InvokeAsync("Api", eventJson));

    private const string GoodPath = "/types/42/8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f/2026-11-22/shipped";
    private const string GoodQuery = "l=9000000000&m=12.50&x=1.5e3&b=true&when=2026-11-22T10%3A00%3A00%2B02%3A00&at=2026-11-22T08%3A00%3A00Z&by=255&states=open&states=SHIPPED";
    private const string GoodHeaders = """{"x-ids":"1, 2,3"}""";

    [Fact]
    public async Task EverySupportedType_BindsWithInvariantCulture()
    {
        var response = await InvokeAsync(V2("GET", GoodPath, GoodQuery, GoodHeaders));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(
            "42|8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f|2026-11-22|Shipped|9000000000|12.50|1500|True|2026-11-22T10:00:00.0000000+02:00|2026-11-22T08:00:00.0000000Z|255|null|1,2,3|Open,Shipped|null|7",
            response.Body);
    }

    [Theory]
    [InlineData("/types/x/8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f/2026-11-22/open", GoodQuery, "i", "The route value 'i' is not a valid Int32 integer.")]
    [InlineData("/types/42/not-a-guid/2026-11-22/open", GoodQuery, "g", "The route value 'g' is not a valid GUID.")]
    [InlineData("/types/42/8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f/22-11-2026/open", GoodQuery, "d", "The route value 'd' is not a valid date (yyyy-MM-dd).")]
    [InlineData("/types/42/8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f/2026-11-22/1", GoodQuery, "s", "The route value 's' is not a valid value of Status.")]
    [InlineData("/types/42/8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f/2026-11-22/lost", GoodQuery, "s", "The route value 's' is not a valid value of Status.")]
    [InlineData(GoodPath, "m=1&x=1&b=true&when=2026-11-22&at=2026-11-22&by=1", "l", "The query parameter 'l' is required.")]
    [InlineData(GoodPath, "l=1&m=1&x=1&b=yes&when=2026-11-22&at=2026-11-22&by=1", "b", "The query parameter 'b' is not a valid boolean (true or false).")]
    [InlineData(GoodPath, "l=1&m=1&x=1&b=true&when=2026-11-22&at=2026-11-22&by=256", "by", "The query parameter 'by' is not a valid Byte integer.")]
    [InlineData(GoodPath, "l=99999999999999999999&m=1&x=1&b=true&when=2026-11-22&at=2026-11-22&by=1", "l", "The query parameter 'l' is not a valid Int64 integer.")]
    [InlineData(GoodPath, "l=1&m=1&x=NaN&b=true&when=2026-11-22&at=2026-11-22&by=1", "x", "The query parameter 'x' is not a valid number.")]
    [InlineData(GoodPath, "l=1&m=1&x=1&b=true&when=soon&at=2026-11-22&by=1", "when", "The query parameter 'when' is not a valid ISO 8601 date and time.")]
    [InlineData(GoodPath, GoodQuery + "&opt=1.5", "opt", "The query parameter 'opt' is not a valid Int32 integer.")]
    [InlineData(GoodPath, GoodQuery + "&states=gone", "states", "The query parameter 'states' is not a valid value of Status.")]
    public async Task UnparseableValues_Are400ProblemsNamingTheParameter(string path, string query, string parameter, string detail)
    {
        var response = await InvokeAsync(V2("GET", path, query, GoodHeaders));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal(parameter, response.Problem("parameter"));
        Assert.Equal(detail, response.Problem("detail"));
        Assert.Equal("Bad Request", response.Problem("title"));
    }

    [Fact]
    public async Task BadHeaderListItem_Is400()
    {
        var response = await InvokeAsync(V2("GET", GoodPath, GoodQuery, """{"x-ids":"1,two"}"""));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("x-ids", response.Problem("parameter"));
    }

    public static TheoryData<string, string, int, string?> BadInputs() => new()
    {
        // event-level problems: never 500
        { "malformed JSON event", "{not json", 400, null },
        { "JSON array event", "[1,2]", 400, null },
        { "no method or path", """{"version":"2.0"}""", 400, null },
        { "path of the wrong type", """{"version":"2.0","rawPath":5,"requestContext":{"http":{"method":"GET"}}}""", 400, null },
        { "headers not an object", """{"version":"2.0","rawPath":"/echo","headers":"x","requestContext":{"http":{"method":"GET"}}}""", 400, null },
        { "empty event", "", 400, null },
        // path problems
        { "dot-dot segment", V2("GET", "/files/reports/../secrets"), 400, null },
        { "encoded dot-dot segment", V2("GET", "/files/reports/%2E%2E/secrets"), 400, null },
        { "encoded slash", V2("GET", "/files/a%2Fb"), 400, null },
        { "invalid percent-encoding", V2("GET", "/files/a%zzb"), 400, null },
        { "truncated percent-encoding", V2("GET", "/files/a%4"), 400, null },
        { "invalid UTF-8 after decoding", V2("GET", "/files/%C3%28"), 400, null },
        { "empty segment", V2("GET", "/files//a"), 400, null },
        { "invalid query encoding", V2("GET", GoodPath, "l=%zz"), 400, null },
        // bodies
        { "invalid base64 body", V2("POST", "/echo", body: "not*base64", base64: true), 400, "body" },
        { "missing required body", V2("POST", "/echo"), 400, "text" },
        // success cases in the same table: unicode and a 1 MB body are served
        { "percent-encoded unicode", V2("GET", "/files/%E2%82%AC/%F0%9F%93%A6"), 200, null },
        { "decoded unicode", V2("GET", "/files/€"), 200, null },
        { "1 MB body", V2("POST", "/echo", body: new string('x', 1024 * 1024)), 200, null },
        { "unknown method", V2("BREW", "/echo"), 405, null },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInputTable_GivesTheDocumentedStatus_NeverA500OrALeak(string name, string eventJson, int status, string? parameter)
    {
        var response = await InvokeAsync(eventJson);

        Assert.True(status == response.StatusCode, $"{name}: expected {status}, got {response.StatusCode}: {response.Body}");
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Header("Content-Type"));
            Assert.DoesNotContain("Exception", response.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
        }

        if (parameter is not null)
        {
            Assert.Equal(parameter, response.Problem("parameter"));
        }
    }

    [Fact]
    public async Task Unicode_IsDecodedIntoTheGreedyValue()
    {
        Assert.Equal("file:€/📦", (await InvokeAsync(V2("GET", "/files/%E2%82%AC/%F0%9F%93%A6"))).Body);
        Assert.Equal("file:€", (await InvokeAsync(V2("GET", "/files/€"))).Body);
    }

    [Fact]
    public async Task BinaryBodies_RoundTripAsBase64()
    {
        var bytes = new byte[] { 0, 1, 2, 250, 255 };
        var response = await InvokeAsync(V2("POST", "/bytes", body: Convert.ToBase64String(bytes), base64: true));

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.IsBase64Encoded);
        Assert.Equal("application/octet-stream", response.Header("Content-Type"));
        Assert.Equal(bytes, Convert.FromBase64String(response.Body));
        Assert.Equal("1048576", (await InvokeAsync(V2("POST", "/echo", body: Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('y', 1024 * 1024))), base64: true))).Body);
    }
}
