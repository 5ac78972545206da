using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.Connections;

public sealed class SLS5003ConnectionPoolCreatedPerInvocationTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code, "SLS5003");

    [Fact]
    public Task NpgsqlDataSource_IsReported_WithItsMessage() => Project("""
        using System.Threading.Tasks;
        using Npgsql;
        using Sharpless;
        public class Function
        {
            private const string ConnectionString = "Host=db;Username=app;Database=orders";

            [LambdaFunction]
            public async Task<object?> Handle()
            {
                await using var dataSource = [|NpgsqlDataSource.Create(ConnectionString)|];
                await using var command = dataSource.CreateCommand("select 1");
                return await command.ExecuteScalarAsync();
            }
        }
        """)
        .ShouldReportDiagnosticWithMessage("'NpgsqlDataSource' is created on every invocation of 'Function.Handle'; it owns a connection pool, so create it once per execution environment and reuse it")
        .ValidateAsync();

    [Fact]
    public Task EveryPoolOwner_IsReported() => Project("""
        using System.Threading.Tasks;
        using MongoDB.Driver;
        using MySqlConnector;
        using Npgsql;
        using Sharpless;
        using StackExchange.Redis;
        public class Function
        {
            [LambdaFunction]
            public object Builder() => [|new NpgsqlDataSourceBuilder("Host=db").Build()|];

            [LambdaFunction]
            public object MultiHost() => [|new NpgsqlDataSourceBuilder("Host=a,b").BuildMultiHost()|];

            [LambdaFunction]
            public object MySql() => [|new MySqlDataSource("Server=db")|];

            [LambdaFunction]
            public object MySqlBuilder() => [|new MySqlDataSourceBuilder("Server=db").Build()|];

            [LambdaFunction]
            public object Redis() => [|ConnectionMultiplexer.Connect("cache:6379")|];

            [LambdaFunction]
            public async Task<object> RedisAsync() => await [|ConnectionMultiplexer.ConnectAsync("cache:6379")|];

            [LambdaFunction]
            public object Mongo() => [|new MongoClient("mongodb://db")|].GetDatabase("orders");
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task PoolsSharedAcrossInvocations_AndPerInvocationConnectionsFromThem_AreNotReported() => Project("""
        using System.Threading.Tasks;
        using MongoDB.Driver;
        using Npgsql;
        using Sharpless;
        using StackExchange.Redis;
        public class Function
        {
            private static readonly NpgsqlDataSource s_dataSource = NpgsqlDataSource.Create("Host=db");
            private static readonly System.Lazy<ConnectionMultiplexer> s_redis = new(() => ConnectionMultiplexer.Connect("cache"));
            private readonly IMongoClient _mongo;

            public Function() { _mongo = new MongoClient("mongodb://db"); }

            [LambdaFunction]
            public async Task<object?> Handle()
            {
                await using var connection = await s_dataSource.OpenConnectionAsync();
                await using var pooled = new NpgsqlConnection("Host=db;Database=orders");
                await s_redis.Value.GetDatabase().StringSetAsync("k", "v");
                return _mongo.GetDatabase("orders");
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task Fix_HoistsTheDataSource() => Project("""
        using System.Threading.Tasks;
        using Npgsql;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public async Task<object?> Handle()
            {
                var dataSource = [|NpgsqlDataSource.Create("Host=db")|];
                await using var command = dataSource.CreateCommand("select 1");
                return await command.ExecuteScalarAsync();
            }
        }
        """)
        .ShouldFixCodeWith("""
        using System.Threading.Tasks;
        using Npgsql;
        using Sharpless;
        public class Function
        {
            private static readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create("Host=db");

            [LambdaFunction]
            public async Task<object?> Handle()
            {
                await using var command = _dataSource.CreateCommand("select 1");
                return await command.ExecuteScalarAsync();
            }
        }
        """)
        .ValidateAsync();

    // A static Task<ConnectionMultiplexer> would cache a failed connect forever; the fix leaves that design to the user.
    [Fact]
    public Task NoFix_ForAnAwaitedConnect() => Project("""
        using System.Threading.Tasks;
        using Sharpless;
        using StackExchange.Redis;
        public class Function
        {
            [LambdaFunction]
            public async Task Handle()
            {
                var redis = await [|ConnectionMultiplexer.ConnectAsync("cache")|];
                await redis.GetDatabase().StringSetAsync("k", "v");
            }
        }
        """)
        .ShouldNotOfferCodeFix()
        .ValidateAsync();

    [Fact]
    public Task LibrariesTheProjectDoesNotReference_RegisterNothing() => new TestKit.ProjectBuilder()
        .WithAnalyzer<Sharpless.Common.PerInvocationWorkAnalyzer>()
        .WithSourceCode("""
            namespace StackExchange.Redis.Lookalike { public static class ConnectionMultiplexer { public static object Connect(string s) => s; } }
            public class Function
            {
                [Sharpless.LambdaFunction]
                public object Handle() => StackExchange.Redis.Lookalike.ConnectionMultiplexer.Connect("x");
            }
            """)
        .ValidateAsync();
}
