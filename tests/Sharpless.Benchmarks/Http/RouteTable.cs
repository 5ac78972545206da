using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sharpless.Benchmarks.Http;

/// <summary>The same 50 routes and the 40-request mix, and ASP.NET Core's routing (public API) over them.</summary>
public static class RouteTable
{
    public static readonly string[] Resources = ["orders", "customers", "products", "invoices", "shipments", "payments", "carts", "reviews", "coupons", "users"];

    /// <summary>40 requests: hits on every kind of route, plus 404s (unknown path, too many segments) and 405s.</summary>
    public static readonly (string Method, string Path)[] Requests = BuildRequests();

    private static (string, string)[] BuildRequests()
    {
        var requests = new List<(string, string)>();
        for (var i = 0; i < Resources.Length; i++)
        {
            var r = Resources[i];
            requests.Add(("GET", $"/{r}"));
            requests.Add(("GET", $"/{r}/{1000 + i}"));
            requests.Add((i % 2 == 0 ? "PUT" : "DELETE", $"/{r}/{2000 + i}"));
        }

        requests.Add(("POST", "/orders"));
        requests.Add(("POST", "/users"));
        requests.Add(("GET", "/unknown"));
        requests.Add(("GET", "/orders/1/lines"));
        requests.Add(("PATCH", "/orders/1"));
        requests.Add(("DELETE", "/orders"));
        requests.Add(("GET", "/products/9f1c2a"));
        requests.Add(("GET", "/reviews/r-77"));
        requests.Add(("PUT", "/coupons/SPRING"));
        requests.Add(("GET", "/"));
        return requests.ToArray();
    }

    /// <summary>UseRouting + UseEndpoints with every route mapped to an empty endpoint: matching is what runs.</summary>
    public static RequestDelegate BuildAspNetCorePipeline()
    {
        var services = new ServiceCollection()
            .AddRouting()
            .AddLogging()
            .AddSingleton(new System.Diagnostics.DiagnosticListener("Microsoft.AspNetCore"))
            .BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            foreach (var r in Resources)
            {
                endpoints.MapMethods($"/{r}", ["GET"], Empty);
                endpoints.MapMethods($"/{r}", ["POST"], Empty);
                endpoints.MapMethods($"/{r}/{{id}}", ["GET"], Empty);
                endpoints.MapMethods($"/{r}/{{id}}", ["PUT"], Empty);
                endpoints.MapMethods($"/{r}/{{id}}", ["DELETE"], Empty);
            }
        });
        return app.Build();
    }

    private static Task Empty(HttpContext context) => Task.CompletedTask;
}
