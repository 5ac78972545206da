namespace Sharpless.Package.Tests;

/// <summary>
/// The function generator as a user gets it: a fresh project adds the packed Sharpless, declares a [LambdaFunction]
/// with a source-generated JSON context, and is built and run with -warnaserror. Its Main calls the generated
/// handler the way the Lambda runtime does — by the handler string in Sharpless.Generated.Functions, creating the
/// type and calling the method with the event stream — and prints the response.
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Package")]
public sealed class GeneratedHandlerSmokeTests(PackedPackage package)
{
    private const string FunctionSource =
        """
        using System.Reflection;
        using System.Text;
        using System.Text.Json.Serialization;
        using Sharpless;

        namespace Smoke;

        public sealed record Order(string Id, int Quantity);
        public sealed record Receipt(string OrderId, int Items);

        [JsonSerializable(typeof(Order))]
        [JsonSerializable(typeof(Receipt))]
        internal sealed partial class AppJson : JsonSerializerContext { }

        public sealed class Orders
        {
            [LambdaFunction(MemorySize = 256)]
            public async Task<Receipt> Place(Order order)
            {
                await Task.Yield();
                return new Receipt(order.Id, order.Quantity * 2);
            }
        }

        public static class Program
        {
            public static async Task<int> Main(string[] args)
            {
                // What the runtime does with the handler string: Assembly::Namespace.Type::Method.
                var parts = Sharpless.Generated.Functions.Place.Split("::");
                var type = Assembly.Load(parts[0]).GetType(parts[1], throwOnError: true)!;
                var handler = Activator.CreateInstance(type)!;
                var method = type.GetMethod(parts[2])!;
                var input = new MemoryStream(Encoding.UTF8.GetBytes(args[0]));
                var output = await (Task<Stream>)method.Invoke(handler, [input])!;
                Console.WriteLine(Sharpless.Generated.Functions.Place);
                Console.WriteLine(new StreamReader(output).ReadToEnd());
                return 0;
            }
        }

        """;

    [Fact]
    public async Task Packaged_generator_produces_a_handler_that_runs()
    {
        var project = await UserProject.CreateRestoredAsync(package, "SmokeHandler", directory =>
        {
            File.WriteAllText(Path.Combine(directory, "Function.cs"), FunctionSource);
            File.Delete(Path.Combine(directory, "aws-lambda-tools-defaults.json"));
            var csproj = Path.Combine(directory, UserProject.ProjectName + ".csproj");
            File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("<Nullable>enable</Nullable>", "<Nullable>enable</Nullable>\n    <OutputType>Exe</OutputType>", StringComparison.Ordinal));
        });

        var build = await project.BuildAsync("-warnaserror", "-p:TreatWarningsAsErrors=true");
        Assert.True(build.Succeeded, build.ToString());

        var run = await project.DotnetAsync(["run", "--no-build", "--", """{"Id":"o-1","Quantity":3}"""]);
        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(
            ["Smoke::Smoke.Orders_Place_Handler::Handle", """{"OrderId":"o-1","Items":6}"""],
            run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
