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

    public static ImmutableArray<MetadataReference> Runtime => Framework.Value;

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
