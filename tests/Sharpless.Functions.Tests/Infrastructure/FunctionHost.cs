using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Sharpless.TestKit;

namespace Sharpless.Functions.Tests.Infrastructure;

/// <summary>
/// Loads a generated project and calls its handlers the way the .NET Lambda runtime does: resolve the handler
/// string <c>Assembly::Namespace.Type::Method</c>, create the type once with its parameterless constructor, then
/// call the method with the event stream (and an ILambdaContext) for each invocation and read the returned stream.
/// </summary>
internal sealed class FunctionHost
{
    private readonly Assembly _assembly;
    private readonly Dictionary<string, object> _handlers = new(StringComparer.Ordinal);

    private FunctionHost(Assembly assembly) => _assembly = assembly;

    public Assembly Assembly => _assembly;

    public static FunctionHost Load(GeneratorRun run)
    {
        run.ShouldCompileWithoutWarnings();
        using var image = new MemoryStream();
        var result = run.OutputCompilation.Emit(image);
        if (!result.Success)
        {
            throw new VerificationException("Emit failed:\n" + string.Join("\n", result.Diagnostics));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("functions-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new FunctionHost(context.LoadFromStream(image));
    }

    /// <summary>The value of <c>Sharpless.Generated.Functions.&lt;name&gt;</c>: the handler string.</summary>
    public string HandlerString(string functionName)
    {
        var functions = _assembly.GetType("Sharpless.Generated.Functions", throwOnError: true)!;
        var field = functions.GetField(functionName, BindingFlags.Public | BindingFlags.Static)
            ?? throw new VerificationException($"Sharpless.Generated.Functions has no constant '{functionName}'.");
        return (string)field.GetRawConstantValue()!;
    }

    /// <summary>
    /// Invokes a function by name with a JSON (or any text) event; returns the response text. The event is handed over
    /// as Amazon.Lambda.RuntimeSupport hands it to a handler: <c>new MemoryStream(bytes)</c>, whose buffer is not
    /// exposed (RuntimeApiClient reads the invocation body into an array and wraps it so).
    /// </summary>
    public async Task<string> InvokeAsync(string functionName, string? payload, TimeSpan? remainingTime = null)
    {
        var response = await InvokeRawAsync(functionName, payload is null ? Stream.Null : new MemoryStream(Encoding.UTF8.GetBytes(payload)), remainingTime);
        using var reader = new StreamReader(response, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    public async Task<Stream> InvokeRawAsync(string functionName, Stream input, TimeSpan? remainingTime = null)
    {
        var (handler, method) = Resolve(HandlerString(functionName));
        var arguments = method.GetParameters().Length == 2
            ? new object?[] { input, CreateContext(remainingTime ?? TimeSpan.FromMinutes(5)) }
            : new object?[] { input };
        Task<Stream> task;
        try
        {
            task = (Task<Stream>)method.Invoke(handler, arguments)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            // The runtime sees the handler's own exception; so do the tests.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }

        return await task;
    }

    public object CreateContext(TimeSpan remainingTime) =>
        Activator.CreateInstance(_assembly.GetType("Tests.TestLambdaContext", throwOnError: true)!, remainingTime)!;

    private (object Handler, MethodInfo Method) Resolve(string handlerString)
    {
        var parts = handlerString.Split("::");
        if (parts.Length != 3 || parts[0] != _assembly.GetName().Name)
        {
            throw new VerificationException($"'{handlerString}' is not a handler string for assembly '{_assembly.GetName().Name}'.");
        }

        var type = _assembly.GetType(parts[1], throwOnError: true)!;
        var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance)
            ?? throw new VerificationException($"'{parts[1]}' has no public instance method '{parts[2]}'.");
        if (!_handlers.TryGetValue(handlerString, out var handler))
        {
            handler = Activator.CreateInstance(type)!;
            _handlers[handlerString] = handler;
        }

        return (handler, method);
    }
}
