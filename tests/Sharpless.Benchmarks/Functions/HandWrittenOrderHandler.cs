using System.Text.Json;

namespace Sharpless.Benchmarks.Functions;

/// <summary>
/// What a careful engineer writes by hand for the same function: the same source-generated context, the function
/// object created once, the payload read in place from the runtime's MemoryStream, the result written to a new one.
/// </summary>
public sealed class HandWrittenOrderHandler
{
    private static readonly OrderFunctions Function = new();

    public Task<Stream> Handle(Stream input)
    {
        var memory = (MemoryStream)input;
        var order = JsonSerializer.Deserialize(memory.GetBuffer().AsSpan(0, (int)memory.Length), BenchmarkJson.Default.PlaceOrder)!;
        var result = Function.Place(order);
        var output = new MemoryStream();
        JsonSerializer.Serialize(output, result, BenchmarkJson.Default.OrderPlaced);
        output.Position = 0;
        return Task.FromResult<Stream>(output);
    }
}
