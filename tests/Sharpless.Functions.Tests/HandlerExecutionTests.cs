using Sharpless.Functions.Tests.Infrastructure;

namespace Sharpless.Functions.Tests;

/// <summary>Generated handlers, compiled with the user's code and executed the way the Lambda runtime calls them.</summary>
public sealed class HandlerExecutionTests
{
    private const string Models = """
        using System.Text.Json.Serialization;

        namespace Shop
        {
            public sealed record Order(string Id, decimal Total);
            public sealed record Receipt(string OrderId, string Status);

            [JsonSerializable(typeof(Order))]
            [JsonSerializable(typeof(Receipt))]
            internal partial class AppJson : JsonSerializerContext { }
        }
        """;

    [Fact]
    public async Task AsyncFunction_ReadsThePayloadAndWritesTheResultThroughTheContext()
    {
        var run = await FunctionProject.Create(Models + """
            namespace Shop
            {
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Sharpless;

                public class Orders
                {
                    [LambdaFunction(MemorySize = 512, Timeout = 10)]
                    public async Task<Receipt> Place(Order order, ILambdaContext context)
                    {
                        await Task.Yield();
                        return new Receipt(order.Id, "placed by " + context.FunctionName + " for " + order.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
            """).RunGeneratorsAsync();

        var host = FunctionProject.Load(run);

        Assert.Equal("Orders::Shop.Orders_Place_Handler::Handle", host.HandlerString("Place"));
        Assert.Equal("""{"OrderId":"o-1","Status":"placed by orders for 12.5"}""", await host.InvokeAsync("Place", """{"Id":"o-1","Total":12.5}"""));
    }
}
