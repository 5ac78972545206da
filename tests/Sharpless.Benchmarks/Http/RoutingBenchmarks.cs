using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Sharpless.Generated;

namespace Sharpless.Benchmarks.Http;

/// <summary>
/// Route matching over a 50-route table for a mix of 40 requests (hits, 404s, 405s), per request (issue #6 (a)):
/// ASP.NET Core's routing through its public API (UseRouting + UseEndpoints on a reused DefaultHttpContext) against
/// the generated router's compiled table, alone and with the route values decoded as binding does.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private readonly RequestDelegate _aspNetCore = RouteTable.BuildAspNetCorePipeline();
    private readonly DefaultHttpContext _context = new();
    private readonly (string Method, string Path)[] _requests = RouteTable.Requests;

    [Benchmark(Baseline = true, OperationsPerInvoke = 40, Description = "ASP.NET Core UseRouting+UseEndpoints")]
    public int AspNetCore()
    {
        var matched = 0;
        foreach (var (method, path) in _requests)
        {
            _context.Request.Method = method;
            _context.Request.Path = path;
            _context.Response.StatusCode = 200;
            _context.SetEndpoint(null);
            _context.Request.RouteValues.Clear();
            _aspNetCore(_context).GetAwaiter().GetResult();
            if (_context.GetEndpoint() is not null) matched++;
        }

        return matched;
    }

    [Benchmark(OperationsPerInvoke = 40, Description = "generated router: match")]
    public int GeneratedMatch()
    {
        var matched = 0;
        foreach (var (method, path) in _requests)
        {
            if (ApiRouter.Match(method, path, out _) >= 0) matched++;
        }

        return matched;
    }

    [Benchmark(OperationsPerInvoke = 40, Description = "generated router: match + route values")]
    public int GeneratedMatchAndBind()
    {
        var matched = 0;
        foreach (var (method, path) in _requests)
        {
            if (ApiRouter.Match(method, path, out _) >= 0)
            {
                matched += ApiGatewayRuntime.SplitPath(path).Length;
            }
        }

        return matched;
    }

    /// <summary>Both matchers must agree on every request (a hit, a 404 or a 405) before anything is measured.</summary>
    public static void CheckParity()
    {
        var pipeline = RouteTable.BuildAspNetCorePipeline();
        foreach (var (method, path) in RouteTable.Requests)
        {
            var context = new DefaultHttpContext();
            context.Request.Method = method;
            context.Request.Path = path;
            pipeline(context).GetAwaiter().GetResult();
            var aspNet = context.GetEndpoint() is null ? "404" : context.Response.StatusCode == 405 ? "405" : "hit";
            var index = ApiRouter.Match(method, path, out var allow);
            var generated = index >= 0 ? "hit" : allow is null ? "404" : "405";
            if (aspNet != generated)
            {
                throw new InvalidOperationException($"{method} {path}: ASP.NET Core {aspNet}, generated router {generated}");
            }
        }
    }
}
