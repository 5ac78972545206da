using System.Text.Json;
using System.Text.Json.Serialization;
using Sharpless;

namespace AntiPatterns.NativeAot;

public sealed record Refund(string OrderId, decimal Amount);

public sealed record RefundReceipt(string OrderId, string Status);

public sealed record RefundAudit(string OrderId, string By);

// The project's source-generated JSON metadata: Native AOT has no reflection-based serialization to fall back on.
[JsonSerializable(typeof(Refund))]
internal partial class RefundJson : JsonSerializerContext
{
}

public class RefundFunctions
{
    // SLS1010 (on RefundReceipt): the result type is not registered in RefundJson, so the handler has no metadata to
    // write the response with. Add [JsonSerializable(typeof(RefundReceipt))] to RefundJson.
    [LambdaFunction]
    public RefundReceipt Issue(Refund refund) => new(refund.OrderId, "issued");

    [LambdaFunction]
    public string Audit(string body)
    {
        // SLS4005: the reflection-based overload; under Native AOT it throws at run time. Pass the JsonTypeInfo from a
        // context: JsonSerializer.Deserialize(body, RefundJson.Default.RefundAudit).
        var audit = JsonSerializer.Deserialize<RefundAudit>(body)!;
        return audit.OrderId + " by " + audit.By;
    }
}
