using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Sharpless.Benchmarks.Functions;

/// <summary>
/// Per-invocation cost of the generated Lambda handler around a trivial function (issue #5): against calling the
/// method with an already deserialized argument (the floor), a hand-written wrapper over the same JSON context, and
/// a reflection-based wrapper (the baseline it must beat). Each invocation reads a 3-line order event from a new
/// stream shaped as the Lambda runtime hands it over (<see cref="RuntimeEvents"/>) and writes the response to a new
/// stream. Issue #21's before/after: the same handler given the copy the previous code made of that stream, and given
/// a stream that exposes its buffer (read in place, the floor of event reading).
/// </summary>
[MemoryDiagnoser]
public class HandlerBenchmarks
{
    private static readonly byte[] Event = HandlerBenchmarkData.Event;
    private readonly MemoryStream _exposed = RuntimeEvents.Exposed(HandlerBenchmarkData.Event);
    private readonly OrderFunctions _function = new();
    private readonly PlaceOrder _order = HandlerBenchmarkData.Order;
    private readonly OrderFunctions_Place_Handler _generated = new();
    private readonly HandWrittenOrderHandler _handWritten = new();
    private readonly ReflectionHandlerInvoker _reflection = new(typeof(OrderFunctions), nameof(OrderFunctions.Place));

    [Benchmark(Baseline = true, Description = "reflection wrapper (Activator + reflection STJ)")]
    public Task<Stream> Reflection() => _reflection.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(Event));

    [Benchmark(Description = "generated handler")]
    public Task<Stream> Generated() => _generated.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(Event));

    [Benchmark(Description = "generated handler, event copied as before #21")]
    public Task<Stream> GeneratedBefore() => _generated.Handle(RuntimeEvents.CopiedAsBeforeIssue21(Event));

    [Benchmark(Description = "generated handler, buffer exposed (in place)")]
    public Task<Stream> GeneratedInPlace()
    {
        _exposed.Position = 0;
        return _generated.Handle(_exposed);
    }

    [Benchmark(Description = "hand-written wrapper, same context")]
    public Task<Stream> HandWritten() => _handWritten.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(Event));

    [Benchmark(Description = "direct call, argument already deserialized")]
    public OrderPlaced Direct() => _function.Place(_order);
}

public static class HandlerBenchmarkData
{
    public static readonly byte[] Event = Encoding.UTF8.GetBytes("""
        {"OrderId":"o-2026-000042","CustomerId":"c-981","Lines":[{"Sku":"BOOK-1","Quantity":2,"UnitPrice":12.5},{"Sku":"PEN-7","Quantity":10,"UnitPrice":0.99},{"Sku":"BAG-3","Quantity":1,"UnitPrice":34}]}
        """);

    public static PlaceOrder Order => JsonSerializer.Deserialize(Event, BenchmarkJson.Default.PlaceOrder)!;

    /// <summary>All three wrappers must write the same response before anything is measured.</summary>
    public static void CheckParity()
    {
        var expected = Read(new HandWrittenOrderHandler().Handle(Fresh()).Result);
        var generated = Read(new OrderFunctions_Place_Handler().Handle(Fresh()).Result);
        var reflection = Read(new ReflectionHandlerInvoker(typeof(OrderFunctions), nameof(OrderFunctions.Place)).Handle(Fresh()).Result);
        if (generated != expected || reflection != expected || expected != """{"OrderId":"o-2026-000042","Total":68.90,"Items":13}""")
        {
            throw new InvalidOperationException($"Handlers disagree:\n hand-written {expected}\n generated    {generated}\n reflection   {reflection}");
        }
    }

    /// <summary>The event as the runtime hands it over (<see cref="RuntimeEvents"/>).</summary>
    public static MemoryStream NewEvent() => RuntimeEvents.AsTheRuntimeHandsItOver(Event);

    private static MemoryStream Fresh() => NewEvent();

    private static string Read(Stream stream) => new StreamReader(stream, Encoding.UTF8).ReadToEnd();
}
