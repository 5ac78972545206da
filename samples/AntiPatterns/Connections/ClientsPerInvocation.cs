using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Sharpless;

namespace AntiPatterns.Connections;

/// <summary>Counts tables and loads an order, building the SDK client and the DynamoDBContext on every call.</summary>
public class ClientsPerInvocation
{
    [LambdaFunction]
    public Task<int> CountTables() => new TableCounter().Count();

    [LambdaFunction]
    public async Task<string> LoadOrder(string id)
    {
        // SLS5005: DynamoDBContext created per invocation. It reflects over Order (and may call DescribeTable) again
        // on every request instead of once per execution environment.
        var context = new DynamoDBContextBuilder().Build();
        var order = await context.LoadAsync<StoredOrder>(id);
        return order?.Id ?? "missing";
    }
}

public class TableCounter
{
    public async Task<int> Count()
    {
        // SLS5001, found through the call graph: ClientsPerInvocation.CountTables creates a TableCounter per call, so
        // this client (credentials, endpoint resolution, connection pool) is built on every invocation.
        using var client = new AmazonDynamoDBClient();
        return (await client.ListTablesAsync()).TableNames.Count;
    }
}

[DynamoDBTable("Orders")]
public class StoredOrder
{
    [DynamoDBHashKey]
    [System.ComponentModel.DataAnnotations.MaxLength(64)]
    public string Id { get; set; } = "";
}
