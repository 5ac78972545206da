using System.Text.RegularExpressions;

namespace Sharpless.Package.Tests;

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed Sharpless package";
}

/// <summary>
/// Packs <c>src/Sharpless</c> once per test run, in Release, into a fresh temporary folder that then serves as a
/// local folder feed. Never reuses an earlier package: the output, the build outputs (<c>--artifacts-path</c>) and
/// the restore all live under a new folder, so a concurrent Debug build of the repository cannot interfere (no
/// shared obj/ or project.assets.json) and a stale bin/Release cannot be packed.
/// </summary>
public sealed partial class PackedPackage : IAsyncLifetime
{
    DotnetResult? _pack;
    string? _nupkgPath;
    string? _version;
    readonly Lazy<Task<UserProject>> _userProject;

    public PackedPackage()
    {
        WorkRoot = Path.Combine(Path.GetTempPath(), "sharpless-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Path.Combine(WorkRoot, "feed");
        _userProject = new Lazy<Task<UserProject>>(() => UserProject.CreateRestoredAsync(this));
    }

    /// <summary>Temporary folder for everything these tests write; outside the repository.</summary>
    public string WorkRoot { get; }

    /// <summary>Local folder feed holding only the freshly packed Sharpless .nupkg.</summary>
    public string FeedDirectory { get; }

    public DotnetResult PackResult => _pack ?? throw new InvalidOperationException("Pack has not run.");

    public string NupkgPath
    {
        get
        {
            EnsurePacked();
            return _nupkgPath!;
        }
    }

    /// <summary>The package version, read from the .nupkg file name.</summary>
    public string Version
    {
        get
        {
            EnsurePacked();
            return _version!;
        }
    }

    /// <summary>A consumer project restored against the local feed, shared by the smoke tests (created on first use).</summary>
    public Task<UserProject> GetUserProjectAsync() => _userProject.Value;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkRoot);
        _pack = await DotnetCli.RunAsync(
            RepositoryPaths.Root,
            [
                "pack", RepositoryPaths.SharplessProject,
                "-c", "Release",
                "-o", FeedDirectory,
                "--artifacts-path", Path.Combine(WorkRoot, "pack-build"),
                "-tl:off",
                .. DotnetCli.NoLingeringProcesses,
            ]).ConfigureAwait(false);

        if (!_pack.Succeeded)
        {
            return; // Reported by EnsurePacked, with the output, in every test that needs the package.
        }

        var packages = Directory.Exists(FeedDirectory) ? Directory.GetFiles(FeedDirectory, "*.nupkg") : [];
        var match = packages.Select(p => (Path: p, Match: NupkgName().Match(Path.GetFileName(p)))).Where(x => x.Match.Success).ToArray();
        if (match.Length == 1)
        {
            _nupkgPath = match[0].Path;
            _version = match[0].Match.Groups["version"].Value;
        }
    }

    void EnsurePacked()
    {
        if (_pack is null || !_pack.Succeeded)
        {
            throw new InvalidOperationException($"dotnet pack failed:{Environment.NewLine}{_pack}");
        }
        if (_nupkgPath is null)
        {
            var found = Directory.Exists(FeedDirectory) ? string.Join(", ", Directory.GetFiles(FeedDirectory).Select(Path.GetFileName)) : "(no folder)";
            throw new InvalidOperationException($"dotnet pack succeeded but {FeedDirectory} does not hold exactly one Sharpless.<version>.nupkg: {found}{Environment.NewLine}{_pack}");
        }
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("SHARPLESS_KEEP_PACKAGE_TEST_FILES") == "1")
        {
            return Task.CompletedTask;
        }
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^Sharpless\.(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex NupkgName();
}
