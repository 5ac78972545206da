using System.Text;
using System.Text.Json;
using Sharpless.Functions.Tests.Infrastructure;

namespace Sharpless.Http.Tests;

/// <summary>
/// What the router costs on the wire and in memory per request, as the Lambda runtime calls it: how the event stream is
/// read, and how many bytes the response envelope spends on a body. Bytes are exact, so these can be asserted; times
/// are not (they are measured in tests/Sharpless.Benchmarks).
/// </summary>
public sealed class RouterWireTests
{
    private const string Source = """
        using Sharpless;
        using Sharpless.Http;

        namespace Shop
        {
            public sealed record Note(string Title, string Text, int Stars);

            [System.Text.Json.Serialization.JsonSerializable(typeof(Note))]
            public partial class AppJson : System.Text.Json.Serialization.JsonSerializerContext { }

            public class Api
            {
                [HttpApi(LambdaHttpMethod.Get, "/notes/{id}")]
                public static Note Get(string id, [FromHeader(Name = "x-tenant")] string? tenant) =>
                    new Note("Say \"hi\" to " + id, "1 + 1 < 3 & Zürich ✓ \\ " + tenant, 5);

                [HttpApi(LambdaHttpMethod.Get, "/text")]
                public static string Text() => "Zürich \"quoted\" + ✓";
            }
        }
        """;

    private static readonly Lazy<Task<FunctionHost>> Host = new(async () =>
        FunctionProject.Load(await FunctionProject.Create(Source).RunGeneratorsAsync()));

    /// <summary>A GET /notes/n-1 event padded with stage variables, which the router skips without reading them.</summary>
    private static byte[] PaddedEvent(int size)
    {
        var head = """{"version":"2.0","rawPath":"/notes/n-1","rawQueryString":"","headers":{"x-tenant":"acme"},"stageVariables":{"padding":" """;
        var tail = """ "},"requestContext":{"http":{"method":"GET"},"stage":"$default"},"body":null,"isBase64Encoded":false}""";
        return Encoding.UTF8.GetBytes(head + new string('p', Math.Max(0, size - head.Length - tail.Length)) + tail);
    }

    [Fact]
    public async Task TheRuntimesEventStream_IsNotCopiedPerRequest()
    {
        var host = await Host.Value;
        var bytes = PaddedEvent(256 * 1024);

        // Warm up (JIT, static constructors, the pool's first array of this size), then count this thread's bytes: the
        // route is synchronous, so the whole request runs here. A copy of the event would cost its 256 KB every time.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, ApiResponse.Parse(await ReadAsync(await host.InvokeRawAsync("Api", new MemoryStream(bytes)))).StatusCode);
        }

        const int Calls = 20;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            (await host.InvokeRawAsync("Api", new MemoryStream(bytes))).Dispose();
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
        Assert.True(perCall < 8 * 1024, $"{perCall} bytes allocated per request for a {bytes.Length}-byte event.");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(4096)]
    [InlineData(70_000)]
    public async Task Events_AreReadWhole_FromStreamsThatCannotSeek_AndTheirHeadersBindAfterwards(int size)
    {
        var host = await Host.Value;
        var bytes = PaddedEvent(size);

        var response = ApiResponse.Parse(await ReadAsync(await host.InvokeRawAsync("Api", new NonSeekableStream(bytes, chunk: 777))));

        Assert.Equal(200, response.StatusCode);
        Assert.EndsWith("acme", JsonDocument.Parse(response.Body).RootElement.GetProperty("Text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedEvent_ReadThroughThePool_IsA400_AndTheNextEventIsServed()
    {
        var host = await Host.Value;

        var bad = ApiResponse.Parse(await ReadAsync(await host.InvokeRawAsync("Api", new MemoryStream("""{"rawPath":"/notes/n-1","headers":[]}"""u8.ToArray()))));
        var good = ApiResponse.Parse(await ReadAsync(await host.InvokeRawAsync("Api", new MemoryStream(PaddedEvent(500)))));

        Assert.Equal(400, bad.StatusCode);
        Assert.Equal(200, good.StatusCode);
    }

    [Fact]
    public async Task AJsonBody_CostsInTheEnvelopeOnlyTheEscapesJsonRequires()
    {
        var envelope = await ReadAsync(await (await Host.Value).InvokeRawAsync("Api", new MemoryStream(PaddedEvent(500))));
        var body = ApiResponse.Parse(envelope).Body;

        // The body keeps System.Text.Json's default, HTML-safe escaping (it reaches clients as it is)...
        Assert.Equal("""{"Title":"Say \u0022hi\u0022 to n-1","Text":"1 \u002B 1 \u003C 3 \u0026 Z\u00FCrich \u2713 \\ acme","Stars":5}""", body);

        // ...and the envelope adds to it only a backslash before each '"' and '\' (JSON's own requirement): the default
        // encoder wrote each '"' as the six bytes "\u0022" (and '+', '<', '>', '&', the apostrophe and non-ASCII as \uXXXX).
        var raw = RawBodyToken(envelope);
        Assert.Equal(body.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal), raw);
        Assert.Equal(Encoding.UTF8.GetByteCount(body) + body.Count(c => c is '"' or '\\'), Encoding.UTF8.GetByteCount(raw));
    }

    [Fact]
    public async Task ATextBody_KeepsItsCharacters_AsUtf8_InTheEnvelope()
    {
        var envelope = await ReadAsync(await (await Host.Value).InvokeRawAsync("Api", new MemoryStream(Encoding.UTF8.GetBytes(RouterExecutionTests.V2("GET", "/text")))));

        Assert.Equal("Zürich \"quoted\" + ✓", ApiResponse.Parse(envelope).Body);
        Assert.Equal("""Zürich \"quoted\" + ✓""", RawBodyToken(envelope));
    }

    /// <summary>The <c>body</c> member's string token as the envelope spells it, escapes included.</summary>
    private static string RawBodyToken(string envelope)
    {
        var bytes = Encoding.UTF8.GetBytes(envelope);
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("body"u8) && reader.CurrentDepth == 1)
            {
                reader.Read();
                return Encoding.UTF8.GetString(reader.ValueSpan);
            }
        }

        throw new InvalidOperationException("The envelope has no body: " + envelope);
    }

    private static async Task<string> ReadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
