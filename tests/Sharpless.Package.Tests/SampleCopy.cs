namespace Sharpless.Package.Tests;

/// <summary>
/// Projects of samples/ copied (without bin/obj), with the samples folder's own Directory.Build.props/.targets, into
/// the fixture's temporary folder next to a nuget.config whose only Sharpless source is the fixture's feed. The
/// samples' packages folder (RestorePackagesPath in those props) is then inside the copy, so the repository's
/// artifacts are never touched and the package just packed is the one restored.
/// </summary>
internal static class SampleCopy
{
    /// <summary>The copied samples folder, holding <paramref name="projects"/>.</summary>
    public static string Create(PackedPackage package, string workName, params string[] projects)
    {
        var source = Path.Combine(RepositoryPaths.Root, "samples");
        var samples = Path.Combine(package.WorkRoot, workName, "samples");
        Directory.CreateDirectory(samples);
        File.Copy(Path.Combine(source, "Directory.Build.props"), Path.Combine(samples, "Directory.Build.props"), overwrite: true);
        File.Copy(Path.Combine(source, "Directory.Build.targets"), Path.Combine(samples, "Directory.Build.targets"), overwrite: true);
        foreach (var project in projects)
        {
            var target = Path.Combine(samples, project);
            Directory.CreateDirectory(target);
            CopyTree(Path.Combine(source, project), target);
        }

        // Other packages come from the machine's global packages folder when it has them (no download), else nuget.org.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var localCache = Directory.Exists(globalPackages) ? $"""<add key="global-packages" value="{globalPackages}" />""" : "";
        var localCacheMapping = localCache.Length > 0 ? """<packageSource key="global-packages"><package pattern="*" /></packageSource>""" : "";
        File.WriteAllText(Path.Combine(samples, "nuget.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="sharpless-local" value="{package.FeedDirectory}" />
                {localCache}
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="sharpless-local"><package pattern="Sharpless" /></packageSource>
                {localCacheMapping}
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>

            """);
        return samples;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
            {
                continue;
            }

            var child = Path.Combine(to, name);
            Directory.CreateDirectory(child);
            CopyTree(directory, child);
        }

        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }
}
