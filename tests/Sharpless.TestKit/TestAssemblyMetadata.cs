using System.Reflection;

namespace Sharpless.TestKit;

/// <summary>
/// Finds the test project directory from the assembly metadata every test project carries. Compile-time paths
/// ([CallerFilePath]) are mapped to /_/ in CI builds, so they cannot locate baseline files.
/// </summary>
internal static class TestAssemblyMetadata
{
    public const string ProjectDirectoryKey = "SharplessTestProjectDirectory";

    public static string ProjectDirectory(Assembly? preferred)
    {
        if (preferred is not null && Read(preferred) is { } direct)
        {
            return direct;
        }

        var candidates = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => (Assembly: a, Directory: Read(a)))
            .Where(x => x.Directory is not null)
            .ToList();

        return candidates.Count switch
        {
            1 => candidates[0].Directory!,
            0 => throw new VerificationException($"No loaded assembly carries [AssemblyMetadata(\"{ProjectDirectoryKey}\", …)]; tests/Directory.Build.targets adds it to every *.Tests project."),
            _ => throw new VerificationException(
                $"Several loaded assemblies carry [AssemblyMetadata(\"{ProjectDirectoryKey}\", …)] ({string.Join(", ", candidates.Select(c => c.Assembly.GetName().Name))}); pass the test assembly explicitly."),
        };
    }

    private static string? Read(Assembly assembly)
    {
        try
        {
            return assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == ProjectDirectoryKey)?.Value;
        }
        catch (Exception ex) when (ex is NotSupportedException or TypeLoadException or FileNotFoundException)
        {
            // Dynamic or partially loadable assemblies: not a test project.
            return null;
        }
    }
}
