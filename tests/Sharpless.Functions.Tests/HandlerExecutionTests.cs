using System.Text;
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
            [JsonSerializable(typeof(int))]
            internal partial class AppJson : JsonSerializerContext { }
        }

        """;

    private static Task<FunctionHost> LoadAsync(string functions) =>
        LoadAsync(FunctionProject.Create(Models + functions));

    private static async Task<FunctionHost> LoadAsync(Sharpless.TestKit.ProjectBuilder project) =>
        FunctionProject.Load(await project.RunGeneratorsAsync());

    [Fact]
    public async Task AsyncFunction_ReadsThePayloadAndWritesTheResultThroughTheContext()
    {
        var host = await LoadAsync("""
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
            """);

        Assert.Equal("Orders::Shop.Orders_Place_Handler::Handle", host.HandlerString("Place"));
        Assert.Equal("""{"OrderId":"o-1","Status":"placed by orders for 12.5"}""", await host.InvokeAsync("Place", """{"Id":"o-1","Total":12.5}"""));
    }

    [Fact]
    public async Task EveryReturnShape_ProducesTheResponseTheRuntimeExpects()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using System.IO;
                using System.Text;
                using System.Threading.Tasks;
                using Sharpless;

                public static class Shapes
                {
                    public static int Calls;

                    [LambdaFunction] public static void Void(Order order) => Calls++;
                    [LambdaFunction] public static async Task AsyncTask(Order order) { await Task.Yield(); Calls++; }
                    [LambdaFunction] public static async ValueTask AsyncValueTask(Order order) { await Task.Yield(); Calls++; }
                    [LambdaFunction] public static Receipt Value(Order order) => new Receipt(order.Id, "value");
                    [LambdaFunction] public static ValueTask<Receipt> ValueTaskOfT(Order order) => new(new Receipt(order.Id, "value-task"));
                    [LambdaFunction] public static int Number(Order order) => (int)order.Total;
                    [LambdaFunction] public static string Text(string name) => "hello " + name;
                    [LambdaFunction] public static Stream Raw(Stream input) { var copy = new MemoryStream(); input.CopyTo(copy); copy.Write(Encoding.UTF8.GetBytes("!")); copy.Position = 0; return copy; }
                    [LambdaFunction] public static Task<MemoryStream> RawAsync() => Task.FromResult(new MemoryStream(Encoding.UTF8.GetBytes("raw")));
                }
            }
            """);
        const string order = """{"Id":"o-7","Total":3}""";

        Assert.Equal(string.Empty, await host.InvokeAsync("Void", order));
        Assert.Equal(string.Empty, await host.InvokeAsync("AsyncTask", order));
        Assert.Equal(string.Empty, await host.InvokeAsync("AsyncValueTask", order));
        Assert.Equal(3, (int)host.Assembly.GetType("Shop.Shapes")!.GetField("Calls")!.GetValue(null)!);
        Assert.Equal("""{"OrderId":"o-7","Status":"value"}""", await host.InvokeAsync("Value", order));
        Assert.Equal("""{"OrderId":"o-7","Status":"value-task"}""", await host.InvokeAsync("ValueTaskOfT", order));
        Assert.Equal("3", await host.InvokeAsync("Number", order));
        Assert.Equal("\"hello Ada \\u0026 Bob\"", await host.InvokeAsync("Text", "\"Ada & Bob\""));
        Assert.Equal("not json at all!", await host.InvokeAsync("Raw", "not json at all"));
        Assert.Equal("raw", await host.InvokeAsync("RawAsync", string.Empty));
    }

    [Fact]
    public async Task Exceptions_ReachTheRuntimeWithTheirOriginalType()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using System;
                using System.Threading.Tasks;
                using Sharpless;

                public static class Failing
                {
                    [LambdaFunction] public static Receipt Sync(Order order) => throw new InvalidOperationException("sync " + order.Id);
                    [LambdaFunction] public static async Task<Receipt> Async(Order order) { await Task.Yield(); throw new ArgumentException("async " + order.Id); }
                }
            }
            """);

        var sync = await Assert.ThrowsAsync<InvalidOperationException>(() => host.InvokeAsync("Sync", """{"Id":"a","Total":1}"""));
        Assert.Equal("sync a", sync.Message);
        var async = await Assert.ThrowsAsync<ArgumentException>(() => host.InvokeAsync("Async", """{"Id":"b","Total":1}"""));
        Assert.Equal("async b", async.Message);
    }

    [Fact]
    public async Task NullEmptyAndInvalidPayloads_GiveAClearPayloadError()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using Sharpless;

                public static class Payloads
                {
                    [LambdaFunction] public static string Required(Order order) => order.Id;
                    [LambdaFunction] public static string Optional(Order? order) => order?.Id ?? "none";
                    [LambdaFunction] public static string Name(string name) => name.ToUpperInvariant();
                    [LambdaFunction] public static int Twice(int value) => value * 2;
                }
            }
            """);

        var nullPayload = await Assert.ThrowsAsync<LambdaPayloadException>(() => host.InvokeAsync("Required", "null"));
        Assert.Equal("Function 'Required' received a null event payload, but its parameter of type 'Shop.Order' does not accept null.", nullPayload.Message);

        var empty = await Assert.ThrowsAsync<LambdaPayloadException>(() => host.InvokeAsync("Required", " \n"));
        Assert.Equal("Function 'Required' received an empty event payload; it expects JSON for 'Shop.Order'.", empty.Message);
        await Assert.ThrowsAsync<LambdaPayloadException>(() => host.InvokeAsync("Required", null));

        var invalid = await Assert.ThrowsAsync<LambdaPayloadException>(() => host.InvokeAsync("Required", """{"Id":"x","Total":"lots"}"""));
        Assert.StartsWith("Function 'Required' could not read its event payload as 'Shop.Order': ", invalid.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(invalid.InnerException);

        Assert.Equal("\"none\"", await host.InvokeAsync("Optional", "null"));
        Assert.Equal("\"none\"", await host.InvokeAsync("Optional", string.Empty));
        Assert.Equal("\"o-1\"", await host.InvokeAsync("Optional", """{"Id":"o-1","Total":1}"""));

        await Assert.ThrowsAsync<LambdaPayloadException>(() => host.InvokeAsync("Name", "null"));
        await Assert.ThrowsAsync<LambdaPayloadException>(() => host.InvokeAsync("Twice", "null"));
        Assert.Equal("42", await host.InvokeAsync("Twice", "21"));
    }

    private const string ReadFunction = """
        namespace Shop
        {
            using Sharpless;

            public static class Echo
            {
                [LambdaFunction] public static Receipt Read(Order order) => new Receipt(order.Id, "read");
            }
        }
        """;

    [Fact]
    public async Task PayloadStreams_AreReadFromTheirCurrentPosition_InPlaceOrThroughAPooledCopy()
    {
        var host = await LoadAsync(ReadFunction);
        var bytes = Encoding.UTF8.GetBytes("""xxxx{"Id":"o-2","Total":1}""");

        // A buffer the stream exposes is read in place; the runtime's own stream (buffer not exposed, see
        // FunctionHost) and a stream that cannot seek are copied into a pooled array, from the current position.
        var exposed = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true) { Position = 4 };
        var runtime = new MemoryStream(bytes) { Position = 4 };
        var unseekable = new NonSeekableStream(Encoding.UTF8.GetBytes("""{"Id":"o-3","Total":1}"""), chunk: 5);

        Assert.Equal("""{"OrderId":"o-2","Status":"read"}""", await ReadAsync(await host.InvokeRawAsync("Read", exposed)));
        Assert.Equal("""{"OrderId":"o-2","Status":"read"}""", await ReadAsync(await host.InvokeRawAsync("Read", runtime)));
        Assert.Equal("""{"OrderId":"o-3","Status":"read"}""", await ReadAsync(await host.InvokeRawAsync("Read", unseekable)));
    }

    [Theory]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(300_000)]
    public async Task LargePayloads_AreReadWhole_WhetherOrNotTheStreamKnowsItsLength(int size)
    {
        var host = await LoadAsync(ReadFunction);
        var bytes = PaddedOrder("o-big", size);

        Assert.Equal("""{"OrderId":"o-big","Status":"read"}""", await ReadAsync(await host.InvokeRawAsync("Read", new MemoryStream(bytes))));
        Assert.Equal("""{"OrderId":"o-big","Status":"read"}""", await ReadAsync(await host.InvokeRawAsync("Read", new NonSeekableStream(bytes, chunk: 1000))));
    }

    [Fact]
    public async Task TheRuntimesEventStream_IsNotCopiedPerInvocation()
    {
        var host = await LoadAsync(ReadFunction);
        var bytes = PaddedOrder("o-4", 256 * 1024);

        // Allocated bytes are exact (no timing): a copy of the event would cost its 256 KB on every call. What is left
        // is the response stream, the record, the host's reflection call and the stream handed in.
        var perCall = await AllocatedPerCallAsync(() => host.InvokeRawAsync("Read", new MemoryStream(bytes)));

        Assert.True(perCall < 8 * 1024, $"{perCall} bytes allocated per invocation of a {bytes.Length}-byte event.");
    }

    /// <summary>An order event padded to <paramref name="size"/> bytes with a property the model ignores.</summary>
    private static byte[] PaddedOrder(string id, int size)
    {
        var head = "{\"Id\":\"" + id + "\",\"Total\":1,\"Padding\":\"";
        return Encoding.UTF8.GetBytes(head + new string('p', size - head.Length - 2) + "\"}");
    }

    private static async Task<long> AllocatedPerCallAsync(Func<Task<Stream>> invoke)
    {
        // Warm up: JIT, the handler's static constructor and the pool's first rent of this size.
        for (var i = 0; i < 3; i++)
        {
            await ReadAsync(await invoke());
        }

        const int Calls = 20;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            // Synchronous functions complete on this thread, so the counter sees the whole invocation.
            (await invoke()).Dispose();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    [Fact]
    public async Task CancellationToken_IsCancelledHalfASecondBeforeTheDeadline()
    {
        var host = await LoadAsync("""
            namespace Shop
            {
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Sharpless;

                public static class Slow
                {
                    [LambdaFunction]
                    public static async Task<string> Wait(string name, CancellationToken cancellationToken)
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                        return name;
                    }

                    [LambdaFunction]
                    public static string State(string name, CancellationToken cancellationToken) => cancellationToken.IsCancellationRequested ? "cancelled" : "running";
                }
            }
            """);

        var started = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.InvokeAsync("Wait", "\"a\"", remainingTime: TimeSpan.FromMilliseconds(700)));
        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(30));

        Assert.Equal("\"cancelled\"", await host.InvokeAsync("State", "\"a\"", remainingTime: TimeSpan.FromMilliseconds(400)));
        Assert.Equal("\"running\"", await host.InvokeAsync("State", "\"a\"", remainingTime: TimeSpan.FromMinutes(10)));
        Assert.Equal("\"running\"", await host.InvokeAsync("State", "\"a\"", remainingTime: TimeSpan.MaxValue));
    }

    [Fact]
    public async Task Container_IsBuiltOnce_FunctionClassOnce_ScopePerInvocation()
    {
        var host = await LoadAsync(FunctionProject.Create(Models + """
            namespace Shop
            {
                using System.Threading;
                using Microsoft.Extensions.DependencyInjection;
                using Sharpless;

                public sealed class Counter { public int Value; }
                public sealed class PerInvocation { private static int s_next; public int Id { get; } = Interlocked.Increment(ref s_next); }

                [LambdaStartup]
                public static class Startup
                {
                    public static int Builds;

                    public static void ConfigureServices(IServiceCollection services)
                    {
                        Builds++;
                        services.AddSingleton<Counter>();
                        services.AddScoped<PerInvocation>();
                    }
                }

                public class Tally(Counter counter)
                {
                    public static int Instances;
                    private readonly int _instance = Interlocked.Increment(ref Instances);

                    [LambdaFunction]
                    public string Count(string caller, [FromServices] PerInvocation scope, [FromServices] PerInvocation sameScope, [FromServices] Counter? optional)
                    {
                        counter.Value++;
                        return $"{caller}: instance {_instance}, count {counter.Value}, scope {scope.Id}, same scope {scope.Id == sameScope.Id}, singleton {ReferenceEquals(optional, counter)}";
                    }

                    [LambdaFunction]
                    public string CountAgain(string caller) => $"{caller}: instance {_instance}, count {++counter.Value}";
                }
            }
            """));

        Assert.Equal("\"a: instance 1, count 1, scope 1, same scope True, singleton True\"", await host.InvokeAsync("Count", "\"a\""));
        Assert.Equal("\"b: instance 1, count 2, scope 2, same scope True, singleton True\"", await host.InvokeAsync("Count", "\"b\""));

        // A second function of the same class shares the one container (same singleton) but is its own handler.
        Assert.Equal("\"c: instance 2, count 3\"", await host.InvokeAsync("CountAgain", "\"c\""));
        Assert.Equal(1, (int)host.Assembly.GetType("Shop.Startup")!.GetField("Builds")!.GetValue(null)!);

        // The runtime may construct a handler again (it does not, but tests and custom hosts might): still one function object.
        var handlerType = host.Assembly.GetType("Shop.Tally_Count_Handler")!;
        Activator.CreateInstance(handlerType);
        Assert.Equal(2, (int)host.Assembly.GetType("Shop.Tally")!.GetField("Instances")!.GetValue(null)!);
    }

    [Fact]
    public async Task FunctionClassAndContainer_AreCreatedWhenTheRuntimeCreatesTheHandler_NotOnTheFirstEvent()
    {
        var host = await LoadAsync(FunctionProject.Create(Models + """
            namespace Shop
            {
                using Microsoft.Extensions.DependencyInjection;
                using Sharpless;

                public sealed class Clock { public static int Created; public Clock() => Created++; }

                [LambdaStartup]
                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services) => services.AddSingleton<Clock>();
                }

                public class Timed(Clock clock)
                {
                    [LambdaFunction] public string Now(string caller) => caller + clock.GetHashCode().ToString().Length.ToString();
                }
            }
            """));
        var created = host.Assembly.GetType("Shop.Clock")!.GetField("Created")!;
        Assert.Equal(0, (int)created.GetValue(null)!);

        Activator.CreateInstance(host.Assembly.GetType("Shop.Timed_Now_Handler")!);

        Assert.Equal(1, (int)created.GetValue(null)!);
    }

    [Fact]
    public async Task WithoutLambdaCore_TheHandlerTakesOnlyTheStream()
    {
        var host = await LoadAsync(FunctionProject.CreateWithoutLambdaCore(Models + """
            namespace Shop
            {
                using System.Threading;
                using Sharpless;

                public class Orders
                {
                    [LambdaFunction]
                    public Receipt Place(Order order, CancellationToken cancellationToken) =>
                        new Receipt(order.Id, cancellationToken.CanBeCanceled ? "cancellable" : "not cancellable");
                }
            }
            """));

        var handler = host.Assembly.GetType("Shop.Orders_Place_Handler")!.GetMethod("Handle")!;
        Assert.Equal([typeof(Stream)], handler.GetParameters().Select(p => p.ParameterType));
        Assert.Equal("""{"OrderId":"o-1","Status":"not cancellable"}""", await host.InvokeAsync("Place", """{"Id":"o-1","Total":1}"""));
    }

    [Fact]
    public async Task WithoutAContext_ReflectionJsonStillWorks()
    {
        var host = await LoadAsync(FunctionProject.CreateWithoutLambdaCore("""
            namespace Shop
            {
                using Sharpless;

                public sealed class Order { public string Id { get; set; } = ""; public decimal Total { get; set; } }

                public static class Orders
                {
                    [LambdaFunction] public static Order Echo(Order order) => new Order { Id = order.Id + "!", Total = order.Total * 2 };
                }
            }
            """));

        // System.Text.Json's defaults, as a context without options would use: adding a context later changes nothing.
        Assert.Equal("""{"Id":"o-1!","Total":4}""", await host.InvokeAsync("Echo", """{"Id":"o-1","Total":2}"""));
        Assert.Equal("""{"Id":"!","Total":0}""", await host.InvokeAsync("Echo", """{"id":"o-1","total":2}"""));
    }

    [Fact]
    public async Task LambdaJsonContext_ChoosesTheContextOverTheFirstOneByName()
    {
        var host = await LoadAsync(FunctionProject.Create("""
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using Sharpless;

            [assembly: LambdaJsonContext(typeof(Shop.SnakeJson))]

            namespace Shop
            {
                public sealed record Order(string OrderId, decimal Total);

                [JsonSerializable(typeof(Order))]
                internal partial class AJson : JsonSerializerContext { }

                [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
                [JsonSerializable(typeof(Order))]
                internal partial class SnakeJson : JsonSerializerContext { }

                public static class Orders
                {
                    [LambdaFunction] public static Order Echo(Order order) => order;
                }
            }
            """));

        Assert.Equal("""{"order_id":"o-1","total":1}""", await host.InvokeAsync("Echo", """{"order_id":"o-1","total":1}"""));
    }

    private static async Task<string> ReadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
