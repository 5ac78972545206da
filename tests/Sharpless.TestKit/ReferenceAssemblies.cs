using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace Sharpless.TestKit;

/// <summary>
/// Framework references taken from the running runtime. The shared framework is what the test host loaded, so
/// code compiled here binds the same way it runs; reading it once per process keeps each test cheap.
/// </summary>
internal static class ReferenceAssemblies
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);

    private static readonly Lazy<MetadataReference> SharplessReference =
        new(() => MetadataReference.CreateFromFile(typeof(LambdaFunctionAttribute).Assembly.Location));

    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreFramework = new(LoadAspNetCore);

    public static ImmutableArray<MetadataReference> Runtime => Framework.Value;

    /// <summary>
    /// The ASP.NET Core shared framework installed next to the running runtime (shared/Microsoft.AspNetCore.App/&lt;the
    /// runtime's version&gt;), as a web project on that runtime compiles against it. It also carries
    /// Microsoft.Extensions.* assemblies; <see cref="ProjectBuilder"/> drops those a test references itself.
    /// </summary>
    public static ImmutableArray<MetadataReference> AspNetCore => AspNetCoreFramework.Value;

    public static MetadataReference Sharpless => SharplessReference.Value;

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set; the kit needs a .NET (Core) host.");

        return trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => IsFrameworkAssemblyName(Path.GetFileNameWithoutExtension(path)))
            .Where(HasMetadata)
            .OrderBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> LoadAspNetCore()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)
            ?? throw new InvalidOperationException("The runtime's location is unknown.");
        var version = Path.GetFileName(runtimeDirectory);
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory))
            ?? throw new InvalidOperationException($"'{runtimeDirectory}' is not inside a shared framework folder.");
        var aspNetCore = Path.Combine(shared, "Microsoft.AspNetCore.App");
        var directory = Path.Combine(aspNetCore, version);
        if (!Directory.Exists(directory))
        {
            // A patch apart from the runtime (installed separately): take the newest of the same major.minor.
            var majorMinor = string.Join('.', version.Split('.').Take(2)) + ".";
            directory = Directory.Exists(aspNetCore)
                ? Directory.GetDirectories(aspNetCore).Where(d => Path.GetFileName(d).StartsWith(majorMinor, StringComparison.Ordinal)).Order(StringComparer.Ordinal).LastOrDefault() ?? directory
                : directory;
        }

        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"No ASP.NET Core shared framework for runtime {version} under '{aspNetCore}'.");
        }

        return Directory.GetFiles(directory, "*.dll")
            .Where(HasMetadata)
            .OrderBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    // The host's list also holds the test's own dependencies (Roslyn, xunit, the kit); a test compilation that saw
    // those would compile code a user project could not.
    private static bool IsFrameworkAssemblyName(string name) =>
        name is "mscorlib" or "netstandard" or "Microsoft.CSharp" or "Microsoft.VisualBasic"
        || (name.StartsWith("System.", StringComparison.Ordinal) && !name.StartsWith("System.Composition", StringComparison.Ordinal))
        || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)
        || name == "System";

    private static bool HasMetadata(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
