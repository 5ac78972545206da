using System.Text.Json;
using System.Text.RegularExpressions;
using Sharpless;

namespace AntiPatterns.ColdStart;

/// <summary>Validates and echoes a SKU, rebuilding serializer options, a regex and a type lookup on every call.</summary>
public class WorkThatBelongsInInit
{
    [LambdaFunction]
    public string Describe(string sku)
    {
        // SLS4009: the pattern is parsed and its matcher built on every invocation.
        var format = new Regex("^[A-Z]{3}-[0-9]{4}$");

        // SLS4008: resolving a type by name walks runtime metadata on every invocation.
        var kind = Type.GetType("System.String")?.Name ?? "unknown";

        // SLS4004: System.Text.Json caches metadata per options instance; a new one per call starts from scratch.
        var options = new JsonSerializerOptions { WriteIndented = true };
        return JsonSerializer.Serialize(new SkuDescription(sku, format.IsMatch(sku), kind), options);
    }
}

public record SkuDescription(string Sku, bool Valid, string Kind);
