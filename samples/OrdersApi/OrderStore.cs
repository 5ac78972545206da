using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrdersApi;

/// <summary>
/// The orders table through the low-level client and the generated <see cref="OrderMapper"/>: every request is one
/// DynamoDB call, and items are converted without reflection. Created once per execution environment (a singleton of
/// the <see cref="Startup"/> container), like the client it uses.
/// </summary>
public sealed class OrderStore(IAmazonDynamoDB dynamoDb, OrdersSettings settings)
{
    readonly string _table = settings.TableName;

    public async Task<IReadOnlyList<Order>> ListAsync(int limit)
    {
        // A Scan reads the table in partition order: this is "some orders", fine for an admin list. Anything that
        // needs an order (a customer's orders, newest first) reads an index instead, as ListByCustomerAsync does.
        var response = await dynamoDb.ScanAsync(new ScanRequest { TableName = _table, Limit = limit });
        return FromItems(response.Items);
    }

    public async Task<Order?> GetAsync(Guid id)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = _table, Key = OrderMapper.ToKey(id) });
        // AWSSDK v4 leaves Item null (not empty) when there is no such item.
        return response.Item is { Count: > 0 } item ? OrderMapper.FromItem(item) : null;
    }

    public async Task CreateAsync(Order order)
    {
        await dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = _table,
            Item = OrderMapper.ToItem(order),
            // The id is new; never overwrite an existing order if a Guid ever repeated.
            ConditionExpression = "attribute_not_exists(#id)",
            ExpressionAttributeNames = new() { ["#id"] = OrderMapper.Attributes.Id },
        });
    }

    /// <summary>
    /// Replaces the customer, lines, note and total of an existing order in one conditional UpdateItem and returns the
    /// stored result; null when there is no such order (the condition keeps a deleted order from being recreated).
    /// </summary>
    public async Task<Order?> ReplaceAsync(Guid id, Order changes)
    {
        // The mapper writes the attribute values exactly as PutItem would store them; pick the ones that change.
        var values = OrderMapper.ToItem(changes);
        var names = new Dictionary<string, string>
        {
            ["#id"] = OrderMapper.Attributes.Id,
            ["#customer"] = OrderMapper.Attributes.CustomerId,
            ["#lines"] = OrderMapper.Attributes.Lines,
            ["#total"] = OrderMapper.Attributes.Total,
            ["#note"] = OrderMapper.Attributes.Note,
        };
        var expressionValues = new Dictionary<string, AttributeValue>
        {
            [":customer"] = values[OrderMapper.Attributes.CustomerId],
            [":lines"] = values[OrderMapper.Attributes.Lines],
            [":total"] = values[OrderMapper.Attributes.Total],
        };
        var update = "SET #customer = :customer, #lines = :lines, #total = :total";
        if (values.TryGetValue(OrderMapper.Attributes.Note, out var note))
        {
            expressionValues[":note"] = note;
            update += ", #note = :note";
        }
        else
        {
            update += " REMOVE #note";
        }

        try
        {
            var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _table,
                Key = OrderMapper.ToKey(id),
                UpdateExpression = update,
                ConditionExpression = "attribute_exists(#id)",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = expressionValues,
                ReturnValues = ReturnValue.ALL_NEW,
            });
            return OrderMapper.FromItem(response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>Deletes the order; false when there was none (ALL_OLD returns no attributes then).</summary>
    public async Task<bool> DeleteAsync(Guid id)
    {
        var response = await dynamoDb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = _table,
            Key = OrderMapper.ToKey(id),
            ReturnValues = ReturnValue.ALL_OLD,
        });
        return response.Attributes is { Count: > 0 };
    }

    /// <summary>A customer's orders, newest first, from the <c>ByCustomer</c> index (hash CustomerId, range CreatedAt).</summary>
    public async Task<IReadOnlyList<Order>> ListByCustomerAsync(string customerId, int limit)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = _table,
            IndexName = OrderMapper.Indexes.ByCustomer,
            KeyConditionExpression = "#customer = :customer",
            ExpressionAttributeNames = new() { ["#customer"] = OrderMapper.Attributes.CustomerId },
            ExpressionAttributeValues = new() { [":customer"] = new AttributeValue { S = customerId } },
            ScanIndexForward = false,
            Limit = limit,
        });
        return FromItems(response.Items);
    }

    static List<Order> FromItems(List<Dictionary<string, AttributeValue>>? items)
    {
        var orders = new List<Order>(items?.Count ?? 0);
        if (items is not null)
        {
            foreach (var item in items)
            {
                orders.Add(OrderMapper.FromItem(item));
            }
        }

        return orders;
    }
}
