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
}
