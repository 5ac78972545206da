using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Sharpless.Benchmarks.Events.LambdaEvents;
using SdkAttributeValue = Amazon.DynamoDBv2.Model.AttributeValue;

namespace Sharpless.Benchmarks.Events;

/// <summary>
/// The usual way to write a DynamoDB stream function in .NET, the baseline of issue #23: the Lambda serializer reads the
/// whole event into <see cref="DynamoDBEvent"/> (images in the event library's own attribute values), each image is
/// converted to the SDK's attribute values, wrapped in a <see cref="Document"/> and read into the model by
/// <see cref="DynamoDBContext.FromDocument{T}(Document)"/> (a warm context, built once), the first failed record is
/// reported in a <see cref="StreamsEventResponse"/>, and the serializer writes that response to a new stream.
/// </summary>
public sealed class StjDynamoDBStreamHandler
{
    private readonly IDynamoDBContext _context;
    private readonly JsonTypeInfo<DynamoDBEvent> _event;
    private readonly JsonTypeInfo<StreamsEventResponse> _response;

    private StjDynamoDBStreamHandler(IDynamoDBContext context, JsonTypeInfo<DynamoDBEvent> @event, JsonTypeInfo<StreamsEventResponse> response)
    {
        _context = context;
        _event = @event;
        _response = response;
    }

    /// <summary>Metadata from <see cref="StreamFunctionJson"/>, as a Native AOT function has it.</summary>
    public static StjDynamoDBStreamHandler SourceGenerated(IDynamoDBContext context) =>
        new(context, StreamFunctionJson.Default.DynamoDBEvent, StreamFunctionJson.Default.StreamsEventResponse);

    /// <summary>Metadata by reflection, with the same settings (<see cref="ReflectionLambdaJson"/>).</summary>
    public static StjDynamoDBStreamHandler Reflection(IDynamoDBContext context) => new(
        context,
        (JsonTypeInfo<DynamoDBEvent>)ReflectionLambdaJson.Options.GetTypeInfo(typeof(DynamoDBEvent)),
        (JsonTypeInfo<StreamsEventResponse>)ReflectionLambdaJson.Options.GetTypeInfo(typeof(StreamsEventResponse)));

    public Stream Handle(Stream input)
    {
        var streamEvent = JsonSerializer.Deserialize(input, _event)!;
        var failures = new List<StreamsEventResponse.BatchItemFailure>();
        foreach (var record in streamEvent.Records)
        {
            try
            {
                var oldImage = record.Dynamodb.OldImage is { } old ? Read(old) : null;
                var newImage = record.Dynamodb.NewImage is { } current ? Read(current) : null;
                OrdersProjector.OnChange(oldImage, newImage);
            }
            catch (Exception)
            {
                // Lambda retries from the first sequence number reported.
                failures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = record.Dynamodb.SequenceNumber });
                break;
            }
        }

        var output = new MemoryStream();
        JsonSerializer.Serialize(output, new StreamsEventResponse { BatchItemFailures = failures }, _response);
        output.Position = 0;
        return output;
    }

    private StoredOrder Read(Dictionary<string, DynamoDBEvent.AttributeValue> image) =>
        _context.FromDocument<StoredOrder>(Document.FromAttributeMap(ToSdk(image)));

    /// <summary>The event library's attribute values as the SDK's (a pre-sized copy, no LINQ).</summary>
    public static Dictionary<string, SdkAttributeValue> ToSdk(Dictionary<string, DynamoDBEvent.AttributeValue> image)
    {
        var map = new Dictionary<string, SdkAttributeValue>(image.Count, StringComparer.Ordinal);
        foreach (var (name, value) in image)
        {
            map[name] = ToSdk(value);
        }

        return map;
    }

    private static SdkAttributeValue ToSdk(DynamoDBEvent.AttributeValue value)
    {
        var sdk = new SdkAttributeValue();
        if (value.S is not null) sdk.S = value.S;
        else if (value.N is not null) sdk.N = value.N;
        else if (value.BOOL is { } flag) sdk.BOOL = flag;
        else if (value.NULL is { } isNull) sdk.NULL = isNull;
        else if (value.B is not null) sdk.B = value.B;
        else if (value.SS is not null) sdk.SS = value.SS;
        else if (value.NS is not null) sdk.NS = value.NS;
        else if (value.BS is not null) sdk.BS = value.BS;
        else if (value.M is not null) sdk.M = ToSdk(value.M);
        else if (value.L is not null)
        {
            var list = new List<SdkAttributeValue>(value.L.Count);
            foreach (var element in value.L)
            {
                list.Add(ToSdk(element));
            }

            sdk.L = list;
        }

        return sdk;
    }
}
