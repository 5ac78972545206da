using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sharpless.Package.Tests;

/// <summary>
/// A Lambda project deployed by a CDK app in a sibling project (the `cdk init app --language csharp` layout: cdk.json at
/// the root, the app in src/Infra, the function in src/Smoke). Nothing in the function's project names the method the
/// stack deploys; the package's targets add the stack as an AdditionalFile and the per-invocation rules then find the
/// client it creates, until the project opts out.
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Package")]
public sealed partial class DeploymentCodePackageTests(PackedPackage package)
{
    const string Reports = """
        namespace Smoke;
        public class Reports
        {
            public async Task<string> Nightly(string url)
            {
                using var client = new HttpClient();
                return await client.GetStringAsync(url);
            }
        }

        """;

    const string Stack = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        namespace Infra
        {
            public class ReportsStack : Stack
            {
                internal ReportsStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
                {
                    new Function(this, "Nightly", new FunctionProps
                    {
                        Runtime = Runtime.DOTNET_8,
                        Handler = "Smoke::Smoke.Reports::Nightly",
                        Code = Code.FromAsset("src/Smoke/bin/Release/net8.0/publish"),
                    });
                }
            }
        }

        """;

    [Fact]
    public async Task Sibling_cdk_stack_is_added_and_names_a_handler_until_opted_out()
    {
        var project = await UserProject.CreateRestoredAsync(package, Path.Combine("CdkSolution", "src", UserProject.ProjectName), directory =>
        {
            var root = Path.GetFullPath(Path.Combine(directory, "..", ".."));
            File.WriteAllText(Path.Combine(root, "cdk.json"), """{ "app": "dotnet run --project src/Infra/Infra.csproj", "context": {} }""");
            Directory.CreateDirectory(Path.Combine(root, "src", "Infra"));
            File.WriteAllText(Path.Combine(root, "src", "Infra", "ReportsStack.cs"), Stack);
            // Build output of the CDK app is never read.
            Directory.CreateDirectory(Path.Combine(root, "src", "Infra", "obj"));
            File.WriteAllText(Path.Combine(root, "src", "Infra", "obj", "Generated.cs"), "// not deployment code");
            File.WriteAllText(Path.Combine(directory, "Reports.cs"), Reports);
        });
        var stackPath = Path.GetFullPath(Path.Combine(project.Directory, "..", "Infra", "ReportsStack.cs"));

        string[] query = ["msbuild", project.ProjectPath, "-nologo", "-getItem:AdditionalFiles", .. DotnetCli.NoLingeringProcesses];
        var items = await project.DotnetAsync(query);
        var itemsOptedOut = await project.DotnetAsync([.. query, "-p:SharplessScanDeploymentCode=false"]);
        Assert.True(items.Succeeded, items.ToString());
        Assert.True(itemsOptedOut.Succeeded, itemsOptedOut.ToString());

        var added = AdditionalFiles(items);
        var stack = Assert.Single(added, f => f.FullPath == stackPath);
        Assert.Equal("false", stack.Visible);
        Assert.Contains(added, f => Path.GetFileName(f.FullPath) == "cdk.json");
        Assert.DoesNotContain(added, f => f.FullPath.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.DoesNotContain(AdditionalFiles(itemsOptedOut), f => f.FullPath == stackPath);

        var build = await project.BuildAsync();
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains(("warning", "Reports.cs(6,28)"), DiagnosticLines(build, "SLS5002"));

        var optedOut = await project.BuildAsync("-p:SharplessScanDeploymentCode=false");
        Assert.True(optedOut.Succeeded, optedOut.ToString());
        var quiet = DiagnosticLines(optedOut, "SLS5002");
        Assert.DoesNotContain(quiet, d => d.Location.StartsWith("Reports.cs", StringComparison.Ordinal));
        // The project's own handler is still analysed: only the deployment code was turned off.
        Assert.Contains(quiet, d => d.Location.StartsWith("Function.cs", StringComparison.Ordinal));
    }

    static (string FullPath, string Visible)[] AdditionalFiles(DotnetResult result)
    {
        using var json = JsonDocument.Parse(result.StdOut);
        return json.RootElement.GetProperty("Items").TryGetProperty("AdditionalFiles", out var items)
            ? items.EnumerateArray()
                .Select(i => (i.GetProperty("FullPath").GetString() ?? "", i.TryGetProperty("Visible", out var v) ? v.GetString() ?? "" : ""))
                .ToArray()
            : [];
    }

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
