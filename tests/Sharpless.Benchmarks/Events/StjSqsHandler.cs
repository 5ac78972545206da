using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sharpless.Benchmarks.Events.LambdaEvents;

namespace Sharpless.Benchmarks.Events;

/// <summary>
/// The usual way to write an SQS function in .NET, the baseline of issue #23: the Lambda serializer reads the whole
/// event into <see cref="SQSEvent"/> from the runtime's stream, the function deserializes each message's body with the
/// same context, lists the messages that threw in an <see cref="SQSBatchResponse"/>, and the serializer writes that
/// response to a new stream. Source-generated metadata (as under Native AOT) or, for the reflection variant, the same
/// settings with reflection metadata.
/// </summary>
public sealed class StjSqsHandler
{
    private readonly JsonTypeInfo<SQSEvent> _event;
    private readonly JsonTypeInfo<OrderMessage> _body;
    private readonly JsonTypeInfo<SQSBatchResponse> _response;

    private StjSqsHandler(JsonTypeInfo<SQSEvent> @event, JsonTypeInfo<OrderMessage> body, JsonTypeInfo<SQSBatchResponse> response)
    {
        _event = @event;
        _body = body;
        _response = response;
    }

    /// <summary>Metadata from <see cref="SqsFunctionJson"/>, as a Native AOT function has it.</summary>
    public static StjSqsHandler SourceGenerated() =>
        new(SqsFunctionJson.Default.SQSEvent, SqsFunctionJson.Default.OrderMessage, SqsFunctionJson.Default.SQSBatchResponse);

    /// <summary>Metadata by reflection, with the same settings (<see cref="ReflectionLambdaJson"/>).</summary>
    public static StjSqsHandler Reflection() => new(
        (JsonTypeInfo<SQSEvent>)ReflectionLambdaJson.Options.GetTypeInfo(typeof(SQSEvent)),
        (JsonTypeInfo<OrderMessage>)ReflectionLambdaJson.Options.GetTypeInfo(typeof(OrderMessage)),
        (JsonTypeInfo<SQSBatchResponse>)ReflectionLambdaJson.Options.GetTypeInfo(typeof(SQSBatchResponse)));

    public Stream Handle(Stream input)
    {
        var sqsEvent = JsonSerializer.Deserialize(input, _event)!;
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in sqsEvent.Records)
        {
            try
            {
                var order = JsonSerializer.Deserialize(message.Body, _body) ?? throw new JsonException("The message body is JSON null.");
                OrderQueueConsumer.Handle(order);
            }
            catch (Exception)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        var output = new MemoryStream();
        JsonSerializer.Serialize(output, new SQSBatchResponse { BatchItemFailures = failures }, _response);
        output.Position = 0;
        return output;
    }
}
