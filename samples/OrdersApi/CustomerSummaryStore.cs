using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrdersApi;

/// <summary>
/// The customer summaries table. A summary is recomputed from the customer's orders (the <c>ByCustomer</c> index)
/// rather than incremented, so handling a stream record twice — Lambda delivers stream records at least once — or out
/// of order leaves the same, correct summary.
/// </summary>
public sealed class CustomerSummaryStore(IAmazonDynamoDB dynamoDb, OrdersSettings settings)
{
    public async Task<CustomerSummary?> GetAsync(string customerId)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = settings.SummariesTableName,
            Key = CustomerSummaryMapper.ToKey(customerId),
        });
        return response.Item is { Count: > 0 } item ? CustomerSummaryMapper.FromItem(item) : null;
    }

    /// <summary>Recomputes one customer's summary; a customer without orders has none.</summary>
    public async Task RefreshAsync(string customerId)
    {
        var count = 0;
        var total = 0m;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = settings.TableName,
                IndexName = OrderMapper.Indexes.ByCustomer,
                KeyConditionExpression = "#customer = :customer",
                ExpressionAttributeNames = new() { ["#customer"] = OrderMapper.Attributes.CustomerId },
                ExpressionAttributeValues = new() { [":customer"] = new AttributeValue { S = customerId } },
                ExclusiveStartKey = start,
            });
            foreach (var item in page.Items ?? [])
            {
                count++;
                total += OrderMapper.FromItem(item).Total;
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        if (count == 0)
        {
            await dynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = settings.SummariesTableName, Key = CustomerSummaryMapper.ToKey(customerId) });
            return;
        }

        var summary = new CustomerSummary { CustomerId = customerId, OrderCount = count, Total = total, UpdatedAt = OrderRules.UtcNow() };
        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = settings.SummariesTableName, Item = CustomerSummaryMapper.ToItem(summary) });
    }
}
