using System.Reflection;
using System.Text.Json;

namespace Sharpless.Benchmarks.Functions;

/// <summary>
/// The reflection-based wrapper a framework without a generator uses: the method found by reflection once, the
/// function class created with Activator per invocation, the payload and result through reflection-based
/// System.Text.Json (options cached, so its metadata cache is warm), the call through MethodInfo.Invoke.
/// </summary>
public sealed class ReflectionHandlerInvoker
{
    private static readonly JsonSerializerOptions Options = new();
    private readonly Type _type;
    private readonly MethodInfo _method;
    private readonly Type _payloadType;

    public ReflectionHandlerInvoker(Type type, string methodName)
    {
        _type = type;
        _method = type.GetMethod(methodName) ?? throw new ArgumentException($"No method {methodName} on {type}.", nameof(methodName));
        _payloadType = _method.GetParameters()[0].ParameterType;
    }

    public Task<Stream> Handle(Stream input)
    {
        var target = Activator.CreateInstance(_type);
        var payload = JsonSerializer.Deserialize(input, _payloadType, Options);
        input.Position = 0;
        var result = _method.Invoke(target, [payload]);
        var output = new MemoryStream();
        JsonSerializer.Serialize(output, result, _method.ReturnType, Options);
        output.Position = 0;
        return Task.FromResult<Stream>(output);
    }
}
