using System.Reflection;

namespace Sharpless.Package.Tests;

static class RepositoryPaths
{
    /// <summary>The repository root (with a trailing separator), baked in by tests/Directory.Build.targets.</summary>
    public static string Root { get; } = FindRoot();

    public static string SharplessProject => Path.Combine(Root, "src", "Sharpless", "Sharpless.csproj");

    static string FindRoot()
    {
        var root = typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "SharplessRepositoryRoot")?.Value;
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
        {
            throw new InvalidOperationException($"AssemblyMetadata SharplessRepositoryRoot is missing or does not exist: '{root}'.");
        }
        return root;
    }
}
