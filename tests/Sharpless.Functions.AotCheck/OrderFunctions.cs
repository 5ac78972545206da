using System.IO;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Sharpless;

namespace Sharpless.Functions.AotCheck;

public sealed record Order(string Id, decimal Total);

public sealed record Receipt(string OrderId, string Status);

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
internal sealed partial class AppJson : JsonSerializerContext
{
}

public interface IOrderStore
{
    Task SaveAsync(Order order, CancellationToken cancellationToken);
}

public sealed class MemoryOrderStore : IOrderStore
{
    public Task SaveAsync(Order order, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class RequestLog
{
    public int Entries { get; set; }
}

[LambdaStartup]
public static class Startup
{
    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IOrderStore, MemoryOrderStore>();
        services.AddScoped<RequestLog>();
    }
}

public sealed class OrderFunctions(IOrderStore store)
{
    [LambdaFunction(MemorySize = 512, Timeout = 10)]
    public async Task<Receipt> Place(Order order, [FromServices] RequestLog log)
    {
        await store.SaveAsync(order, CancellationToken.None);
        log.Entries++;
        return new Receipt(order.Id, "placed");
    }

    [LambdaFunction]
    public static string Echo(string text) => text;

    [LambdaFunction]
    public static Stream Raw(Stream input) => input;

    [LambdaFunction]
    public static ValueTask Ping(Order? order) => default;
}

public enum OrderStatus
{
    Open,
    Shipped,
}

public sealed record OrderPage(Order[] Orders, int Limit);

[JsonSerializable(typeof(OrderPage))]
internal sealed partial class ApiJson : JsonSerializerContext
{
}

public sealed class OrdersApi(IOrderStore store)
{
    [HttpApi(LambdaHttpMethod.Get, "/orders")]
    public OrderPage List([FromQuery] OrderStatus[] status, int limit = 10) => new(System.Array.Empty<Order>(), limit);

    [HttpApi(LambdaHttpMethod.Post, "/orders")]
    public async Task<Http.IResult> Create(Order order, [FromServices] RequestLog log)
    {
        await store.SaveAsync(order, CancellationToken.None);
        log.Entries++;
        return Http.Results.Created("/orders/" + order.Id, new Receipt(order.Id, "created"));
    }

    [RestApi(LambdaHttpMethod.Get, "/files/{path+}")]
    public static string File(string path, [FromHeader(Name = "x-tenant")] string? tenant) => path + tenant;
}
