using System.Text.Json;

namespace Sharpless.Benchmarks.Functions;

/// <summary>
/// What a careful engineer writes by hand for the same function: the same source-generated context, the function
/// object created once, the payload read by System.Text.Json straight from the runtime's stream (which does not expose
/// its buffer, see <see cref="RuntimeEvents"/>; the serializer reads it through a pooled buffer), the result written to
/// a new stream.
/// </summary>
public sealed class HandWrittenOrderHandler
{
    private static readonly OrderFunctions Function = new();

    public Task<Stream> Handle(Stream input)
    {
        var order = JsonSerializer.Deserialize(input, BenchmarkJson.Default.PlaceOrder)!;
        var result = Function.Place(order);
        var output = new MemoryStream();
        JsonSerializer.Serialize(output, result, BenchmarkJson.Default.OrderPlaced);
        output.Position = 0;
        return Task.FromResult<Stream>(output);
    }
}
