using Microsoft.CodeAnalysis;
using Sharpless.Functions;
using Sharpless.TestKit;

namespace Sharpless.Deployment.Tests;

/// <summary>
/// The writer and the drift rules agree on one meaning of "in step": a template the writer wrote from the real
/// generator's manifest is quiet under the drift rules, an edit to the code that is not written drifts, and writing
/// it makes the template quiet again. The drift rule tests use a copy of the writer's output; this keeps the two from
/// drifting apart.
/// </summary>
public sealed class WriterAndDriftAgreementTests : IDisposable
{
    private const string Orders = """
        using Sharpless;
        namespace Shop;
        public class Orders
        {
            [LambdaFunction(MemorySize = 512, Timeout = 10, Role = "@OrdersRole")]
            public string Place(string order) => order;

            [LambdaFunction(Name = "Refund_V2", Timeout = 30, SubnetIds = new[] { "subnet-1" }, SecurityGroupIds = new[] { "sg-1" })]
            public string Refund(string id) => id;

            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public string Get(string id) => id;

            [RestApi(LambdaHttpMethod.Post, "/orders")]
            public string Create(string order) => order;
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("sharpless-agreement-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("template.yaml")]
    [InlineData("serverless.template")]
    public async Task What_the_writer_writes_the_drift_rules_accept_and_an_unwritten_edit_drifts(string templateName)
    {
        var path = Path.Combine(_directory, templateName);
        File.WriteAllText(path, templateName.EndsWith(".yaml", StringComparison.Ordinal) ? "Resources: {}\n" : "{ \"Resources\": {} }\n");
        await WriteAsync(Orders);
        var edited = Orders.Replace("MemorySize = 512", "MemorySize = 1024", StringComparison.Ordinal)
            .Replace("\"/orders/{id}\"", "\"/orders/{id}/lines\"", StringComparison.Ordinal);

        var inStep = await DriftAsync(Orders, path);
        var drifted = await DriftAsync(edited, path);
        await WriteAsync(edited);
        var rewritten = await DriftAsync(edited, path);

        Assert.Empty(inStep);
        Assert.Equal(["SLS1018", "SLS1019", "SLS1020"], drifted.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Empty(rewritten);
    }

    private async Task WriteAsync(string source)
    {
        var run = await new ProjectBuilder().WithAssemblyName("Orders").WithGenerator<FunctionGenerator>().WithSourceCode(source).RunGeneratorsAsync();
        var assembly = Path.Combine(_directory, "obj", Guid.NewGuid().ToString("N"), "Orders.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(assembly)!);
        Assert.True(run.OutputCompilation.Emit(assembly).Success);
        var output = new StringWriter();
        Assert.Equal(0, Program.Run(new Options(assembly, _directory, "Orders", null, "net8.0", PublishAot: false, Runtime: null), output));
        Assert.DoesNotContain("warning", output.ToString(), StringComparison.Ordinal);
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> DriftAsync(string source, string templatePath) =>
        new ProjectBuilder()
            .WithAssemblyName("Orders")
            .WithAnalyzer<TemplateDriftAnalyzer>()
            .WithGenerator<FunctionGenerator>()
            .WithSourceCode(source)
            .WithAdditionalFile(templatePath, File.ReadAllText(templatePath))
            .AnalyzeAsync();
}
