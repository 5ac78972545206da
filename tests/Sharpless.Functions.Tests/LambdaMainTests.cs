using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Sharpless.Functions.Tests.Infrastructure;
using Sharpless.TestKit;

namespace Sharpless.Functions.Tests;

/// <summary>The generated Main of executable projects (custom runtime, Native AOT): which function it serves, and its failures.</summary>
public sealed class LambdaMainTests
{
    private const string TwoFunctions = """
        using Sharpless;

        namespace Shop
        {
            public static class Orders
            {
                [LambdaFunction] public static string Place(string id) => "placed " + id;
                [LambdaFunction] public static string Cancel(string id) => "cancelled " + id;
            }
        }
        """;

    // A function whose class cannot be created: its constructor throws, as one reading missing configuration does.
    private const string ThrowingConstructor = """
        using Sharpless;

        namespace Shop
        {
            public class Orders
            {
                public Orders() => throw new System.InvalidOperationException("The ORDERS_TABLE environment variable is not set.");

                [LambdaFunction] public string Place(string id) => id;
            }
        }
        """;

    // A function whose container cannot be built: [LambdaStartup] throws while the handler is created.
    private const string ThrowingStartup = """
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;

        namespace Shop
        {
            public interface IOrderStore { string Table { get; } }

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) =>
                    throw new System.InvalidOperationException("The ORDERS_TABLE environment variable is not set.");
            }

            public class Orders
            {
                private readonly IOrderStore _store;

                public Orders(IOrderStore store) => _store = store;

                [LambdaFunction] public string Place(string id) => _store.Table + id;
            }
        }
        """;

    private static ProjectBuilder Executable(string source) =>
        FunctionProject.Create(source).WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);

    [Fact]
    public async Task Executable_GetsAMainThatSelectsTheFunctionByVariable_ThenByHandlerSetting()
    {
        var run = await Executable(TwoFunctions).RunGeneratorsAsync();
        var host = FunctionProject.Load(run);

        // An async Main is wrapped by a compiler-synthesized entry point in the same class.
        var entryPoint = host.Assembly.EntryPoint;
        Assert.NotNull(entryPoint);
        Assert.Equal("Sharpless.Generated.LambdaEntryPoint", entryPoint.DeclaringType!.FullName);

        Assert.Equal("Cancel", Select(host, "Cancel", null));
        Assert.Null(Select(host, "Refund", null));
        Assert.Null(Select(host, null, null));
        Assert.Equal("Place", Select(host, null, "Place"));
        Assert.Equal("Cancel", Select(host, null, "Orders::Shop.Orders_Cancel_Handler::Handle"));
        Assert.Null(Select(host, null, "bootstrap"));
    }

    [Fact]
    public async Task Executable_MatchesBaselines()
    {
        var run = await Executable(TwoFunctions).RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings()
            .ShouldMatchBaseline(LambdaMainEmitter.HintName, LambdaMainEmitter.HintName)
            .ShouldMatchBaseline(LambdaInitErrorEmitter.HintName, LambdaInitErrorEmitter.HintName);
    }

    [Fact]
    public async Task SingleFunction_IsServedWithoutAVariable_ButAWrongVariableStillFails()
    {
        var host = FunctionProject.Load(await Executable("""
            using Sharpless;

            namespace Shop
            {
                public static class Orders { [LambdaFunction] public static string Place(string id) => id; }
            }
            """).RunGeneratorsAsync());

        Assert.Equal("Place", Select(host, null, "bootstrap"));
        Assert.Null(Select(host, "Cancel", null));
    }

    [Fact]
    public async Task Main_FailsLoudly_NamingTheVariableAndTheValidValues()
    {
        var host = FunctionProject.Load(await Executable(TwoFunctions).RunGeneratorsAsync());

        var (missingCode, missingMessage) = await RunMainAsync(host, requested: null);
        Assert.Equal(1, missingCode);
        Assert.Equal("Sharpless: set the SHARPLESS_FUNCTION environment variable to the function this executable should serve. Valid values: Cancel, Place.", missingMessage);

        var (wrongCode, wrongMessage) = await RunMainAsync(host, requested: "Refund");
        Assert.Equal(1, wrongCode);
        Assert.Equal("Sharpless: SHARPLESS_FUNCTION is 'Refund', which is not a function in this executable. Valid values: Cancel, Place.", wrongMessage);

        // With a valid choice, Main creates the handler and hands it to the runtime client (a stand-in here, which returns at once).
        var (code, message) = await RunMainAsync(host, requested: "Place");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, message);
    }

    [Theory]
    [InlineData(null, "Sharpless.FunctionNotSelected", "Sharpless: set the SHARPLESS_FUNCTION environment variable to the function this executable should serve. Valid values: Cancel, Place.")]
    [InlineData("Refund \"now\"", "Sharpless.FunctionNotFound", "Sharpless: SHARPLESS_FUNCTION is 'Refund \"now\"', which is not a function in this executable. Valid values: Cancel, Place.")]
    public async Task NoFunctionToServe_IsReportedToTheRuntimeApiAsAnInitError_AndOnStandardError(string? requested, string errorType, string message)
    {
        var host = FunctionProject.Load(await Executable(TwoFunctions).RunGeneratorsAsync());
        await using var runtimeApi = RuntimeApiStandIn.Answering();

        var (code, error) = await StartAsync(host, requested, runtimeApi.Address);

        Assert.Equal(1, code);
        Assert.Equal(message, error);
        var request = SingleInitError(runtimeApi);
        Assert.Equal(errorType, request.Headers["Lambda-Runtime-Function-Error-Type"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(message, body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(errorType, body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("stackTrace").GetArrayLength());
    }

    [Theory]
    [InlineData(ThrowingConstructor, "at Shop.Orders..ctor()")]
    [InlineData(ThrowingStartup, "at Shop.Startup.ConfigureServices(")]
    public async Task HandlerThatCannotBeCreated_IsReportedWithTheCauseInsteadOfEscapingMain(string source, string frame)
    {
        var host = FunctionProject.Load(await Executable(source).RunGeneratorsAsync());
        await using var runtimeApi = RuntimeApiStandIn.Answering();

        var (code, error) = await StartAsync(host, requested: null, runtimeApi.Address);

        Assert.Equal(1, code);
        // Standard error gets the whole exception: the handler's type initializer, and the cause inside it.
        Assert.StartsWith("Sharpless: creating the handler of function 'Place' failed: System.TypeInitializationException: ", error, StringComparison.Ordinal);
        Assert.Contains("---> System.InvalidOperationException: The ORDERS_TABLE environment variable is not set.", error, StringComparison.Ordinal);

        // The Runtime API gets the cause: its type, message and frames, under Sharpless's error type.
        var request = SingleInitError(runtimeApi);
        Assert.Equal("Sharpless.HandlerCreationFailed", request.Headers["Lambda-Runtime-Function-Error-Type"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("The ORDERS_TABLE environment variable is not set.", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("System.InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        var stackTrace = body.RootElement.GetProperty("stackTrace").EnumerateArray().Select(line => line.GetString()!).ToList();
        Assert.StartsWith(frame, stackTrace[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlerThatCannotBeCreated_OutsideLambda_FailsWithTheExceptionOnStandardError()
    {
        var host = FunctionProject.Load(await Executable(ThrowingConstructor).RunGeneratorsAsync());

        // Before, the exception escaped Main: the process died of an unhandled exception instead of exiting with 1.
        var (code, error) = await RunMainAsync(host, requested: null, runtimeApi: null);

        Assert.Equal(1, code);
        Assert.StartsWith("Sharpless: creating the handler of function 'Place' failed: System.TypeInitializationException: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_ReportsToTheRuntimeApiInTheEnvironment_AndPostsNothingWithoutOne()
    {
        var host = FunctionProject.Load(await Executable(TwoFunctions).RunGeneratorsAsync());
        await using var runtimeApi = RuntimeApiStandIn.Answering();
        const string Message = "Sharpless: SHARPLESS_FUNCTION is 'Refund', which is not a function in this executable. Valid values: Cancel, Place.";

        var (code, error) = await RunMainAsync(host, requested: "Refund", runtimeApi: runtimeApi.Address);
        Assert.Equal((1, Message), (code, error));
        Assert.Equal("Sharpless.FunctionNotFound", SingleInitError(runtimeApi).Headers["Lambda-Runtime-Function-Error-Type"]);

        // Run locally (no AWS_LAMBDA_RUNTIME_API): the same exit code and message, and no request anywhere.
        var (localCode, localError) = await RunMainAsync(host, requested: "Refund", runtimeApi: null);
        Assert.Equal((1, Message), (localCode, localError));
        Assert.Single(runtimeApi.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RuntimeApiThatDoesNotAnswer_DoesNotHoldStartUp_AndTheFailureToReportIsOnStandardError(bool listening)
    {
        var host = FunctionProject.Load(await Executable(TwoFunctions).RunGeneratorsAsync());
        await using var silent = RuntimeApiStandIn.Silent();
        var address = listening ? silent.Address : RuntimeApiStandIn.ClosedAddress();

        var clock = Stopwatch.StartNew();
        var (code, error) = await StartAsync(host, requested: null, address);
        clock.Stop();

        // A refused connection fails at once; a stand-in that never answers would hold Main for good, but the report
        // gives up after its 2 s timeout.
        Assert.InRange(clock.Elapsed, listening ? TimeSpan.FromSeconds(1.9) : TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.Equal(1, code);
        var lines = error.Split(Environment.NewLine);
        Assert.Equal("Sharpless: set the SHARPLESS_FUNCTION environment variable to the function this executable should serve. Valid values: Cancel, Place.", lines[0]);
        Assert.StartsWith("Sharpless: could not report the init error to the Lambda Runtime API at " + address + ": ", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Equal(listening ? 1 : 0, silent.Requests.Count);
    }

    [Fact]
    public async Task RuntimeApiThatRefusesTheReport_IsNamedOnStandardError()
    {
        var host = FunctionProject.Load(await Executable(TwoFunctions).RunGeneratorsAsync());
        await using var runtimeApi = RuntimeApiStandIn.Answering(HttpStatusCode.Forbidden);

        var (code, error) = await StartAsync(host, requested: null, runtimeApi.Address);

        Assert.Equal(1, code);
        Assert.EndsWith(Environment.NewLine + "Sharpless: the Lambda Runtime API at " + runtimeApi.Address + " answered the init error report with 403 Forbidden.", error, StringComparison.Ordinal);
        SingleInitError(runtimeApi);
    }

    [Theory]
    [InlineData("static class Program { static void Main() { } }", false)]
    [InlineData("namespace App { static class Program { static int Main(string[] args) => 0; } }", false)]
    [InlineData("namespace App; static class Outer { internal static class Program { static System.Threading.Tasks.Task Main() => System.Threading.Tasks.Task.CompletedTask; } }", false)]
    [InlineData("System.Console.WriteLine(); // top-level statements", false)]
    [InlineData("class Program { public void Main() { } }", true)]
    [InlineData("static class Program { static void Run() { static void Main() { } Main(); } }", true)]
    [InlineData("[assembly: Sharpless.LambdaMain(false)]", false)]
    [InlineData("", true)]
    public async Task Main_IsGeneratedOnlyWhenTheProjectHasNoEntryPointAndDoesNotOptOut(string extra, bool expected)
    {
        var run = await Executable(TwoFunctions).WithSourceCode(extra, "Extra.cs").RunGeneratorsAsync();

        Assert.Equal(expected, run.GeneratedSources.Any(s => s.HintName == LambdaMainEmitter.HintName));
        if (!extra.Contains("LambdaMain(false)", StringComparison.Ordinal))
        {
            // Opting out without writing a Main leaves the executable without one (CS5001): that is the user's call.
            run.ShouldCompileWithoutWarnings();
        }
    }

    [Fact]
    public async Task ClassLibrary_GetsMainOnlyWhenItAsksForIt()
    {
        var library = await FunctionProject.Create(TwoFunctions).RunGeneratorsAsync();
        var asked = await FunctionProject.Create(TwoFunctions).WithSourceCode("[assembly: Sharpless.LambdaMain]", "Main.cs").RunGeneratorsAsync();

        Assert.DoesNotContain(library.GeneratedSources, s => s.HintName == LambdaMainEmitter.HintName);
        Assert.Contains(asked.ShouldCompileWithoutWarnings().GeneratedSources, s => s.HintName == LambdaMainEmitter.HintName);
    }

    [Fact]
    public async Task WithoutRuntimeSupport_NoMainIsGenerated()
    {
        var run = await FunctionProject.CreateWithoutLambdaCore(TwoFunctions)
            .WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)
            .WithSourceCode("static class Program { static void Main() { } }", "Program.cs")
            .RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings();
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName == LambdaMainEmitter.HintName);
    }

    private static string? Select(FunctionHost host, string? requested, string? handlerSetting) =>
        (string?)EntryPointType(host).GetMethod("SelectFunction", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [requested, handlerSetting]);

    private static Type EntryPointType(FunctionHost host) => host.Assembly.GetType("Sharpless.Generated.LambdaEntryPoint", throwOnError: true)!;

    private static Task<(int Code, string Error)> StartAsync(FunctionHost host, string? requested, string? runtimeApi) =>
        CaptureErrorAsync(() => (Task<int>)EntryPointType(host).GetMethod("StartAsync", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [requested, null, runtimeApi])!);

    // Main reads the process environment and writes to Console.Error: both are process-wide, so these runs are serialized.
    private static readonly SemaphoreSlim ProcessState = new(1, 1);

    private static Task<(int Code, string Error)> RunMainAsync(FunctionHost host, string? requested, string? runtimeApi = null) =>
        CaptureErrorAsync(async () =>
        {
            var previousValue = Environment.GetEnvironmentVariable("SHARPLESS_FUNCTION");
            var previousHandler = Environment.GetEnvironmentVariable("_HANDLER");
            var previousRuntimeApi = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
            try
            {
                Environment.SetEnvironmentVariable("SHARPLESS_FUNCTION", requested);
                Environment.SetEnvironmentVariable("_HANDLER", null);
                Environment.SetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API", runtimeApi);
                return await (Task<int>)EntryPointType(host).GetMethod("Main")!.Invoke(null, [Array.Empty<string>()])!;
            }
            finally
            {
                Environment.SetEnvironmentVariable("SHARPLESS_FUNCTION", previousValue);
                Environment.SetEnvironmentVariable("_HANDLER", previousHandler);
                Environment.SetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API", previousRuntimeApi);
            }
        });

    private static async Task<(int Code, string Error)> CaptureErrorAsync(Func<Task<int>> run)
    {
        await ProcessState.WaitAsync();
        var previousError = Console.Error;
        try
        {
            var error = new StringWriter();
            Console.SetError(error);
            var code = await run();
            return (code, error.ToString().TrimEnd());
        }
        finally
        {
            Console.SetError(previousError);
            ProcessState.Release();
        }
    }

    private static RecordedRequest SingleInitError(RuntimeApiStandIn runtimeApi)
    {
        var request = Assert.Single(runtimeApi.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2018-06-01/runtime/init/error", request.Path);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        return request;
    }
}
