using Sharpless.Functions.Tests.Infrastructure;
using static Sharpless.Http.Tests.RouterExecutionTests;

namespace Sharpless.Http.Tests;

/// <summary>Routes with dependency injection: constructor services once, [FromServices] per request scope.</summary>
public sealed class RouterServicesTests
{
    [Fact]
    public async Task ClassWithStaticAndInstanceRoutes_IsBuiltWithItsServices_AndScopesArePerRequest()
    {
        // The static route sorts first: the class must still be created with the instance routes' constructor services
        // (found by the AOT check project, which failed to compile before the fix).
        var host = FunctionProject.Load(await FunctionProject.Create("""
            using System.Threading;
            using Microsoft.Extensions.DependencyInjection;
            using Sharpless;

            namespace Shop
            {
                public sealed class Store { public int Saved; }
                public sealed class RequestId { private static int s_next; public int Value { get; } = Interlocked.Increment(ref s_next); }

                [LambdaStartup]
                public static class Startup
                {
                    public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<Store>().AddScoped<RequestId>();
                }

                public class OrdersApi(Store store)
                {
                    [HttpApi(LambdaHttpMethod.Get, "/a/health")]
                    public static string Health() => "ok";

                    [HttpApi(LambdaHttpMethod.Post, "/b/orders")]
                    public string Save([FromServices] RequestId request, [FromServices] RequestId same) =>
                        $"saved {++store.Saved} in request {request.Value} (same scope: {ReferenceEquals(request, same)})";
                }
            }
            """).RunGeneratorsAsync());

        Assert.Equal("ok", ApiResponse.Parse(await host.InvokeAsync("Api", V2("GET", "/a/health"))).Body);
        Assert.Equal("saved 1 in request 1 (same scope: True)", ApiResponse.Parse(await host.InvokeAsync("Api", V2("POST", "/b/orders"))).Body);
        Assert.Equal("saved 2 in request 2 (same scope: True)", ApiResponse.Parse(await host.InvokeAsync("Api", V2("POST", "/b/orders"))).Body);
    }
}
