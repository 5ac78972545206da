using Npgsql;
using Sharpless;

namespace AntiPatterns.Connections;

public class AuditFunctions
{
    [LambdaFunction]
    public async Task<string> WriteAudit(string entry)
    {
        // SLS5004: Pooling=false turns the pool off, so every invocation pays a new TCP + TLS + authentication handshake.
        // Keep pooling on, or use a data source created once per execution environment.
        await using var connection = new NpgsqlConnection("Host=audit-db.internal;Database=audit;Username=app;Pooling=false");
        await connection.OpenAsync();
        return entry + "@" + connection.Database;
    }
}
