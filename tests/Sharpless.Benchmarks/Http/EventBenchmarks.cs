using BenchmarkDotNet.Attributes;
using Sharpless.Generated;

namespace Sharpless.Benchmarks.Http;

/// <summary>
/// A whole invocation for GET /orders/{id} from a 2.1 KB HTTP API payload 2.0 event (issue #6 (b)): the generated router
/// (Utf8JsonReader over the fields it needs, compiled match, Utf8JsonWriter response) against reflection-based
/// System.Text.Json into the full request object, dispatch by route key in a dictionary, and a reflection-serialized
/// response object. Every event is a new stream shaped as the Lambda runtime hands it over (<see cref="RuntimeEvents"/>);
/// issue #21's before/after: the router given the copy the previous code made of that stream, and a stream that exposes
/// its buffer (read in place, the floor of event reading).
/// </summary>
[MemoryDiagnoser]
public class EventBenchmarks
{
    private static readonly byte[] Event = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Http", "v2-get-order.json"));

    /// <summary>The 2.1 KB payload 2.0 event every case serves.</summary>
    public static byte[] EventBytes => Event;
    private readonly MemoryStream _exposed = RuntimeEvents.Exposed(Event);

    /// <summary>The event as the runtime hands it over (<see cref="RuntimeEvents"/>).</summary>
    public static MemoryStream NewEvent() => RuntimeEvents.AsTheRuntimeHandsItOver(Event);
    private readonly ApiRouter _router = new();
    private readonly ReflectionApiGatewayHandler _reflection = new();

    [Benchmark(Baseline = true, Description = "reflection STJ request object + dictionary dispatch")]
    public Stream Reflection() => _reflection.Handle(NewEvent());

    [Benchmark(Description = "generated router")]
    public Stream Generated() => _router.Handle(NewEvent()).GetAwaiter().GetResult();

    [Benchmark(Description = "generated router, event copied as before #21")]
    public Stream GeneratedBefore() => _router.Handle(RuntimeEvents.CopiedAsBeforeIssue21(Event)).GetAwaiter().GetResult();

    [Benchmark(Description = "generated router, buffer exposed (in place)")]
    public Stream GeneratedInPlace()
    {
        _exposed.Position = 0;
        return _router.Handle(_exposed).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "generated router: reading the event only")]
    public string ReadOnly()
    {
        var request = ApiGatewayRuntime.ReadRequest(NewEvent());
        ApiGatewayRuntime.Release(request);
        return request.RawPath;
    }

    [Benchmark(Description = "floor: one Utf8JsonReader pass over the event")]
    public int RawPass()
    {
        var reader = new System.Text.Json.Utf8JsonReader(Event);
        var tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }

    [Benchmark(Description = "generated router: writing the response only")]
    public Stream WriteOnly() => ApiGatewayRuntime.Text(Request, 200, "8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f");

    private static readonly ApiRequest Request = ApiGatewayRuntime.ReadRequest(new MemoryStream(Event));

    /// <summary>A typical JSON response body: an order of 42 lines, 2.1 KB of JSON.</summary>
    public static readonly Functions.PlaceOrder LargeOrder = new(
        "o-2026-000042",
        "c-981",
        Enumerable.Range(1, 42).Select(i => new Functions.OrderLine("SKU-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i, 1.25m * i)).ToArray());

    [Benchmark(Description = "generated router: writing a 2.1 KB JSON response only")]
    public Stream WriteJsonOnly() => ApiGatewayRuntime.Json(Request, 200, LargeOrder, Functions.BenchmarkJson.Default.PlaceOrder);

    /// <summary>
    /// <c>--envelope-size</c>: the bytes of the response document the router writes for this body and for the GET
    /// /orders/{id} response, against the body's own bytes (issue #21 (5): what the envelope's escaping costs).
    /// </summary>
    public static void PrintEnvelopeSizes()
    {
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(LargeOrder, Functions.BenchmarkJson.Default.PlaceOrder);
        var envelope = ApiGatewayRuntime.Json(Request, 200, LargeOrder, Functions.BenchmarkJson.Default.PlaceOrder).Length;
        var get = new ApiRouter().Handle(NewEvent()).GetAwaiter().GetResult().Length;
        Console.WriteLine($"2.1 KB JSON body: body {body.Length} B, response document {envelope} B ({(double)envelope / body.Length:F2}× the body)");
        Console.WriteLine($"GET /orders/{{id}} (text body of 36 B): response document {get} B");
    }

    /// <summary>Both must answer 200 with the same body before anything is measured.</summary>
    public static void CheckParity()
    {
        using var generated = System.Text.Json.JsonDocument.Parse(new ApiRouter().Handle(new MemoryStream(Event)).GetAwaiter().GetResult());
        using var reflection = System.Text.Json.JsonDocument.Parse(new ReflectionApiGatewayHandler().Handle(new MemoryStream(Event)));
        var a = (generated.RootElement.GetProperty("statusCode").GetInt32(), generated.RootElement.GetProperty("body").GetString());
        var b = (reflection.RootElement.GetProperty("statusCode").GetInt32(), reflection.RootElement.GetProperty("body").GetString());
        if (a != b || a != (200, "8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f"))
        {
            throw new InvalidOperationException($"Handlers disagree: generated {a}, reflection {b}");
        }
    }
}
