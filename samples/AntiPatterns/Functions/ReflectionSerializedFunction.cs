using Sharpless;

namespace AntiPatterns.Functions;

public sealed class ShipmentRequest
{
    public string OrderId { get; set; } = "";

    public string Carrier { get; set; } = "";
}

public sealed class ShipmentFunctions
{
    // SLS4001 (twice: payload and result): this project has no JsonSerializerContext, so the generated handler falls
    // back to reflection-based System.Text.Json. That builds serializer metadata on the first invocation after every
    // cold start and fails under Native AOT. The fix is a source-generated context:
    //   [JsonSerializable(typeof(ShipmentRequest))] internal partial class AppJson : JsonSerializerContext { }
    [LambdaFunction]
    public ShipmentRequest Ship(ShipmentRequest request) => request;
}
