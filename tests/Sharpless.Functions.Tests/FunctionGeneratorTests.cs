using Sharpless.Functions.Tests.Infrastructure;

namespace Sharpless.Functions.Tests;

/// <summary>What the generator writes, compared to reviewed baselines (regenerate with SHARPLESS_UPDATE_BASELINES=1).</summary>
public sealed class FunctionGeneratorTests
{
    internal const string OrdersService = """
        using System.Threading;
        using System.Threading.Tasks;
        using System.Text.Json.Serialization;
        using Amazon.Lambda.Core;
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;

        namespace Shop
        {
            public sealed record Order(string Id, decimal Total);
            public sealed record Receipt(string OrderId, string Status);

            [JsonSerializable(typeof(Order))]
            [JsonSerializable(typeof(Receipt))]
            internal partial class AppJson : JsonSerializerContext { }

            public interface IOrderStore { Task SaveAsync(Order order, CancellationToken cancellationToken); }
            public interface IAuditLog { void Write(string entry); }

            public sealed class MemoryOrderStore : IOrderStore
            {
                public Task SaveAsync(Order order, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            public sealed class AuditLog : IAuditLog
            {
                public void Write(string entry) { }
            }

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton<IOrderStore, MemoryOrderStore>();
                    services.AddScoped<IAuditLog, AuditLog>();
                }
            }

            public class Orders(IOrderStore store)
            {
                [LambdaFunction(MemorySize = 512, Timeout = 10, Policies = "AmazonDynamoDBFullAccess")]
                public async Task<Receipt> Place(Order order, ILambdaContext context, CancellationToken cancellationToken, [FromServices] IAuditLog audit)
                {
                    await store.SaveAsync(order, cancellationToken);
                    audit.Write(order.Id);
                    return new Receipt(order.Id, "placed");
                }

                [LambdaFunction(Name = "Ping")]
                public static string Health() => "ok";
            }
        }
        """;

    [Fact]
    public async Task OrdersService_MatchesBaselines()
    {
        var run = await FunctionProject.Create(OrdersService).RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings()
            .ShouldMatchBaseline("Shop.Orders_Place_Handler.g.cs", "Shop.Orders_Place_Handler.g.cs")
            .ShouldMatchBaseline("Shop.Orders_Ping_Handler.g.cs", "Shop.Orders_Ping_Handler.g.cs")
            .ShouldMatchBaseline(FunctionCatalogEmitter.CatalogHintName, "Sharpless.Generated.Functions.g.cs")
            .ShouldMatchBaseline(FunctionCatalogEmitter.ManifestHintName, "Sharpless.Generated.FunctionManifest.g.cs")
            .ShouldMatchBaseline(FunctionRuntimeEmitter.ServicesHintName, "Sharpless.Generated.LambdaServices.g.cs");
    }

    [Fact]
    public async Task Manifest_ListsEveryFunctionWithItsDeploymentSettings()
    {
        var host = FunctionProject.Load(await FunctionProject.Create(OrdersService + """
            namespace Shop
            {
                public static class Admin
                {
                    [Sharpless.LambdaFunction(Role = "arn:aws:iam::123456789012:role/admin", Policies = " AWSLambdaBasicExecutionRole , AmazonS3ReadOnlyAccess,",
                        SubnetIds = new[] { "subnet-0a1", " subnet-0b2 ", "" }, SecurityGroupIds = new[] { "sg-0c3" })]
                    public static string Purge(string reason) => reason;
                }
            }
            """).RunGeneratorsAsync());
        var json = (string)host.Assembly.GetType("Sharpless.Generated.FunctionManifest")!.GetField("Json")!.GetRawConstantValue()!;

        using var manifest = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(1, manifest.RootElement.GetProperty("version").GetInt32());
        var functions = manifest.RootElement.GetProperty("functions").EnumerateArray().ToList();
        Assert.Equal(["Ping", "Place", "Purge"], functions.Select(f => f.GetProperty("name").GetString()));

        var place = functions[1];
        Assert.Equal(host.HandlerString("Place"), place.GetProperty("handler").GetString());
        Assert.Equal("Shop.Orders.Place", place.GetProperty("method").GetString());
        Assert.Equal(512, place.GetProperty("memorySize").GetInt32());
        Assert.Equal(10, place.GetProperty("timeout").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, place.GetProperty("role").ValueKind);
        Assert.Equal(["AmazonDynamoDBFullAccess"], place.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(place.GetProperty("events").EnumerateArray());

        var ping = functions[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ping.GetProperty("memorySize").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ping.GetProperty("timeout").ValueKind);

        var purge = functions[2];
        Assert.Equal("arn:aws:iam::123456789012:role/admin", purge.GetProperty("role").GetString());
        Assert.Equal(["AWSLambdaBasicExecutionRole", "AmazonS3ReadOnlyAccess"], purge.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
        var vpc = purge.GetProperty("vpcConfig");
        Assert.Equal(["subnet-0a1", "subnet-0b2"], vpc.GetProperty("subnetIds").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["sg-0c3"], vpc.GetProperty("securityGroupIds").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, place.GetProperty("vpcConfig").ValueKind);
    }

    [Fact]
    public async Task ProjectWithoutFunctions_GetsNoFunctionSources()
    {
        var run = await FunctionProject.Create("namespace Shop { public static class Nothing { public static int Value => 1; } }").RunGeneratorsAsync();

        Assert.DoesNotContain(run.ShouldCompileWithoutWarnings().GeneratedSources, s => s.HintName.StartsWith("Sharpless.Generated.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FunctionsWithErrors_GetNoHandler_AndTheRestStillCompile()
    {
        var run = await FunctionProject.Create("""
            using Sharpless;

            namespace Shop
            {
                public static class Mixed
                {
                    [LambdaFunction] public static string Fine(string name) => name;
                    [LambdaFunction] private static string Hidden(string name) => name;
                    [LambdaFunction] public static string Twice(string a, string b) => a + b;
                    [LambdaFunction(Name = "Same")] public static string First(string name) => name;
                    [LambdaFunction(Name = "Same")] public static string Second(string name) => name;
                }
            }
            """).RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings();
        Assert.Equal(["Shop.Mixed_Fine_Handler.g.cs"], run.GeneratedSources.Select(s => s.HintName).Where(h => h.EndsWith("_Handler.g.cs", StringComparison.Ordinal)));
        Assert.Contains("public const string Fine = ", run.GetSource(FunctionCatalogEmitter.CatalogHintName), StringComparison.Ordinal);
        Assert.DoesNotContain("Same", run.GetSource(FunctionCatalogEmitter.CatalogHintName), StringComparison.Ordinal);
        Assert.DoesNotContain("Same", run.GetSource(FunctionCatalogEmitter.ManifestHintName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeploymentOnlyErrors_StillGenerateTheHandler()
    {
        var run = await FunctionProject.Create("""
            namespace Shop
            {
                public static class Orders
                {
                    [Sharpless.LambdaFunction(MemorySize = 64, Timeout = 1000)]
                    public static string Place(string id) => id;
                }
            }
            """).RunGeneratorsAsync();

        var host = FunctionProject.Load(run);
        Assert.Equal("\"o-1\"", await host.InvokeAsync("Place", "\"o-1\""));
    }

    [Fact]
    public async Task LambdaJsonContext_InAReferencedAssembly_IsUsed()
    {
        // A shared contracts library with its own source-generated context, compiled first and referenced as metadata.
        var contracts = await new Sharpless.TestKit.ProjectBuilder()
            .WithAssemblyName("Contracts")
            .WithSourceCode("""
                using System.Text.Json.Serialization;

                namespace Contracts
                {
                    public sealed record Order(string Id, int Quantity);

                    [JsonSerializable(typeof(Order))]
                    public partial class ContractsJson : JsonSerializerContext { }
                }
                """)
            .WithGenerator(JsonSourceGenerator.Instance)
            .RunGeneratorsAsync();
        using var image = new MemoryStream();
        Assert.True(contracts.ShouldCompileWithoutWarnings().OutputCompilation.Emit(image).Success);
        var contractsAssembly = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image.ToArray()));

        var run = await FunctionProject.Create("""
            [assembly: Sharpless.LambdaJsonContext(typeof(Contracts.ContractsJson))]

            namespace Shop
            {
                public static class Orders
                {
                    [Sharpless.LambdaFunction] public static Contracts.Order Double(Contracts.Order order) => order with { Quantity = order.Quantity * 2 };
                }
            }
            """).WithReference(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray())).RunGeneratorsAsync();

        Assert.Contains("global::Contracts.ContractsJson.Default", run.GetSource("Shop.Orders_Double_Handler.g.cs"), StringComparison.Ordinal);
        Assert.NotNull(contractsAssembly);
        var host = FunctionProject.Load(run);
        Assert.Equal("""{"Id":"o-1","Quantity":6}""", await host.InvokeAsync("Double", """{"Id":"o-1","Quantity":3}"""));
    }
}
