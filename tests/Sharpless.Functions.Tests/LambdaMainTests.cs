using System.Reflection;
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
            .ShouldMatchBaseline(LambdaMainEmitter.HintName, LambdaMainEmitter.HintName);
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

    // Main reads the process environment and writes to Console.Error: both are process-wide, so these runs are serialized.
    private static readonly SemaphoreSlim ProcessState = new(1, 1);

    private static async Task<(int Code, string Error)> RunMainAsync(FunctionHost host, string? requested)
    {
        await ProcessState.WaitAsync();
        var previousError = Console.Error;
        var previousValue = Environment.GetEnvironmentVariable("SHARPLESS_FUNCTION");
        var previousHandler = Environment.GetEnvironmentVariable("_HANDLER");
        try
        {
            var error = new StringWriter();
            Console.SetError(error);
            Environment.SetEnvironmentVariable("SHARPLESS_FUNCTION", requested);
            Environment.SetEnvironmentVariable("_HANDLER", null);
            var code = await (Task<int>)EntryPointType(host).GetMethod("Main")!.Invoke(null, [Array.Empty<string>()])!;
            return (code, error.ToString().TrimEnd());
        }
        finally
        {
            Console.SetError(previousError);
            Environment.SetEnvironmentVariable("SHARPLESS_FUNCTION", previousValue);
            Environment.SetEnvironmentVariable("_HANDLER", previousHandler);
            ProcessState.Release();
        }
    }
}
