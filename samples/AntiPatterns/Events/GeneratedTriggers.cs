using System.Threading.Tasks;
using Sharpless;

namespace AntiPatterns.Events;

public sealed record Shipment(string Id);

public static class ShipmentFunctions
{
    // SLS7001: above 10 messages per batch AWS requires a batching window of at least one second; the deployment fails.
    [SQSEvent("@ShipmentQueue", BatchSize = 100)]
    public static void Ship(Shipment shipment)
    {
    }

    // SLS7002: a batch function reports failure by throwing; the generated handler has nowhere to put a result.
    [SQSEvent("@ShipmentQueue")]
    public static Task<bool> Confirm(Shipment shipment) => Task.FromResult(true);

    // SLS7008: a FIFO queue's groups must be handled in order; in-batch concurrency cannot apply.
    [SQSEvent("arn:aws:sqs:eu-west-1:123456789012:shipments.fifo", MaxInBatchConcurrency = 4)]
    public static void Track(Shipment shipment)
    {
    }
}
