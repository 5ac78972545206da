using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Sharpless.Functions.Tests.Infrastructure;

/// <summary>
/// The System.Text.Json source generator that ships in the SDK's targeting pack, loaded from disk: user projects run
/// it next to Sharpless, and handlers refer to what it generates (<c>AppJson.Default</c>), so tests run it too.
/// </summary>
internal static class JsonSourceGenerator
{
    private static readonly Lazy<IIncrementalGenerator> Generator = new(Load);

    public static IIncrementalGenerator Instance => Generator.Value;

    private static IIncrementalGenerator Load()
    {
        var path = FindGeneratorAssembly();
        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract && t.Name == "JsonSourceGenerator");
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    private static string FindGeneratorAssembly()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/analyzers/dotnet/cs/
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var major = Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var candidates = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
                .Select(d => Path.Combine(d, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"))
                .Where(File.Exists)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException($"No System.Text.Json source generator under {packs}; the tests need the .NET {Environment.Version.Major} SDK's targeting pack.");
    }
}
