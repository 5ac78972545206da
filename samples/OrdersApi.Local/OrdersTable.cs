using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrdersApi.Local;

/// <summary>
/// The sample's tables as samples/OrdersApi/template.yaml declares them (Orders: hash key <c>Id</c>, index
/// <c>ByCustomer</c> on <c>CustomerId</c> and <c>CreatedAt</c>; CustomerSummaries: hash key <c>CustomerId</c>), created on
/// the local server. dynalite has no streams: the stream function is fed recorded or generated events (--invoke).
/// </summary>
internal static class OrdersTable
{
    public const string Name = "Orders";

    public const string SummariesName = "CustomerSummaries";

    public static async Task CreateAsync(IAmazonDynamoDB client)
    {
        // SDK v4 request collections are null until assigned.
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = Name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("Id", KeyType.HASH)],
            AttributeDefinitions =
            [
                new AttributeDefinition("Id", ScalarAttributeType.S),
                new AttributeDefinition("CustomerId", ScalarAttributeType.S),
                new AttributeDefinition("CreatedAt", ScalarAttributeType.S),
            ],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "ByCustomer",
                    KeySchema = [new KeySchemaElement("CustomerId", KeyType.HASH), new KeySchemaElement("CreatedAt", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        });
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = SummariesName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("CustomerId", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("CustomerId", ScalarAttributeType.S)],
        });
    }
}
