using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrdersApi.Local;

// dotnet run --project samples/OrdersApi.Local [-- --demo] [--port N] [--dynalite DIR]
var demo = args.Contains("--demo");
var port = Option("--port") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 0;
var dynaliteDirectory = Option("--dynalite") ?? Environment.GetEnvironmentVariable("SHARPLESS_DYNALITE_DIR") ?? FindDynaliteDirectory();

await using var dynalite = await Dynalite.StartAsync(dynaliteDirectory, Console.Out);
using (var admin = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = dynalite.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" }))
{
    await OrdersTable.CreateAsync(admin);
}

// The function reads these once, in its init phase, exactly as it would read the template's environment in Lambda.
Environment.SetEnvironmentVariable("DYNAMODB_SERVICE_URL", dynalite.ServiceUrl.ToString());
Environment.SetEnvironmentVariable("ORDERS_TABLE", OrdersTable.Name);
Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");

var function = LambdaFunction.FromHandlerString(Sharpless.Generated.Functions.Api);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var app = builder.Build();
app.Run(async context =>
{
    using var input = new MemoryStream(await HttpApiTranslation.ToEventAsync(context.Request));
    await using var output = await function.InvokeAsync(input);
    await HttpApiTranslation.WriteResponseAsync(output, context.Response);
});
await app.StartAsync();
var url = app.Urls.First();

Console.WriteLine($"OrdersApi ({Sharpless.Generated.Functions.Api}) on {url}, DynamoDB (dynalite) on {dynalite.ServiceUrl}");
if (demo)
{
    using var http = new HttpClient { BaseAddress = new Uri(url) };
    var passed = await new Demo(http, Console.Out).RunAsync();
    await app.StopAsync();
    return passed ? 0 : 1;
}

Console.WriteLine($$"""

      curl -i -X POST {{url}}/orders -H 'content-type: application/json' -d '{"customerId":"c-1","lines":[{"sku":"A-1","quantity":2,"unitPrice":9.5}]}'
      curl -i {{url}}/orders
      curl -i {{url}}/orders/<id>
      curl -i {{url}}/customers/c-1/orders
      curl -i -X DELETE {{url}}/orders/<id>

    Ctrl+C stops the API and dynalite.
    """);
await app.WaitForShutdownAsync();
return 0;

string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

// tests/dynalite of this repository: the sample runs from a checkout.
static string FindDynaliteDirectory()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "tests", "dynalite");
        if (File.Exists(Path.Combine(candidate, "package.json")))
        {
            return candidate;
        }
    }

    throw new InvalidOperationException("tests/dynalite was not found above " + AppContext.BaseDirectory + "; pass --dynalite DIR (a folder with dynalite's package.json).");
}
