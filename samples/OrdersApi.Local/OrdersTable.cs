using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrdersApi.Local;

/// <summary>
/// The sample's table as samples/OrdersApi/template.yaml declares it (hash key <c>Id</c>, index <c>ByCustomer</c> on
/// <c>CustomerId</c> and <c>CreatedAt</c>), created on the local server.
/// </summary>
internal static class OrdersTable
{
    public const string Name = "Orders";

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
    }
}
