using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sharpless.Package.Tests;

/// <summary>
/// The real user path: a fresh project outside the repository adds the packed Sharpless from a local folder feed and
/// is built with the plain dotnet CLI. Checks that diagnostics appear, fail -warnaserror builds, can be silenced with
/// .editorconfig, land in SARIF logs, and that the buildTransitive glue feeds the compiler.
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Package")]
public sealed partial class UserProjectSmokeTests(PackedPackage package)
{
    static string ExpectedLocation
    {
        get
        {
            var (line, column) = UserProject.HttpClientCreationLocation;
            return $"Function.cs({line},{column})";
        }
    }

    [Fact]
    public async Task Build_succeeds_and_warns_SLS5002_at_new_HttpClient()
    {
        var build = (await (await package.GetUserProjectAsync()).GetDefaultBuildAsync()).Result;

        Assert.True(build.Succeeded, build.ToString());
        var sls5002 = DiagnosticLines(build, "SLS5002");
        Assert.True(sls5002.Length > 0, $"No SLS5002 in the build output.{Environment.NewLine}{build}");
        Assert.All(sls5002, d => Assert.Equal(("warning", ExpectedLocation), (d.Severity, d.Location)));
    }

    [Fact]
    public async Task Build_with_warnaserror_fails_with_error_SLS5002()
    {
        var project = await package.GetUserProjectAsync();
        await project.GetDefaultBuildAsync(); // Keeps the builds in this folder one after another.

        var build = await project.BuildAsync("-warnaserror", "-p:TreatWarningsAsErrors=true");

        Assert.False(build.Succeeded, $"Expected the build to fail.{Environment.NewLine}{build}");
        Assert.NotEqual(0, build.ExitCode);
        var sls5002 = DiagnosticLines(build, "SLS5002");
        Assert.True(sls5002.Length > 0, $"No SLS5002 in the build output.{Environment.NewLine}{build}");
        Assert.All(sls5002, d => Assert.Equal(("error", ExpectedLocation), (d.Severity, d.Location)));
    }

    [Fact]
    public async Task Editorconfig_severity_none_silences_SLS5002_even_with_warnaserror()
    {
        // Its own folder: an .editorconfig beside the shared project would change the other tests' builds.
        var project = await UserProject.CreateRestoredAsync(package, "SmokeSuppressed", directory =>
            File.WriteAllText(Path.Combine(directory, ".editorconfig"),
                """
                root = true

                [*.cs]
                dotnet_diagnostic.SLS5002.severity = none

                """));

        // Passing with every warning as an error implies passing without.
        var build = await project.BuildAsync("-warnaserror", "-p:TreatWarningsAsErrors=true");

        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("SLS5002", build.Combined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_error_log_reports_SLS5002()
    {
        var defaultBuild = await (await package.GetUserProjectAsync()).GetDefaultBuildAsync();
        Assert.True(defaultBuild.Result.Succeeded, defaultBuild.Result.ToString());
        Assert.True(File.Exists(defaultBuild.SarifPath), $"No SARIF log at {defaultBuild.SarifPath}.{Environment.NewLine}{defaultBuild.Result}");

        using var sarif = JsonDocument.Parse(File.ReadAllText(defaultBuild.SarifPath));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var results = sarif.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.TryGetProperty("results", out var r) ? r.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(r => r.TryGetProperty("ruleId", out var id) && id.GetString() == "SLS5002")
            .ToArray();

        var result = Assert.Single(results);
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("Function.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal(UserProject.HttpClientCreationLocation.Line, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task Deployment_files_and_build_properties_reach_the_compiler()
    {
        var project = await package.GetUserProjectAsync();
        string[] query = ["msbuild", project.ProjectPath, "-nologo", "-getItem:AdditionalFiles", "-getItem:CompilerVisibleProperty", .. DotnetCli.NoLingeringProcesses];

        var withDefaults = await project.DotnetAsync(query);
        var optedOut = await project.DotnetAsync([.. query, "-p:SharplessIncludeDeploymentFiles=false"]);

        Assert.True(withDefaults.Succeeded, withDefaults.ToString());
        Assert.True(optedOut.Succeeded, optedOut.ToString());
        static bool IsToolsDefaults(string path) => Path.GetFileName(path) == "aws-lambda-tools-defaults.json";

        var additionalFiles = Items(withDefaults, "AdditionalFiles", "FullPath");
        Assert.Single(additionalFiles, IsToolsDefaults);
        Assert.DoesNotContain(Items(optedOut, "AdditionalFiles", "FullPath"), IsToolsDefaults);

        var visible = Items(withDefaults, "CompilerVisibleProperty", "Identity");
        foreach (var name in new[] { "AWSProjectType", "PublishAot", "PublishReadyToRun", "TieredCompilation", "TieredPGO", "InvariantGlobalization", "OutputType", "SharplessDynamoDBConversion", "SharplessDynamoDBAsciiStrings" })
        {
            Assert.Contains(name, visible);
        }

        // And the values really arrive: the compiler's generated .editorconfig from the plain build.
        var build = (await project.GetDefaultBuildAsync()).Result;
        Assert.True(build.Succeeded, build.ToString());
        var generated = Directory.GetFiles(Path.Combine(project.Directory, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories);
        var editorConfig = File.ReadAllText(Assert.Single(generated));
        Assert.Contains("build_property.AWSProjectType = Lambda", editorConfig, StringComparison.Ordinal);
        Assert.Contains("build_property.OutputType = Library", editorConfig, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rds_proxy_used_without_VpcConfig_is_reported_in_code_and_in_appsettings()
    {
        const string proxy = "orders.proxy-c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com";
        const string orders = $$"""
            using Sharpless;
            namespace Smoke;
            public class Orders
            {
                private const string Db = "Host={{proxy}};Database=shop";

                [LambdaFunction]
                public string Count(string input) => Db + input;
            }

            """;
        const string template = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              CountFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Smoke::Smoke.Orders_Count_Handler::Handle
                  Runtime: dotnet8

            """;
        const string appSettings = $$"""
            {
              "ConnectionStrings": {
                "Orders": "Host={{proxy}};Database=shop"
              }
            }

            """;
        // Its own folder: the template and settings would change the other tests' builds. Nothing lists them as
        // AdditionalFiles: the package's buildTransitive targets add template.yaml and appsettings*.json.
        var project = await UserProject.CreateRestoredAsync(package, "SmokeRdsProxy", directory =>
        {
            File.WriteAllText(Path.Combine(directory, "Orders.cs"), orders);
            File.WriteAllText(Path.Combine(directory, "template.yaml"), template);
            File.WriteAllText(Path.Combine(directory, "appsettings.json"), appSettings);
        });

        var build = await project.BuildAsync();

        Assert.True(build.Succeeded, build.ToString());
        var sls6001 = DiagnosticLines(build, "SLS6001");
        Assert.Equal(
            new[] { ("warning", "Orders.cs(5,31)"), ("warning", "appsettings.json(3,15)") }.Order(),
            sls6001.Order());
        Assert.Contains("function 'CountFunction' has no VpcConfig", build.Combined, StringComparison.Ordinal);
    }

    static string[] Items(DotnetResult result, string itemType, string metadata)
    {
        try
        {
            using var json = JsonDocument.Parse(result.StdOut);
            return json.RootElement.GetProperty("Items").TryGetProperty(itemType, out var items)
                ? items.EnumerateArray().Select(i => i.GetProperty(metadata).GetString() ?? "").ToArray()
                : [];
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"-getItem output is not JSON: {ex.Message}{Environment.NewLine}{result}", ex);
        }
    }

    /// <summary>Distinct "file(line,col): severity ID" lines for one diagnostic ID (MSBuild prints them inline and in the summary).</summary>
    static (string Severity, string Location)[] DiagnosticLines(DotnetResult result, string id) =>
        result.Combined.Split('\n')
            .Select(line => DiagnosticLine().Match(line))
            .Where(m => m.Success && m.Groups["id"].Value == id)
            .Select(m => (m.Groups["severity"].Value, m.Groups["location"].Value))
            .Distinct()
            .ToArray();

    [GeneratedRegex(@"(?<location>[^/\\\s]+\(\d+,\d+\)): (?<severity>warning|error|info) (?<id>SLS\d{4}):")]
    private static partial Regex DiagnosticLine();
}
