using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.Connections;

public sealed class SLS5004UnpooledConnectionPerInvocationTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code, "SLS5004");

    [Fact]
    public Task PoolingFalseLiteral_IsReported() => Project("""
        using Microsoft.Data.SqlClient;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public void Handle()
            {
                using var connection = [|new SqlConnection("Server=db;Database=orders;Pooling=false")|];
                connection.Open();
            }
        }
        """)
        .ShouldReportDiagnosticWithMessage("'SqlConnection' is created with pooling disabled on every invocation of 'Function.Handle'; each invocation pays a new connection and handshake: keep pooling on (remove 'Pooling=false') or use a data source created once per execution environment")
        .ValidateAsync();

    [Fact]
    public Task EveryWayOfSpellingPoolingOff_IsReported() => Project("""
        using MySqlConnector;
        using Npgsql;
        using Sharpless;
        public class Function
        {
            private const string Unpooled = "Host=db;Pooling=false";

            [LambdaFunction]
            public object Constant() => [|new NpgsqlConnection(Unpooled)|];

            [LambdaFunction]
            public object Spacing() => [|new NpgsqlConnection("Host=db; pooling = False ;Timeout=5")|];

            [LambdaFunction]
            public object No() => [|new MySqlConnection("Server=db;Pooling=no")|];

            [LambdaFunction]
            public object Interpolated(string host) => [|new NpgsqlConnection($"Host={host};Pooling=false")|];

            [LambdaFunction]
            public object Concatenated(string host) => [|new MySqlConnection("Server=" + host + ";Pooling=false;")|];

            [LambdaFunction]
            public object Local()
            {
                var connectionString = "Host=db;Pooling=false";
                return [|new NpgsqlConnection(connectionString)|];
            }

            [LambdaFunction]
            public object Builder() => [|new NpgsqlConnection(new NpgsqlConnectionStringBuilder("Host=db") { Pooling = false }.ConnectionString)|];

            [LambdaFunction]
            public object Initializer() => [|new NpgsqlConnection { ConnectionString = Unpooled }|];
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task PooledConnections_UnknownConnectionStrings_AndInitCode_AreNotReported() => Project("""
        using System;
        using Microsoft.Data.SqlClient;
        using Npgsql;
        using Sharpless;
        public class Function
        {
            private static readonly NpgsqlConnection s_unpooledButShared = new("Host=db;Pooling=false");

            [LambdaFunction]
            public object Default() => new SqlConnection("Server=db;Database=orders");

            [LambdaFunction]
            public object PoolingOn() => new NpgsqlConnection("Host=db;Pooling=true");

            [LambdaFunction]
            public object FromEnvironment() => new NpgsqlConnection(Environment.GetEnvironmentVariable("DB"));

            [LambdaFunction]
            public object KeywordInsideAValue() => new NpgsqlConnection("Host=db;Application Name=Pooling=false-report");

            [LambdaFunction]
            public object SplitByAHole(string value) => new NpgsqlConnection($"Host=db;Pooling={value}");

            public object NotAHandler() => new NpgsqlConnection("Host=db;Pooling=false");
        }
        """)
        .ValidateAsync();
}
