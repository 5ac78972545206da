// Compile-time stand-ins (public API subset) for MySqlConnector, StackExchange.Redis, MongoDB.Driver and
// Microsoft.Data.SqlClient, used only by tests: the packages cannot be restored here; see StandIns/ThirdParty/README.md.
#nullable disable
namespace MySqlConnector
{
    using System;
    using System.Data.Common;

    public sealed class MySqlConnection : DbConnection
    {
        public MySqlConnection() => throw new NotSupportedException();
        public MySqlConnection(string connectionString) => throw new NotSupportedException();
        public override string ConnectionString { get; set; }
        public override string Database => throw new NotSupportedException();
        public override string DataSource => throw new NotSupportedException();
        public override string ServerVersion => throw new NotSupportedException();
        public override System.Data.ConnectionState State => throw new NotSupportedException();
        public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();
        public override void Close() => throw new NotSupportedException();
        public override void Open() => throw new NotSupportedException();
        protected override DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => throw new NotSupportedException();
        protected override DbCommand CreateDbCommand() => throw new NotSupportedException();
    }

    public sealed class MySqlDataSource : DbDataSource
    {
        public MySqlDataSource(string connectionString) => throw new NotSupportedException();
        public override string ConnectionString => throw new NotSupportedException();
        protected override DbConnection CreateDbConnection() => throw new NotSupportedException();
    }

    public sealed class MySqlDataSourceBuilder
    {
        public MySqlDataSourceBuilder(string connectionString = null) => throw new NotSupportedException();
        public MySqlDataSource Build() => throw new NotSupportedException();
    }
}

namespace StackExchange.Redis
{
    using System;
    using System.IO;
    using System.Threading.Tasks;

    public interface IDatabase
    {
        Task<bool> StringSetAsync(string key, string value);
    }

    public interface IConnectionMultiplexer : IDisposable
    {
        IDatabase GetDatabase(int db = -1, object asyncState = null);
    }

    public sealed class ConnectionMultiplexer : IConnectionMultiplexer
    {
        public static ConnectionMultiplexer Connect(string configuration, TextWriter log = null) => throw new NotSupportedException();
        public static Task<ConnectionMultiplexer> ConnectAsync(string configuration, TextWriter log = null) => throw new NotSupportedException();
        public IDatabase GetDatabase(int db = -1, object asyncState = null) => throw new NotSupportedException();
        public void Dispose() => throw new NotSupportedException();
    }
}

namespace MongoDB.Driver
{
    using System;

    public interface IMongoDatabase
    {
    }

    public interface IMongoClient
    {
        IMongoDatabase GetDatabase(string name, MongoDatabaseSettings settings = null);
    }

    public class MongoDatabaseSettings
    {
    }

    public class MongoClient : IMongoClient
    {
        public MongoClient() => throw new NotSupportedException();
        public MongoClient(string connectionString) => throw new NotSupportedException();
        public IMongoDatabase GetDatabase(string name, MongoDatabaseSettings settings = null) => throw new NotSupportedException();
    }
}

namespace Microsoft.Data.SqlClient
{
    using System;
    using System.Data.Common;

    public sealed class SqlConnection : DbConnection
    {
        public SqlConnection() => throw new NotSupportedException();
        public SqlConnection(string connectionString) => throw new NotSupportedException();
        public override string ConnectionString { get; set; }
        public override string Database => throw new NotSupportedException();
        public override string DataSource => throw new NotSupportedException();
        public override string ServerVersion => throw new NotSupportedException();
        public override System.Data.ConnectionState State => throw new NotSupportedException();
        public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();
        public override void Close() => throw new NotSupportedException();
        public override void Open() => throw new NotSupportedException();
        protected override DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => throw new NotSupportedException();
        protected override DbCommand CreateDbCommand() => throw new NotSupportedException();
    }

    public sealed class SqlConnectionStringBuilder : DbConnectionStringBuilder
    {
        public SqlConnectionStringBuilder() => throw new NotSupportedException();
        public SqlConnectionStringBuilder(string connectionString) => throw new NotSupportedException();
        public bool Pooling { get; set; }
    }
}
