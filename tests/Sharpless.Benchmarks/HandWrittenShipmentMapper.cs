using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Sharpless.Benchmarks.Models;

namespace Sharpless.Benchmarks;

/// <summary>
/// The mapper a careful engineer writes by hand for <see cref="Shipment"/>: pre-sized dictionaries and lists, invariant
/// culture, no LINQ, no reflection, one TryGetValue per attribute. It stores exactly what DynamoDBContext (conversion
/// V1) stores for the benchmark item: nulls and empty strings and empty sets are left out, bool is N "1"/"0", enums are
/// their number, DateTime is ISO-8601 UTC with milliseconds, a HashSet of strings is SS, nested objects are M, a list
/// of objects is L of M. Its error handling is the framework's (Parse throws), unlike the generated mapper's
/// <c>ItemMappingException</c> with an attribute path.
/// </summary>
public static class HandWrittenShipmentMapper
{
    private const string IsoDateTime = "yyyy-MM-dd\\THH:mm:ss.fff\\Z";

    public static Dictionary<string, AttributeValue> ToItem(Shipment value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var item = new Dictionary<string, AttributeValue>(15);
        PutString(item, "pk", value.Id);
        PutString(item, "sk", value.Sort);
        PutString(item, "CustomerId", value.CustomerId);
        PutString(item, "email", value.Email);
        item["Version"] = new AttributeValue { N = value.Version.ToString(CultureInfo.InvariantCulture) };
        item["Sequence"] = new AttributeValue { N = value.Sequence.ToString(CultureInfo.InvariantCulture) };
        item["Total"] = new AttributeValue { N = value.Total.ToString(CultureInfo.InvariantCulture) };
        item["WeightKg"] = new AttributeValue { N = value.WeightKg.ToString("R", CultureInfo.InvariantCulture) };
        item["Insured"] = new AttributeValue { N = value.Insured ? "1" : "0" };
        item["CreatedAt"] = new AttributeValue { S = value.CreatedAt.ToUniversalTime().ToString(IsoDateTime, CultureInfo.InvariantCulture) };
        item["TrackingId"] = new AttributeValue { S = value.TrackingId.ToString("D") };
        item["Status"] = new AttributeValue { N = ((int)value.Status).ToString(CultureInfo.InvariantCulture) };

        if (value.Tags is { Count: > 0 } tags)
        {
            var set = new List<string>(tags.Count);
            foreach (var tag in tags)
            {
                set.Add(tag);
            }

            item["Tags"] = new AttributeValue { SS = set };
        }

        if (value.Destination is { } destination)
        {
            var map = new Dictionary<string, AttributeValue>(4);
            PutString(map, "Street", destination.Street);
            PutString(map, "City", destination.City);
            PutString(map, "PostalCode", destination.PostalCode);
            PutString(map, "Country", destination.Country);
            item["Destination"] = new AttributeValue { M = map };
        }

        if (value.Lines is { } lines)
        {
            var list = new List<AttributeValue>(lines.Count);
            foreach (var line in lines)
            {
                if (line is null)
                {
                    list.Add(new AttributeValue { NULL = true });
                    continue;
                }

                var map = new Dictionary<string, AttributeValue>(4);
                PutString(map, "Sku", line.Sku);
                map["Quantity"] = new AttributeValue { N = line.Quantity.ToString(CultureInfo.InvariantCulture) };
                map["UnitPrice"] = new AttributeValue { N = line.UnitPrice.ToString(CultureInfo.InvariantCulture) };
                PutString(map, "Description", line.Description);
                list.Add(new AttributeValue { M = map });
            }

            item["Lines"] = new AttributeValue { L = list };
        }

        return item;
    }

    public static Shipment FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var result = new Shipment();
        if (item.TryGetValue("pk", out var value)) result.Id = value.S;
        if (item.TryGetValue("sk", out value)) result.Sort = value.S;
        if (item.TryGetValue("CustomerId", out value)) result.CustomerId = value.S;
        if (item.TryGetValue("email", out value)) result.Email = value.S;
        if (item.TryGetValue("Version", out value)) result.Version = int.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture);
        if (item.TryGetValue("Sequence", out value)) result.Sequence = long.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture);
        if (item.TryGetValue("Total", out value)) result.Total = decimal.Parse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (item.TryGetValue("WeightKg", out value)) result.WeightKg = double.Parse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (item.TryGetValue("Insured", out value)) result.Insured = value.N == "1";
        if (item.TryGetValue("CreatedAt", out value)) result.CreatedAt = DateTime.Parse(value.S, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        if (item.TryGetValue("TrackingId", out value)) result.TrackingId = Guid.Parse(value.S);
        if (item.TryGetValue("Status", out value)) result.Status = (ShipmentStatus)int.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture);

        if (item.TryGetValue("Tags", out value) && value.SS is { } set)
        {
            var tags = new HashSet<string>(set.Count);
            foreach (var tag in set)
            {
                tags.Add(tag);
            }

            result.Tags = tags;
        }

        if (item.TryGetValue("Destination", out value) && value.M is { } map)
        {
            var destination = new ShipmentAddress();
            if (map.TryGetValue("Street", out var field)) destination.Street = field.S;
            if (map.TryGetValue("City", out field)) destination.City = field.S;
            if (map.TryGetValue("PostalCode", out field)) destination.PostalCode = field.S;
            if (map.TryGetValue("Country", out field)) destination.Country = field.S;
            result.Destination = destination;
        }

        if (item.TryGetValue("Lines", out value) && value.L is { } list)
        {
            var lines = new List<ShipmentLine>(list.Count);
            foreach (var element in list)
            {
                if (element.M is not { } line)
                {
                    lines.Add(null!);
                    continue;
                }

                var entry = new ShipmentLine();
                if (line.TryGetValue("Sku", out var field)) entry.Sku = field.S;
                if (line.TryGetValue("Quantity", out field)) entry.Quantity = int.Parse(field.N, NumberStyles.Integer, CultureInfo.InvariantCulture);
                if (line.TryGetValue("UnitPrice", out field)) entry.UnitPrice = decimal.Parse(field.N, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (line.TryGetValue("Description", out field)) entry.Description = field.S;
                lines.Add(entry);
            }

            result.Lines = lines;
        }

        return result;
    }

    // DynamoDBContext does not store null or empty strings.
    private static void PutString(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = new AttributeValue { S = value };
        }
    }
}
