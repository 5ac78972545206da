using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace OrdersApi.Local;

/// <summary>
/// Events in the shapes Lambda delivers them, for functions whose source does not run locally: an SQS batch, and a
/// DynamoDB stream record written from an item (dynalite has no streams), with the stream's attribute-value JSON.
/// </summary>
internal static class LocalEvents
{
    /// <summary>An SQS batch of one message per body, IDs as SQS gives them (a UUID each).</summary>
    public static string SqsBatch(string queueArn, params (Guid MessageId, string Body)[] messages)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            foreach (var (id, body) in messages)
            {
                json.WriteStartObject();
                json.WriteString("messageId", id.ToString());
                json.WriteString("receiptHandle", "local-" + id.ToString("N"));
                json.WriteString("body", body);
                json.WriteStartObject("attributes");
                json.WriteString("ApproximateReceiveCount", "1");
                json.WriteString("SentTimestamp", sent);
                json.WriteString("SenderId", "LOCAL");
                json.WriteString("ApproximateFirstReceiveTimestamp", sent);
                json.WriteEndObject();
                json.WriteStartObject("messageAttributes");
                json.WriteEndObject();
                json.WriteString("eventSource", "aws:sqs");
                json.WriteString("eventSourceARN", queueArn);
                json.WriteString("awsRegion", "us-east-1");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One stream record (INSERT, MODIFY or REMOVE) with NEW_AND_OLD_IMAGES, as the table's stream would carry it.</summary>
    public static string StreamRecord(string eventName, Dictionary<string, AttributeValue> keys, Dictionary<string, AttributeValue>? oldImage, Dictionary<string, AttributeValue>? newImage, long sequenceNumber)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            json.WriteStartObject();
            json.WriteString("eventID", Guid.NewGuid().ToString("N"));
            json.WriteString("eventName", eventName);
            json.WriteString("eventVersion", "1.1");
            json.WriteString("eventSource", "aws:dynamodb");
            json.WriteString("awsRegion", "us-east-1");
            json.WriteStartObject("dynamodb");
            json.WriteNumber("ApproximateCreationDateTime", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            WriteMap(json, "Keys", keys);
            if (newImage is not null)
            {
                WriteMap(json, "NewImage", newImage);
            }

            if (oldImage is not null)
            {
                WriteMap(json, "OldImage", oldImage);
            }

            json.WriteString("SequenceNumber", sequenceNumber.ToString(CultureInfo.InvariantCulture));
            json.WriteString("StreamViewType", "NEW_AND_OLD_IMAGES");
            json.WriteEndObject();
            json.WriteString("eventSourceARN", "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/local");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMap(Utf8JsonWriter json, string name, Dictionary<string, AttributeValue> map)
    {
        json.WriteStartObject(name);
        WriteEntries(json, map);
        json.WriteEndObject();
    }

    private static void WriteEntries(Utf8JsonWriter json, Dictionary<string, AttributeValue> map)
    {
        foreach (var (key, value) in map)
        {
            json.WritePropertyName(key);
            WriteValue(json, value);
        }
    }

    private static void WriteValue(Utf8JsonWriter json, AttributeValue value)
    {
        json.WriteStartObject();
        if (value.S is not null) json.WriteString("S", value.S);
        else if (value.N is not null) json.WriteString("N", value.N);
        else if (value.B is not null) json.WriteBase64String("B", value.B.ToArray());
        else if (value.BOOL is bool flag) json.WriteBoolean("BOOL", flag);
        else if (value.NULL is true) json.WriteBoolean("NULL", true);
        else if (value.SS is not null) WriteStrings(json, "SS", value.SS);
        else if (value.NS is not null) WriteStrings(json, "NS", value.NS);
        else if (value.M is not null)
        {
            json.WriteStartObject("M");
            WriteEntries(json, value.M);
            json.WriteEndObject();
        }
        else if (value.L is not null)
        {
            json.WriteStartArray("L");
            foreach (var item in value.L)
            {
                WriteValue(json, item);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, List<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
