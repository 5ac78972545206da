using Microsoft.CodeAnalysis;
using Sharpless.Deployment.Manifest;
using Sharpless.Functions;
using Sharpless.TestKit;

namespace Sharpless.Deployment.Tests;

/// <summary>
/// The writer as the package's targets run it: an assembly the real Sharpless generator compiled, a project folder on
/// disk, and the messages MSBuild turns into build output.
/// </summary>
public sealed class ProgramTests : IDisposable
{
    private const string Orders = """
        using Sharpless;
        namespace Shop;
        public class Orders
        {
            [LambdaFunction(MemorySize = 512, Timeout = 10, SubnetIds = new[] { "subnet-1" }, SecurityGroupIds = new[] { "sg-1" })]
            public string Place(string order) => order;

            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public string Get(string id) => id;

            [RestApi(LambdaHttpMethod.Post, "/orders")]
            public string Create(string order) => order;
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("sharpless-deployment-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_manifest_is_read_from_the_metadata_of_an_assembly_the_generator_compiled()
    {
        var assembly = await CompileAsync(Orders);

        var manifest = FunctionManifestReader.FromAssembly(assembly);

        Assert.NotNull(manifest);
        var place = Assert.Single(manifest.Functions, f => f.Name == "Place");
        Assert.Equal(("Orders::Shop.Orders_Place_Handler::Handle", 512, 10), (place.Handler, place.MemorySize, place.Timeout));
        Assert.Equal(["subnet-1"], place.VpcConfig!.SubnetIds);
        Assert.Equal(["sg-1"], place.VpcConfig.SecurityGroupIds);
        var api = Assert.Single(manifest.Functions, f => f.Name == "Api");
        Assert.Equal(
            [new ManifestEvent("HttpApi", "GET", "/orders/{id}", "2.0"), new ManifestEvent("Api", "POST", "/orders", "1.0")],
            api.Events.OrderBy(e => e.Path, StringComparer.Ordinal).ToArray().Reverse());
    }

    [Fact]
    public async Task An_assembly_without_functions_has_no_manifest_and_writes_nothing()
    {
        var assembly = await CompileAsync("namespace Shop; public class Nothing { }");
        var output = new StringWriter();

        var exit = Program.Run(Options(assembly), output);

        Assert.Null(FunctionManifestReader.FromAssembly(assembly));
        Assert.Equal(0, exit);
        Assert.Empty(Directory.GetFiles(_directory, "template*"));
    }

    [Fact]
    public async Task A_new_project_gets_template_yaml_and_a_second_run_reports_it_up_to_date()
    {
        var assembly = await CompileAsync(Orders);
        var first = new StringWriter();
        var second = new StringWriter();

        Assert.Equal(0, Program.Run(Options(assembly), first));
        var path = Path.Combine(_directory, "template.yaml");
        var written = File.ReadAllText(path);
        Assert.Equal(0, Program.Run(Options(assembly), second));

        Assert.Equal($"Sharpless: wrote {path} (added Api, Place).", first.ToString().Trim());
        Assert.Equal($"Sharpless: {path} is up to date.", second.ToString().Trim());
        Assert.Equal(written, File.ReadAllText(path));
        Assert.Contains("Runtime: dotnet8", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_template_is_left_alone_with_a_warning_at_the_error()
    {
        var assembly = await CompileAsync(Orders);
        var path = Path.Combine(_directory, "template.yaml");
        const string broken = "Resources:\n  Table:\n    Type: [unclosed\n";
        File.WriteAllText(path, broken);
        var output = new StringWriter();

        var exit = Program.Run(Options(assembly), output);

        Assert.Equal(0, exit);
        Assert.Equal(broken, File.ReadAllText(path));
        Assert.Matches(@"^.*template\.yaml\(\d+,\d+\): warning SLST004: Sharpless did not update the template: The template could not be read: ", output.ToString());
    }

    [Fact]
    public async Task A_byte_order_mark_and_CRLF_line_ends_survive_an_update()
    {
        var assembly = await CompileAsync(Orders);
        var path = Path.Combine(_directory, "template.yaml");
        var original = "AWSTemplateFormatVersion: '2010-09-09'\r\nTransform: AWS::Serverless-2016-10-31\r\nResources:\r\n  Topic:\r\n    Type: AWS::SNS::Topic\r\n";
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(original)]);

        Program.Run(Options(assembly), new StringWriter());

        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(original, text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text);
        Assert.Contains("\r\n  Place:\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tools_defaults_template_wins_and_gets_a_code_uri_relative_to_it()
    {
        var assembly = await CompileAsync(Orders);
        File.WriteAllText(Path.Combine(_directory, "aws-lambda-tools-defaults.json"), """{ "template": "deploy/serverless.template" }""");
        File.WriteAllText(Path.Combine(_directory, "template.yaml"), "Resources: {}\n");

        Program.Run(Options(assembly), new StringWriter());

        var written = File.ReadAllText(Path.Combine(_directory, "deploy", "serverless.template"));
        Assert.Contains("\"CodeUri\": \"../\"", written, StringComparison.Ordinal);
        Assert.Equal("Resources: {}\n", File.ReadAllText(Path.Combine(_directory, "template.yaml")));
    }

    [Fact]
    public void A_missing_assembly_is_an_error_the_build_shows()
    {
        var output = new StringWriter();

        var exit = Program.Run(Options(Path.Combine(_directory, "missing.dll")), output);

        Assert.Equal(1, exit);
        Assert.Contains("missing.dll: error SLST001: Sharpless could not read the function manifest", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_come_as_name_value_pairs()
    {
        var options = Deployment.Options.Parse(["--assembly", "a/App.dll", "--project-dir", ".", "--template", "", "--publish-aot", "True"]);

        Assert.Equal(("a/App.dll", "App", null, true), (options.Assembly, options.ProjectName, options.Template, options.PublishAot));
        Assert.Throws<ArgumentException>(() => Deployment.Options.Parse(["--assembly"]));
        Assert.Throws<ArgumentException>(() => Deployment.Options.Parse(["--project-dir", "."]));
    }

    [Fact]
    public async Task A_clean_run_writes_the_stamp_the_targets_skip_the_step_with_naming_the_key_and_the_template()
    {
        var assembly = await CompileAsync(Orders);
        var stamp = Path.Combine(_directory, "obj", "sharpless.template.stamp");
        File.WriteAllText(Path.Combine(_directory, "aws-lambda-tools-defaults.json"), """{"template":"serverless.template"}""");

        Assert.Equal(0, Program.Run(Options(assembly) with { Stamp = stamp, StampKey = "-123" }, new StringWriter()));

        // The targets compare the first line with the hash of the tool's arguments and treat the files as inputs.
        Assert.Equal(
            $"key -123\nfile {Path.Combine(_directory, "serverless.template")}\nfile {Path.Combine(_directory, "aws-lambda-tools-defaults.json")}\n",
            File.ReadAllText(stamp));
    }

    [Fact]
    public async Task A_run_with_a_warning_removes_the_stamp_so_the_next_build_shows_it_again()
    {
        var assembly = await CompileAsync(Orders);
        var stamp = Path.Combine(_directory, "sharpless.template.stamp");
        Assert.Equal(0, Program.Run(Options(assembly) with { Stamp = stamp, StampKey = "1" }, new StringWriter()));
        Assert.True(File.Exists(stamp));
        File.WriteAllText(Path.Combine(_directory, "template.yaml"), "Resources: [\n");
        var output = new StringWriter();

        Assert.Equal(0, Program.Run(Options(assembly) with { Stamp = stamp, StampKey = "1" }, output));

        Assert.Contains("warning SLST004", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(stamp));
    }

    [Fact]
    public void The_stamp_options_are_read_from_the_command_line_the_targets_pass()
    {
        var options = Deployment.Options.Parse(["--assembly", "a.dll", "--project-dir", ".", "--stamp", "obj/s.stamp", "--stamp-key", "-42"]);

        Assert.Equal(("obj/s.stamp", "-42"), (options.Stamp, options.StampKey));
    }

    private Options Options(string assembly) =>
        new(assembly, _directory, "Orders", Template: null, TargetFramework: "net8.0", PublishAot: false, Runtime: null);

    private async Task<string> CompileAsync(string source)
    {
        var run = await new ProjectBuilder()
            .WithAssemblyName("Orders")
            .WithGenerator<FunctionGenerator>()
            .WithSourceCode(source)
            .RunGeneratorsAsync();
        // Named like the assembly, as MSBuild's intermediate assembly is: the writer tells its resources by that name.
        var path = Path.Combine(_directory, "obj", Guid.NewGuid().ToString("N"), "Orders.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var emit = run.OutputCompilation.Emit(path);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }
}
