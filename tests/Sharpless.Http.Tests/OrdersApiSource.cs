namespace Sharpless.Http.Tests;

/// <summary>The route methods the router tests serve, written as a user would.</summary>
internal static class OrdersApiSource
{
    public const string Code = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Sharpless;
        using Sharpless.Http;

        namespace Shop
        {
            public enum OrderStatus { Open, Shipped, Cancelled }

            public sealed record OrderLine(string Sku, int Quantity);
            public sealed record NewOrder(string CustomerId, OrderLine[] Lines);
            public sealed record Order(Guid Id, string CustomerId, int Version, string Tenant);
            public sealed record OrderPage(string[] Statuses, int Limit, int Count);

            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
            [JsonSerializable(typeof(NewOrder))]
            [JsonSerializable(typeof(Order))]
            [JsonSerializable(typeof(OrderPage))]
            [JsonSerializable(typeof(List<Order>))]
            internal partial class AppJson : JsonSerializerContext { }

            public class OrdersApi
            {
                public static readonly Guid Known = Guid.Parse("8f0e4b7c-2a7e-4c1b-9f7e-1d2c3b4a5e6f");

                [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
                [RestApi(LambdaHttpMethod.Get, "/orders/{id}")]
                public async Task<IResult> Get(Guid id, [FromQuery] int? version, [FromHeader(Name = "x-tenant")] string tenant)
                {
                    await Task.Yield();
                    return id == Known ? Results.Ok(new Order(id, "c-1", version ?? 1, tenant)) : Results.NotFound();
                }

                [HttpApi(LambdaHttpMethod.Get, "/orders")]
                public OrderPage List([FromQuery(Name = "status")] OrderStatus[] statuses, int limit = 10) =>
                    new OrderPage(Array.ConvertAll(statuses, s => s.ToString()), limit, statuses.Length);

                [HttpApi(LambdaHttpMethod.Post, "/orders")]
                public Created<Order> Create([FromBody] NewOrder order) =>
                    Results.Created("/orders/" + Known, new Order(Known, order.CustomerId, order.Lines.Length, "t"))
                        .WithHeader("Set-Cookie", "last-order=" + Known + "; Path=/; HttpOnly");

                [HttpApi(LambdaHttpMethod.Delete, "/orders/{id}")]
                public Task Delete(Guid id) => id == Guid.Empty ? throw new InvalidOperationException("secret internal detail") : Task.CompletedTask;

                [HttpApi(LambdaHttpMethod.Get, "/files/{path+}")]
                public static string File(string path) => "file:" + path;

                [HttpApi(LambdaHttpMethod.Get, "/customers/{customerId}/orders")]
                public static List<Order> ByCustomer(string customerId, ILambdaContext context) => new() { new Order(Known, customerId, 1, context.FunctionName) };

                [HttpApi(LambdaHttpMethod.Get, "/orders/search")]
                public static string Search([FromQuery] string q, [FromQuery] DateOnly? from) => q + "|" + (from?.ToString("yyyy-MM-dd") ?? "any");
            }
        }
        """;
}
