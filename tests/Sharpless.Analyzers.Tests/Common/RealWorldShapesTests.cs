namespace Sharpless.Analyzers.Tests.Common;

/// <summary>
/// The shapes public .NET Lambda code takes (AWS blueprints and samples, custom resources, executables, ASP.NET Core
/// on Lambda), run through every per-invocation rule at once: mistakes are found, the idioms that are right stay quiet.
/// </summary>
public sealed class RealWorldShapesTests
{
    [Fact]
    public Task BlueprintHandlerClass_WithClientsBuiltInTheConstructors_IsQuiet() => PerInvocationProject.Create("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.Core;
        public class Function
        {
            private IAmazonDynamoDB DynamoDBClient { get; set; }

            // Lambda calls the parameterless constructor once per execution environment; tests use the other one.
            public Function()
            {
                DynamoDBClient = new AmazonDynamoDBClient();
            }

            public Function(IAmazonDynamoDB dynamoDBClient)
            {
                DynamoDBClient = dynamoDBClient;
            }

            public async Task<string> FunctionHandler(string input, ILambdaContext context)
            {
                context.Logger.LogLine($"Processing {input}");
                var tables = await DynamoDBClient.ListTablesAsync();
                return string.Join(",", tables.TableNames);
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task CustomResourceFunction_PuttingItsResponse_WithAClientPerInvocation_IsReported() => PerInvocationProject.Create("""
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        public class CustomResourceRequest { public string ResponseURL { get; set; } = ""; public string RequestType { get; set; } = ""; }
        public class CustomResourceFunction
        {
            public async Task FunctionHandler(CustomResourceRequest request, ILambdaContext context)
            {
                var body = JsonSerializer.Serialize(new { Status = "SUCCESS" }, {|SLS4004:new JsonSerializerOptions { PropertyNamingPolicy = null }|});
                using var http = {|SLS5002:new HttpClient()|};
                await http.PutAsync(request.ResponseURL, new StringContent(body, Encoding.UTF8));
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task ExecutableWithTopLevelStatements_CreatesClientsBeforeRunAsync_AndFindsTheOneInTheHandler() => PerInvocationProject.Create("""
        using System.IO;
        using System.Net.Http;
        using System.Text.RegularExpressions;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        var dynamo = new AmazonDynamoDBClient();
        var http = new HttpClient();
        var sku = new Regex("^[A-Z]+$");

        var handler = async (Stream input, ILambdaContext context) =>
        {
            await dynamo.ListTablesAsync();
            await http.GetStringAsync("https://example.com");
            var perCall = {|SLS5001:new AmazonDynamoDBClient()|};
            return sku.IsMatch(context.FunctionName);
        };

        await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
        """)
        .WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)
        .ValidateAsync();

    [Fact]
    public Task AnnotationsStyleFunctions_WithStartupAndInjectedServices_AreQuiet() => PerInvocationProject.Create("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;

        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
                services.AddSingleton<IDynamoDBContext>(sp => new DynamoDBContextBuilder().WithDynamoDBClient(() => sp.GetRequiredService<IAmazonDynamoDB>()).Build());
                services.AddSingleton(new HttpClient());
            }
        }

        public class Functions
        {
            private readonly IDynamoDBContext _context;

            public Functions(IDynamoDBContext context) { _context = context; }

            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public Task<Order> Get(string id, [FromServices] HttpClient http) => _context.LoadAsync<Order>(id);
        }

        [DynamoDBTable("Orders")]
        public class Order { [DynamoDBHashKey] public string Id { get; set; } = ""; }
        """)
        .ValidateAsync();

    [Fact]
    public Task FlagGuardedInitialization_InAHandler_IsQuiet() => PerInvocationProject.Create("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.Core;
        public class Function
        {
            private static bool s_initialized;
            private static IAmazonDynamoDB? s_client;

            public async Task<int> FunctionHandler(string input, ILambdaContext context)
            {
                if (!s_initialized)
                {
                    s_client = new AmazonDynamoDBClient();
                    s_initialized = true;
                }

                return (await s_client!.ListTablesAsync()).TableNames.Count;
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task RepositoryCreatedPerInvocation_ReportsItsClient_ButAFieldHeldRepositoryDoesNot() => PerInvocationProject.Create("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Lambda.Core;
        public class OrderRepository
        {
            private readonly IDynamoDBContext _context = {|SLS5005:new DynamoDBContextBuilder().WithDynamoDBClient(() => {|SLS5001:new AmazonDynamoDBClient()|}).Build()|};
            public Task<Order> Load(string id) => _context.LoadAsync<Order>(id);
        }

        public class SharedRepositoryFunction
        {
            private readonly OrderRepository _orders = new OrderRepository();
            public Task<Order> Handle(string id, ILambdaContext context) => _orders.Load(id);
        }

        public class PerCallRepositoryFunction
        {
            public Task<Order> Handle(string id, ILambdaContext context) => new OrderRepository().Load(id);
        }

        [DynamoDBTable("Orders")]
        public class Order { [DynamoDBHashKey] public string Id { get; set; } = ""; }
        """)
        .ValidateAsync();
}
