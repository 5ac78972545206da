using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.Networking;

public sealed class SLS6004And6005PerInvocationTests
{
    private const string Direct = "orders.c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com";

    [Fact]
    public Task DirectInstanceEndpoint_InAHandler_IsReported() => PerInvocationProject.Create($$"""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Npgsql;
        namespace Orders;
        public class Function
        {
            public async Task<long> Handle(string input, ILambdaContext context)
            {
                await using var connection = [|new NpgsqlConnection("Host={{Direct}};Database=shop;Username=app")|];
                await connection.OpenAsync();
                return 0;
            }
        }
        """, "SLS6004")
        .ShouldReportDiagnosticWithMessage($"'{Direct}' is an RDS database endpoint that code running on every invocation of 'Function.Handle' connects to directly; under concurrency every execution environment holds its own connections and can exhaust the database's limit: consider connecting through an RDS Proxy")
        .ValidateAsync();

    [Fact]
    public Task EveryShapeOfADirectEndpoint_IsReported() => PerInvocationProject.Create($$"""
        using Amazon.Lambda.Core;
        using Npgsql;
        namespace Orders;
        public class Function
        {
            private const string Cluster = "Host=orders.cluster-c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com;Database=shop";

            public object Constant(string input, ILambdaContext context) => [|new NpgsqlConnection(Cluster)|];

            public object Interpolated(string password, ILambdaContext context) =>
                [|new NpgsqlConnection($"Host=orders.cluster-ro-c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com;Password={password}")|];

            public object Local(string input, ILambdaContext context)
            {
                var host = "{{Direct}}";
                return [|new NpgsqlConnectionStringBuilder { Host = host, Database = "shop" }|];
            }

            public object China(string input, ILambdaContext context) =>
                [|new NpgsqlConnection("Host=orders.c8a1b2c3d4e5.cn-north-1.rds.amazonaws.com.cn")|];
        }
        """, "SLS6004")
        .ValidateAsync();

    [Fact]
    public Task ProxyHosts_InitCode_ParametersAndLogs_AreQuiet() => PerInvocationProject.Create($$"""
        using System;
        using Amazon.Lambda.Core;
        using Npgsql;
        namespace Orders;
        public class Function
        {
            private static readonly NpgsqlDataSource s_dataSource = NpgsqlDataSource.Create("Host={{Direct}};Database=shop");

            public object Proxy(string input, ILambdaContext context) =>
                new NpgsqlConnection("Host=orders.proxy-c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com;Database=shop");

            public object FromInput(string connectionString, ILambdaContext context) => new NpgsqlConnection(connectionString);

            public string Logged(string input, ILambdaContext context)
            {
                Console.WriteLine("database: {{Direct}}");
                context.Logger.LogLine($"database: {{Direct}} for {input}");
                return input;
            }
        }
        """, "SLS6004")
        .ValidateAsync();

    [Fact]
    public Task DirectEndpoint_ReachedThroughAHelper_IsReportedWithThePath() => PerInvocationProject.Create($$"""
        using Amazon.Lambda.Core;
        using Npgsql;
        namespace Orders;
        public class Function
        {
            public object Handle(string input, ILambdaContext context) => Db.Open();
        }
        internal static class Db
        {
            public static NpgsqlConnection Open() => [|new NpgsqlConnection("Host={{Direct}}")|];
        }
        """, "SLS6004")
        .ShouldReportDiagnosticWithMessage($"'{Direct}' is an RDS database endpoint that code running on every invocation via Function.Handle → Db.Open connects to directly; under concurrency every execution environment holds its own connections and can exhaust the database's limit: consider connecting through an RDS Proxy")
        .ValidateAsync();

    [Fact]
    public Task ADataSourcePerInvocation_ToADirectEndpoint_IsTwoFindings() => PerInvocationProject.Create($$"""
        using Amazon.Lambda.Core;
        using Npgsql;
        namespace Orders;
        public class Function
        {
            public object Handle(string input, ILambdaContext context) => {|SLS5003:{|SLS6004:NpgsqlDataSource.Create("Host={{Direct}}")|}|};
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task AuthToken_PerInvocation_IsReported() => PerInvocationProject.Create("""
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.RDS.Util;
        namespace Orders;
        public class Function
        {
            public string Handle(string host, ILambdaContext context) =>
                [|RDSAuthTokenGenerator.GenerateAuthToken(RegionEndpoint.EUWest1, host, 5432, "app")|];
        }
        """, "SLS6005")
        .ShouldReportDiagnosticWithMessage("'RDSAuthTokenGenerator.GenerateAuthToken' generates an IAM authentication token on every invocation of 'Function.Handle'; a token is valid for 15 minutes: generate it in a periodic password provider of a data source created once per execution environment")
        .ValidateAsync();

    [Fact]
    public Task AuthToken_InAPeriodicPasswordProvider_AndInInit_IsQuiet_InAHelper_IsReported() => PerInvocationProject.Create("""
        using System;
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.RDS.Util;
        using Amazon.Runtime;
        using Npgsql;
        namespace Orders;
        public class Function
        {
            private static readonly string s_initToken = RDSAuthTokenGenerator.GenerateAuthToken("db-host", 5432, "app");

            private static readonly NpgsqlDataSource s_dataSource = new NpgsqlDataSourceBuilder("Host=db-host;Username=app")
                .UsePeriodicPasswordProvider(
                    (_, _) => new ValueTask<string>(RDSAuthTokenGenerator.GenerateAuthToken("db-host", 5432, "app")),
                    TimeSpan.FromMinutes(10),
                    TimeSpan.FromSeconds(5))
                .Build();

            public async Task<string> Handle(string input, ILambdaContext context) => await Tokens.Next() + s_initToken + s_dataSource;
        }
        internal static class Tokens
        {
            public static Task<string> Next() =>
                [|RDSAuthTokenGenerator.GenerateAuthTokenAsync(FallbackCredentialsFactory.GetCredentials(), RegionEndpoint.EUWest1, "db-host", 5432, "app")|];
        }
        """, "SLS6005")
        .ValidateAsync();
}
