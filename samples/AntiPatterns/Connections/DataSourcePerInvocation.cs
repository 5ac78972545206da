using Npgsql;
using Sharpless;

namespace AntiPatterns.Connections;

public class StockFunctions
{
    [LambdaFunction]
    public async Task<string> CountStock(string sku)
    {
        // SLS5003: a data source owns a connection pool; one per invocation means a new pool (and new connections) on
        // every call, and the old pool's connections linger until the environment is frozen. Create it once.
        await using var dataSource = NpgsqlDataSource.Create("Host=stock-db.internal;Database=stock;Username=app");
        await using var connection = await dataSource.OpenConnectionAsync();
        return sku + "@" + connection.Database;
    }
}
