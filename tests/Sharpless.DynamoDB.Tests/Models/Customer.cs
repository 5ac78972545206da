using Amazon.DynamoDBv2.DataModel;

namespace Sharpless.DynamoDB.Tests.Models;

/// <summary>[DynamoDBFlatten]: the address's and the contact's members are stored as the customer's own attributes.</summary>
[DynamoDBTable("Customers")]
public class Customer
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    [DynamoDBFlatten]
    public PostalAddress? Address { get; set; }

    [DynamoDBFlatten]
    public Contact Contact { get; set; }
}

public class PostalAddress
{
    public string? Street { get; set; }

    [DynamoDBProperty("zip")]
    public string? PostCode { get; set; }

    public List<string>? Lines { get; set; }
}

public struct Contact
{
    public string? Email { get; set; }
    public bool Verified { get; set; }
}
