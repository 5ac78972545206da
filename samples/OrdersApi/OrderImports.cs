using Amazon.DynamoDBv2.Model;
using Sharpless;
using Sharpless.Events;

namespace OrdersApi;

/// <summary>
/// A function triggered by the <c>OrderImportQueue</c>: partners send orders as messages in the shape of
/// <c>POST /orders</c>. Each message is handled on its own; one that fails is reported in <c>batchItemFailures</c>, so
/// only it returns to the queue, and after three receives the queue moves it to <c>OrderImportDeadLetters</c>.
/// </summary>
public sealed class OrderImports(OrderStore store)
{
    [LambdaFunction(MemorySize = 256, Timeout = 30, Policies = "@OrdersTableAccess")]
    [SQSEvent("@OrderImportQueue", BatchSize = 10)]
    public async Task ImportOrder(OrderRequest request, SqsMessage message)
    {
        var errors = OrderRules.Validate(request);
        if (errors.Count > 0)
        {
            // Retrying cannot make it valid: it goes to the dead-letter queue after its receives, for a person to look at.
            throw new InvalidDataException($"Message {message.MessageId} is not a valid order: " + string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))));
        }

        // SQS delivers a message at least once; the order's id comes from the message, so a second delivery finds the
        // order already there instead of creating a twin.
        var order = OrderRules.Apply(request, new Order
        {
            Id = Guid.TryParse(message.MessageId, out var id) ? id : Guid.NewGuid(),
            CreatedAt = OrderRules.UtcNow(),
            Status = OrderStatus.Placed,
        });
        try
        {
            await store.CreateAsync(order);
        }
        catch (ConditionalCheckFailedException)
        {
            // Imported by an earlier delivery of this message.
        }
    }
}
