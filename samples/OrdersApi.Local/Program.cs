using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrdersApi.Local;

// dotnet run --project samples/OrdersApi.Local [-- --demo] [--port N] [--dynalite DIR] [--invoke FUNCTION EVENT.json]
var demo = args.Contains("--demo");
var invokeAt = Array.IndexOf(args, "--invoke");
if (invokeAt >= 0 && invokeAt + 2 >= args.Length)
{
    Console.Error.WriteLine("--invoke needs a function name and an event file: --invoke ImportOrder events/order-import.json");
    return 2;
}

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
Environment.SetEnvironmentVariable("CUSTOMER_SUMMARIES_TABLE", OrdersTable.SummariesName);
Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");

if (invokeAt >= 0)
{
    // One event, from a file (recorded in AWS, or written by hand), to any function of the project; the response is printed.
    LambdaFunction named;
    try
    {
        named = LambdaFunction.FromName(args[invokeAt + 1]);
    }
    catch (ArgumentException unknown)
    {
        Console.Error.WriteLine(unknown.Message);
        return 2;
    }

    Console.WriteLine(await named.InvokeAsync(await File.ReadAllTextAsync(args[invokeAt + 2])));
    return 0;
}

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
    using var reader = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = dynalite.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
    var functions = new Dictionary<string, LambdaFunction>();
    var passed = await new Demo(
        http,
        Console.Out,
        (name, eventJson) => (functions.TryGetValue(name, out var f) ? f : functions[name] = LambdaFunction.FromName(name)).InvokeAsync(eventJson),
        async id => (await reader.GetItemAsync(new Amazon.DynamoDBv2.Model.GetItemRequest { TableName = OrdersTable.Name, Key = OrdersApi.OrderMapper.ToKey(id) })).Item).RunAsync();
    await app.StopAsync();
    return passed ? 0 : 1;
}

Console.WriteLine($$"""

      curl -i -X POST {{url}}/orders -H 'content-type: application/json' -d '{"customerId":"c-1","lines":[{"sku":"A-1","quantity":2,"unitPrice":9.5}]}'
      curl -i {{url}}/orders
      curl -i {{url}}/orders/<id>
      curl -i {{url}}/customers/c-1/orders
      curl -i -X DELETE {{url}}/orders/<id>
      curl -i {{url}}/customers/c-1/summary

    Event functions: dotnet run --project samples/OrdersApi.Local -- --invoke ImportOrder samples/OrdersApi.Local/events/order-import.json

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
