using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sharpless.Benchmarks.Events;

/// <summary>
/// The two converters the Lambda JSON serializers register that these events need: binary values (SQS binary message
/// attributes, DynamoDB <c>B</c>/<c>BS</c>) arrive as base64 strings and become <see cref="MemoryStream"/>s, and
/// DynamoDB's <c>ApproximateCreationDateTime</c> arrives as epoch seconds.
/// </summary>
public sealed class Base64MemoryStreamConverter : JsonConverter<MemoryStream>
{
    public override MemoryStream Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetBytesFromBase64());

    public override void Write(Utf8JsonWriter writer, MemoryStream value, JsonSerializerOptions options) =>
        writer.WriteBase64StringValue(value.ToArray());
}

/// <summary>Epoch seconds (a JSON number) or an ISO 8601 string to a UTC <see cref="DateTime"/>.</summary>
public sealed class EpochSecondsDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? DateTime.UnixEpoch.AddTicks((long)(reader.GetDouble() * TimeSpan.TicksPerSecond))
            : reader.GetDateTime();

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((value.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds);
}

/// <summary>
/// The reflection variant of the baselines: the same settings as the source-generated contexts (those of the Lambda
/// serializers: case-insensitive names, camelCase, nulls not written, the converters above), metadata by reflection.
/// </summary>
public static class ReflectionLambdaJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new Base64MemoryStreamConverter(), new EpochSecondsDateTimeConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };
}
