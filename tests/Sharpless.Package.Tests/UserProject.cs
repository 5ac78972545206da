namespace Sharpless.Package.Tests;

/// <summary>
/// A fresh consumer project outside the repository that references the packed Sharpless from the local folder
/// feed only, restored into an isolated NuGet packages folder (so a Sharpless of the same version cached earlier on
/// this machine can never be used instead of the one just packed).
/// </summary>
public sealed class UserProject
{
    public const string ProjectName = "Smoke";

    /// <summary>The user's code. The SLS5002 location expected in diagnostics is computed from this text.</summary>
    public const string FunctionSource =
        """
        using Sharpless;
        namespace Smoke;
        public class Function
        {
            [LambdaFunction]
            public async Task<string> Handle(string url)
            {
                using var client = new HttpClient();
                return await client.GetStringAsync(url);
            }
        }

        """;

    /// <summary>Names the handler the way deployment tooling does; the package adds this file as an AdditionalFile.</summary>
    public const string LambdaToolsDefaults =
        """
        {
          "profile": "",
          "region": "us-east-1",
          "configuration": "Release",
          "function-runtime": "dotnet8",
          "function-memory-size": 512,
          "function-timeout": 30,
          "function-handler": "Smoke::Smoke.Function::Handle"
        }

        """;

    readonly PackedPackage _package;
    readonly Lazy<Task<DefaultBuild>> _defaultBuild;

    UserProject(PackedPackage package, string directory)
    {
        _package = package;
        Directory = directory;
        _defaultBuild = new Lazy<Task<DefaultBuild>>(RunDefaultBuildAsync);
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, ProjectName + ".csproj");

    /// <summary>1-based line and column of <c>new HttpClient()</c> in <see cref="FunctionSource"/>.</summary>
    public static (int Line, int Column) HttpClientCreationLocation
    {
        get
        {
            var lines = FunctionSource.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var column = lines[i].IndexOf("new HttpClient(", StringComparison.Ordinal);
                if (column >= 0)
                {
                    return (i + 1, column + 1);
                }
            }
            throw new InvalidOperationException("FunctionSource has no `new HttpClient(`.");
        }
    }

    /// <summary>Environment for every dotnet call on a user project: the isolated packages folder.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = Path.Combine(_package.WorkRoot, "nuget-packages"),
        ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(_package.WorkRoot, "nuget-http-cache"),
        ["CI"] = null,
        ["ContinuousIntegrationBuild"] = null,
    };

    /// <summary>Writes a consumer project into a new folder and restores it; <paramref name="customize"/> may add files first.</summary>
    public static async Task<UserProject> CreateRestoredAsync(PackedPackage package, string? folderName = null, Action<string>? customize = null)
    {
        var directory = Path.Combine(package.WorkRoot, "user", folderName ?? ProjectName);
        System.IO.Directory.CreateDirectory(directory);

        File.WriteAllText(Path.Combine(directory, "nuget.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="sharpless-local" value="{package.FeedDirectory}" />
              </packageSources>
            </configuration>

            """);
        File.WriteAllText(Path.Combine(directory, ProjectName + ".csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <AWSProjectType>Lambda</AWSProjectType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Sharpless" Version="{package.Version}" />
              </ItemGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(directory, "Function.cs"), FunctionSource);
        File.WriteAllText(Path.Combine(directory, "aws-lambda-tools-defaults.json"), LambdaToolsDefaults);
        customize?.Invoke(directory);

        var project = new UserProject(package, directory);
        var restore = await project.DotnetAsync(["restore", project.ProjectPath, "-tl:off", .. DotnetCli.NoLingeringProcesses]).ConfigureAwait(false);
        if (!restore.Succeeded)
        {
            throw new InvalidOperationException($"Restoring the user project failed:{System.Environment.NewLine}{restore}");
        }
        return project;
    }

    public Task<DotnetResult> DotnetAsync(IEnumerable<string> arguments) =>
        DotnetCli.RunAsync(Directory, arguments, Environment);

    /// <summary>A full, non-incremental build (no restore: that happened once, on creation).</summary>
    public Task<DotnetResult> BuildAsync(params string[] extraArguments) =>
        DotnetAsync(["build", ProjectPath, "--no-restore", "--no-incremental", "-tl:off", .. DotnetCli.NoLingeringProcesses, .. extraArguments]);

    /// <summary>
    /// An incremental build, as a developer runs it again and again, at normal verbosity so that MSBuild says which
    /// targets it skipped as up to date.
    /// </summary>
    public Task<DotnetResult> IncrementalBuildAsync(params string[] extraArguments) =>
        DotnetAsync(["build", ProjectPath, "--no-restore", "-tl:off", "-v:n", .. DotnetCli.NoLingeringProcesses, .. extraArguments]);

    /// <summary>The plain <c>dotnet build</c> a user runs, with a SARIF log; run once and shared.</summary>
    public Task<DefaultBuild> GetDefaultBuildAsync() => _defaultBuild.Value;

    async Task<DefaultBuild> RunDefaultBuildAsync()
    {
        var sarifPath = Path.Combine(Directory, "build.sarif");
        // ErrorLog takes "path,version=2.1". On the command line ',' would split properties and '=' is escaped
        // for good measure: MSBuild unescapes %2C and %3D before the value reaches the Csc task.
        var result = await BuildAsync($"-p:ErrorLog={sarifPath}%2Cversion%3D2.1").ConfigureAwait(false);
        return new DefaultBuild(result, sarifPath);
    }
}

public sealed record DefaultBuild(DotnetResult Result, string SarifPath);
