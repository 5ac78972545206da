using System.Text.RegularExpressions;

namespace Sharpless.Package.Tests;

/// <summary>
/// The local run of the README's first command, in its <c>--demo</c> mode: samples/OrdersApi.Local serves the
/// OrdersApi built against the freshly packed package, with real dynalite as DynamoDB, and a scripted HTTP session
/// checks each answer. The transcript is checked here too, so a demo that skipped steps could not pass.
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Package")]
public sealed partial class LocalApiDemoTests(PackedPackage package)
{
    [Fact]
    public async Task The_demo_serves_the_API_and_feeds_the_queue_and_stream_functions_on_dynalite()
    {
        var samples = SampleCopy.Create(package, "local-api-demo", "OrdersApi", "OrdersApi.Local");

        var run = await DotnetCli.RunAsync(
            samples,
            [
                "run", "--project", Path.Combine(samples, "OrdersApi.Local", "OrdersApi.Local.csproj"),
                $"-p:SharplessVersion={package.Version}", "-tl:off", .. DotnetCli.NoLingeringProcesses,
                "--", "--demo", "--dynalite", Path.Combine(RepositoryPaths.Root, "tests", "dynalite"),
            ],
            new Dictionary<string, string?> { ["CI"] = null, ["TF_BUILD"] = null });

        Assert.True(run.Succeeded, run.ToString());
        var exchanges = Exchange().Matches(run.StdOut).Select(m => $"{m.Groups["method"].Value} {Normalize(m.Groups["path"].Value)} {m.Groups["status"].Value} {m.Groups["type"].Value}").ToArray();
        Assert.Equal(
            [
                "POST /orders 201 application/json",
                "GET /orders/{id} 200 application/json",
                "GET /orders?limit=10 200 application/json",
                "GET /customers/c-42/orders 200 application/json",
                "PUT /orders/{id} 200 application/json",
                "GET /orders/{id} 200 application/json",
                "GET /customers/c-42/summary 200 application/json",
                "POST /orders 400 application/problem+json",
                "GET /orders/not-a-guid 400 application/problem+json",
                "PATCH /orders 405 application/problem+json",
                "DELETE /orders/{id} 204 ",
                "GET /orders/{id} 404 application/problem+json",
                "GET /customers/c-42/summary 200 application/json",
                "GET /nowhere 404 application/problem+json",
            ],
            exchanges);
        Assert.Contains("\"errors\":{\"lines\":[\"An order needs at least one line.\"]}", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"customerId\":\"c-42\"", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("ok: ImportOrder imports one message and reports the invalid one for retry", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"orderCount\":2,\"total\":38.5", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"orderCount\":1,\"total\":10", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("demo: all checks passed", run.StdOut, StringComparison.Ordinal);
    }

    static string Normalize(string path) => GuidPattern().Replace(path, "{id}");

    [GeneratedRegex(@"^(?<method>[A-Z]+) (?<path>\S+) -> (?<status>\d{3}) (?<type>\S*)", RegexOptions.Multiline)]
    private static partial Regex Exchange();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
