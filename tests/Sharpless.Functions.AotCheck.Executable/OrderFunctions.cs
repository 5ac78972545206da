using System.Text.Json.Serialization;
using Amazon.Lambda.Core;
using Sharpless;

namespace Sharpless.Functions.AotCheck.Executable;

public sealed record Order(string Id, decimal Total);

public sealed record Receipt(string OrderId, string Status);

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
internal sealed partial class AppJson : JsonSerializerContext
{
}

// Two functions, so Main's selection and both of its failure reports are generated.
public static class OrderFunctions
{
    [LambdaFunction]
    public static Receipt Place(Order order, ILambdaContext context) => new(order.Id, "placed");

    [LambdaFunction]
    public static string Echo(string text) => text;
}
