using Microsoft.Extensions.Configuration;
using Sharpless;

namespace AntiPatterns.ColdStart;

public class GreetingFunctions
{
    [LambdaFunction]
    public string Greet(string name)
    {
        // SLS4007: reading appsettings.json from disk and building the configuration is INIT work, repeated here on every
        // invocation. Build it once (a static field or the constructor) and reuse it.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .Build();
        return (configuration["Greeting"] ?? "Hello") + ", " + name;
    }
}
