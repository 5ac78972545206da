using System.Text.RegularExpressions;

namespace Sharpless.Package.Tests;

/// <summary>
/// The template writer as a user meets it: the packed Sharpless in a fresh project with a hand-written SAM template
/// (comments, a table, parameters, outputs). A local build writes the functions into it and a second build changes
/// nothing; a CI build (ContinuousIntegrationBuild) writes nothing and reports drift instead; the opt-out property
/// turns writing off.
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Package")]
public sealed partial class TemplateWriterPackageTests(PackedPackage package)
{
    const string Orders =
        """
        using Sharpless;
        namespace Shop;
        public class Orders
        {
            [LambdaFunction(MemorySize = 512, Timeout = 10)]
            public string Place(string order) => order;

            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public string Get(string id) => id;
        }

        """;

    const string HandWritten =
        """
        # Orders service: the table is ours, the functions come from the code.
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31

        Parameters:
          Stage:
            Type: String
            Default: dev   # the pipeline overrides this

        Resources:
          OrdersTable:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Sub 'orders-${Stage}'
              BillingMode: PAY_PER_REQUEST
              KeySchema:
                - {AttributeName: Id, KeyType: HASH}

        Outputs:
          Table:
            Value: !Ref OrdersTable

        """;

    [Fact]
    public async Task A_local_build_writes_the_functions_into_the_hand_written_template_and_a_second_build_changes_nothing()
    {
        var project = await CreateAsync("TemplateLocal");
        var templatePath = Path.Combine(project.Directory, "template.yaml");

        var first = await project.BuildAsync();

        Assert.True(first.Succeeded, first.ToString());
        Assert.Contains("Sharpless: wrote " + templatePath + " (added Api, Place)", first.Combined, StringComparison.Ordinal);
        var written = File.ReadAllText(templatePath);
        // The user's parts are the same bytes: everything up to the end of OrdersTable, and the Outputs after it.
        var tableEnd = HandWritten.IndexOf("\nOutputs:", StringComparison.Ordinal);
        Assert.StartsWith(HandWritten[..tableEnd], written, StringComparison.Ordinal);
        Assert.EndsWith(HandWritten[tableEnd..], written, StringComparison.Ordinal);
        var added = written[tableEnd..^(HandWritten.Length - tableEnd)];
        Assert.Equal(
            """
              Api:
                Type: AWS::Serverless::Function
                Metadata:
                  Tool: Sharpless
                  SyncedEvents:
                    - GetOrdersId
                Properties:
                  Handler: Smoke::Sharpless.Generated.ApiRouter::Handle
                  Runtime: dotnet10
                  CodeUri: ./
                  Events:
                    GetOrdersId:
                      Type: HttpApi
                      Properties:
                        Path: /orders/{id}
                        Method: GET
                        PayloadFormatVersion: '2.0'
              Place:
                Type: AWS::Serverless::Function
                Metadata:
                  Tool: Sharpless
                  SyncedProperties:
                    - MemorySize
                    - Timeout
                Properties:
                  Handler: Smoke::Shop.Orders_Place_Handler::Handle
                  Runtime: dotnet10
                  CodeUri: ./
                  MemorySize: 512
                  Timeout: 10

            """.ReplaceLineEndings("\n"),
            added.TrimStart('\n'));

        var second = await project.BuildAsync();

        Assert.True(second.Succeeded, second.ToString());
        Assert.DoesNotContain("Sharpless: wrote", second.Combined, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(templatePath));
        Assert.DoesNotContain("SLS10", second.Combined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_step_runs_only_when_what_it_writes_from_changed()
    {
        var project = await CreateAsync("TemplateIncremental");
        var templatePath = Path.Combine(project.Directory, "template.yaml");
        var ordersPath = Path.Combine(project.Directory, "Orders.cs");

        var first = await project.IncrementalBuildAsync();
        Assert.Contains("Sharpless: wrote " + templatePath + " (added Api, Place)", first.Combined, StringComparison.Ordinal);

        // The written template is an analyzer input, so the next build compiles again; the function manifest is the same.
        AssertStep(await project.IncrementalBuildAsync(), ran: false);
        var noChange = await project.IncrementalBuildAsync();
        AssertStep(noChange, ran: false);
        Assert.Contains("Skipping target \"CoreCompile\"", noChange.Combined, StringComparison.Ordinal);

        // An edit inside a method body changes the assembly, not its public surface, where the manifest lives.
        File.WriteAllText(ordersPath, Orders.Replace("=> order;", "=> order.Trim();", StringComparison.Ordinal));
        var bodyEdit = await project.IncrementalBuildAsync();
        Assert.DoesNotContain("Skipping target \"CoreCompile\"", bodyEdit.Combined, StringComparison.Ordinal);
        AssertStep(bodyEdit, ran: false);

        // A setting of a function is in the manifest.
        File.WriteAllText(ordersPath, Orders.Replace("MemorySize = 512", "MemorySize = 1024", StringComparison.Ordinal));
        var memory = await project.IncrementalBuildAsync();
        Assert.Contains("Sharpless: wrote " + templatePath + " (updated Place)", memory.Combined, StringComparison.Ordinal);

        // The template itself: deleted, it is written again; edited by hand, it is merged again.
        File.Delete(templatePath);
        Assert.Contains("Sharpless: wrote " + templatePath + " (added Api, Place)", (await project.IncrementalBuildAsync()).Combined, StringComparison.Ordinal);
        var recreated = File.ReadAllText(templatePath);
        File.WriteAllText(templatePath, recreated.Replace("MemorySize: 1024", "MemorySize: 256", StringComparison.Ordinal));
        Assert.Contains("Sharpless: wrote " + templatePath + " (updated Place)", (await project.IncrementalBuildAsync()).Combined, StringComparison.Ordinal);

        // A property the step reads, given on the command line, and then taken away again.
        var runtime = await project.IncrementalBuildAsync("-p:SharplessLambdaRuntime=provided.al2023");
        Assert.Contains("Sharpless: wrote " + templatePath + " (updated Api, Place)", runtime.Combined, StringComparison.Ordinal);
        AssertStep(await project.IncrementalBuildAsync("-p:SharplessLambdaRuntime=provided.al2023"), ran: false);
        Assert.Contains("Sharpless: wrote " + templatePath + " (updated Api, Place)", (await project.IncrementalBuildAsync()).Combined, StringComparison.Ordinal);

        // The escape hatch runs it on every build.
        AssertStep(await project.IncrementalBuildAsync("-p:SharplessTemplateIncremental=false"), ran: true);
        Assert.Equal(recreated, File.ReadAllText(templatePath));
    }

    static void AssertStep(DotnetResult build, bool ran)
    {
        Assert.True(build.Succeeded, build.ToString());
        var skipped = build.Combined.Contains("Skipping target \"SharplessWriteSamTemplate\" because all output files are up-to-date", StringComparison.Ordinal);
        // The tool's own lines show at normal verbosity: "Sharpless: wrote …" or "Sharpless: … is up to date."
        var toolRan = build.Combined.Contains("Sharpless: wrote ", StringComparison.Ordinal) || build.Combined.Contains(" is up to date.", StringComparison.Ordinal);
        Assert.True(skipped != ran && toolRan == ran, (ran ? "The template step should have run." : "The template step should have been skipped.") + Environment.NewLine + build);
    }

    [Fact]
    public async Task A_CI_build_leaves_the_template_alone_and_reports_drift_at_the_code()
    {
        var project = await CreateAsync("TemplateDrift");
        var templatePath = Path.Combine(project.Directory, "template.yaml");
        var local = await project.BuildAsync();
        Assert.True(local.Succeeded, local.ToString());
        var written = File.ReadAllText(templatePath);

        // Someone edits the code and commits without building locally.
        File.WriteAllText(Path.Combine(project.Directory, "Orders.cs"), Orders.Replace("MemorySize = 512", "MemorySize = 1024", StringComparison.Ordinal));
        var ci = await project.BuildAsync("-p:ContinuousIntegrationBuild=true", "-warnaserror");

        Assert.False(ci.Succeeded, $"The drifted template should fail a -warnaserror CI build.{Environment.NewLine}{ci}");
        Assert.Equal(written, File.ReadAllText(templatePath));
        Assert.Contains(("error", "SLS1020", "Orders.cs(5,21)"), DiagnosticLines(ci));
        Assert.Contains("MemorySize of function 'Place' is 1024 MB in code but 512 MB in template resource 'Place'", ci.Combined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opting_out_writes_no_template()
    {
        var project = await UserProject.CreateRestoredAsync(package, "TemplateOptOut", directory =>
            File.WriteAllText(Path.Combine(directory, "Orders.cs"), Orders));

        var build = await project.BuildAsync("-p:SharplessWriteTemplate=false");

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(Directory.GetFiles(project.Directory, "*.template").Concat(Directory.GetFiles(project.Directory, "template.*")));
    }

    [Fact]
    public async Task A_project_set_up_for_the_Lambda_tools_gets_a_new_serverless_template()
    {
        // The fresh project has aws-lambda-tools-defaults.json and no template: dotnet lambda deploy-serverless reads
        // serverless.template by default, so that is the file written.
        var project = await UserProject.CreateRestoredAsync(package, "TemplateFresh", directory =>
            File.WriteAllText(Path.Combine(directory, "Orders.cs"), Orders));

        var build = await project.BuildAsync();

        Assert.True(build.Succeeded, build.ToString());
        var written = File.ReadAllText(Path.Combine(project.Directory, "serverless.template"));
        using var json = System.Text.Json.JsonDocument.Parse(written);
        var resources = json.RootElement.GetProperty("Resources");
        Assert.Equal(["Api", "Handle", "Place"], resources.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("Smoke::Smoke.Function_Handle_Handler::Handle", resources.GetProperty("Handle").GetProperty("Properties").GetProperty("Handler").GetString());
        Assert.Equal("AWS::Serverless-2016-10-31", json.RootElement.GetProperty("Transform").GetString());
    }

    async Task<UserProject> CreateAsync(string folder) =>
        await UserProject.CreateRestoredAsync(package, folder, directory =>
        {
            // Only the orders code: the default Function.cs and tools defaults would add a third function.
            File.Delete(Path.Combine(directory, "Function.cs"));
            File.Delete(Path.Combine(directory, "aws-lambda-tools-defaults.json"));
            File.WriteAllText(Path.Combine(directory, "Orders.cs"), Orders);
            File.WriteAllText(Path.Combine(directory, "template.yaml"), HandWritten);
        });

    static (string Severity, string Id, string Location)[] DiagnosticLines(DotnetResult result) =>
        result.Combined.Split('\n')
            .Select(line => DiagnosticLine().Match(line))
            .Where(m => m.Success)
            .Select(m => (m.Groups["severity"].Value, m.Groups["id"].Value, m.Groups["location"].Value))
            .Distinct()
            .ToArray();

    [GeneratedRegex(@"(?<location>[^/\\\s]+\(\d+,\d+\)): (?<severity>warning|error|info) (?<id>SLS\d{4}):")]
    private static partial Regex DiagnosticLine();
}
