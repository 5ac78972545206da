using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.Connections;

public sealed class SLS5005DynamoDBContextCreatedPerInvocationTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code, "SLS5005");

    private const string Model = """
        [Amazon.DynamoDBv2.DataModel.DynamoDBTable("Orders")]
        public class Order
        {
            [Amazon.DynamoDBv2.DataModel.DynamoDBHashKey] public string Id { get; set; } = "";
        }
        """;

    [Fact]
    public Task BothShapes_AreReported_AndAClientCreatedForTheContextToo() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Sharpless;
        public class Function
        {
            private static readonly IAmazonDynamoDB s_client = new AmazonDynamoDBClient();

            [LambdaFunction]
            public Task<Order> Builder(string id)
            {
                var context = {|SLS5005:new DynamoDBContextBuilder().WithDynamoDBClient(() => s_client).Build()|};
                return context.LoadAsync<Order>(id);
            }

        #pragma warning disable CS0618 // the constructors are obsolete in SDK v4, and still common
            [LambdaFunction]
            public Task<Order> Constructor(string id) => {|SLS5005:new DynamoDBContext({|SLS5001:new AmazonDynamoDBClient()|})|}.LoadAsync<Order>(id);
        #pragma warning restore CS0618
        }
        """ + Model)
        .ValidateAsync();

    [Fact]
    public Task ContextBuiltInTheConstructor_IsNotReported() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Sharpless;
        public class Function
        {
            private readonly IDynamoDBContext _context;

            public Function() { _context = new DynamoDBContextBuilder().WithDynamoDBClient(() => new AmazonDynamoDBClient()).Build(); }

            [LambdaFunction]
            public Task<Order> Handle(string id) => _context.LoadAsync<Order>(id);
        }
        """ + Model)
        .ValidateAsync();

    [Fact]
    public Task Fix_HoistsTheBuiltContext() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DataModel;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public Task<Order> Handle(string id)
            {
                var context = [|new DynamoDBContextBuilder().Build()|];
                return context.LoadAsync<Order>(id);
            }
        }
        """ + Model)
        .ShouldFixCodeWith("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DataModel;
        using Sharpless;
        public class Function
        {
            private static readonly DynamoDBContext _context = new DynamoDBContextBuilder().Build();

            [LambdaFunction]
            public Task<Order> Handle(string id)
            {
                return _context.LoadAsync<Order>(id);
            }
        }
        """ + Model)
        .ValidateAsync();

    [Fact]
    public Task FixAll_HoistsTheContext_WithTheClientCreatedForIt_AsOneField() => Project("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Sharpless;
        public class Function
        {
        #pragma warning disable CS0618
            [LambdaFunction]
            public Task<Order> Handle(string id) => {|SLS5005:new DynamoDBContext({|SLS5001:new AmazonDynamoDBClient()|})|}.LoadAsync<Order>(id);
        #pragma warning restore CS0618
        }
        """ + Model)
        .ShouldBatchFixCodeWith("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Sharpless;
        public class Function
        {
            private static readonly DynamoDBContext _dynamoDBContext = new DynamoDBContext(new AmazonDynamoDBClient());
        #pragma warning disable CS0618
            [LambdaFunction]
            public Task<Order> Handle(string id) => _dynamoDBContext.LoadAsync<Order>(id);
        #pragma warning restore CS0618
        }
        """ + Model)
        .ValidateAsync();
}
