using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;

namespace Sharpless.DynamoDB.Tests.Models;

/// <summary>Members stored through the SDK's IPropertyConverter, the way existing models customise storage.</summary>
[DynamoDBTable("Invoices")]
public class Invoice
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    [DynamoDBProperty(typeof(AmountConverter))]
    public Amount? Total { get; set; }

    [DynamoDBProperty("due", typeof(UnixDaysConverter))]
    public DateOnly DueDate { get; set; }

    [DynamoDBProperty(Converter = typeof(CsvConverter))]
    public List<string>? Recipients { get; set; }
}

public sealed record Amount(decimal Value, string Currency);

/// <summary>"12.50 EUR".</summary>
public sealed class AmountConverter : IPropertyConverter
{
    public DynamoDBEntry ToEntry(object value)
    {
        var amount = (Amount)value;
        return new Primitive(amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + amount.Currency);
    }

    public object FromEntry(DynamoDBEntry entry)
    {
        var parts = entry.AsString().Split(' ');
        return new Amount(decimal.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1]);
    }
}

/// <summary>Days since 1970-01-01, as a number.</summary>
public sealed class UnixDaysConverter : IPropertyConverter
{
    public DynamoDBEntry ToEntry(object value) => ((DateOnly)value).DayNumber - DateOnly.FromDayNumber(719162).DayNumber;

    public object FromEntry(DynamoDBEntry entry) => DateOnly.FromDayNumber(entry.AsInt() + 719162);
}

/// <summary>A list kept as one comma-separated string.</summary>
public sealed class CsvConverter : IPropertyConverter
{
    public DynamoDBEntry ToEntry(object value) => string.Join(",", (List<string>)value);

    public object FromEntry(DynamoDBEntry entry) => entry.AsString().Split(',').ToList();
}
