using System.Reflection;

namespace OrdersApi.Local;

/// <summary>
/// A function as the .NET Lambda runtime calls it: its handler string (<c>Assembly::Type::Method</c>) names a type
/// the runtime creates once and a method it calls with the event stream, and the stream it returns is the response.
/// The Sharpless handlers of a project without Amazon.Lambda.Core take the stream alone.
/// </summary>
internal sealed class LambdaFunction
{
    private readonly object _target;
    private readonly MethodInfo _method;

    private LambdaFunction(object target, MethodInfo method)
    {
        _target = target;
        _method = method;
    }

    /// <summary>A function by its name in <c>Sharpless.Generated.Functions</c> (the constant holding its handler string).</summary>
    public static LambdaFunction FromName(string name)
    {
        var functions = typeof(Sharpless.Generated.Functions);
        var field = functions.GetField(name, BindingFlags.Public | BindingFlags.Static);
        if (field?.GetRawConstantValue() is not string handler)
        {
            var known = string.Join(", ", functions.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).Order(StringComparer.Ordinal));
            throw new ArgumentException($"There is no function '{name}'; the project's functions are {known}.");
        }

        return FromHandlerString(handler);
    }

    /// <summary>Invokes the function with an event's text and returns the response's text.</summary>
    public async Task<string> InvokeAsync(string eventJson)
    {
        // As Amazon.Lambda.RuntimeSupport hands the event over: a MemoryStream over the bytes, its buffer not exposed.
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(eventJson), writable: false);
        await using var output = await InvokeAsync(input);
        using var reader = new StreamReader(output);
        return await reader.ReadToEndAsync();
    }

    public static LambdaFunction FromHandlerString(string handler)
    {
        var parts = handler.Split("::");
        if (parts.Length != 3)
        {
            throw new ArgumentException($"'{handler}' is not a handler string (Assembly::Namespace.Type::Method).", nameof(handler));
        }

        var type = Assembly.Load(parts[0]).GetType(parts[1], throwOnError: true)!;
        var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static, [typeof(Stream)])
            ?? throw new MissingMethodException($"{parts[1]} has no {parts[2]}(Stream): this host serves projects without Amazon.Lambda.Core.");
        return new LambdaFunction(method.IsStatic ? new object() : Activator.CreateInstance(type)!, method);
    }

    public async Task<Stream> InvokeAsync(Stream input)
    {
        var result = _method.Invoke(_method.IsStatic ? null : _target, [input]);
        return result switch
        {
            Task<Stream> task => await task,
            ValueTask<Stream> task => await task,
            Stream stream => stream,
            _ => throw new InvalidOperationException($"{_method.DeclaringType}.{_method.Name} returned {result?.GetType().Name ?? "null"}, not a Stream."),
        };
    }
}
