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

    private const string Consumers = """
        using Sharpless;
        using Sharpless.Events;
        namespace Shop;
        public class Consumers
        {
            [SQSEvent("@OrdersQueue", ResourceName = "Orders", BatchSize = 5)]
            public void Ship(string body) { }

            [SNSEvent("@OrderEvents")]
            public static void Notify(string message, SnsMessage details) { }

            [ScheduleEvent("rate(5 minutes)")]
            public static void Tick() { }

            [S3Event("@Uploads", Prefix = "in/")]
            public static void Upload(S3ObjectEvent record) { }
        }
        """;

    [Fact]
    public async Task Triggers_the_writer_writes_are_in_step_and_an_unwritten_or_hand_edited_trigger_drifts()
    {
        var path = Path.Combine(_directory, "template.yaml");
        File.WriteAllText(path, "Resources: {}\n");
        await WriteAsync(Consumers);
        var written = File.ReadAllText(path);
        var edited = Consumers
            .Replace("@OrdersQueue", "@PaymentsQueue", StringComparison.Ordinal)
            .Replace("ScheduleEvent(\"rate(5 minutes)\")", "ScheduleEvent(\"rate(1 hour)\", ResourceName = \"Hourly\")", StringComparison.Ordinal);

        var inStep = await DriftAsync(Consumers, path);
        var drifted = await DriftAsync(edited, path);
        File.WriteAllText(path, written.Replace("            FunctionResponseTypes:\n              - ReportBatchItemFailures\n", string.Empty, StringComparison.Ordinal));
        var handEdited = await DriftAsync(Consumers, path);
        File.WriteAllText(path, written);
        await WriteAsync(edited);
        var rewritten = await DriftAsync(edited, path);

        Assert.Empty(inStep);
        Assert.Equal(
            [
                "SLS7010: Trigger 'Hourly' of function 'Tick' is missing from template resource 'Tick'",
                "SLS7010: Trigger 'Orders' of function 'Ship' reads @PaymentsQueue in the code but @OrdersQueue in template resource 'Ship'",
                "SLS7010: Trigger 'Schedule' of function 'Tick' is not in the code but is still an event of template resource 'Tick'",
            ],
            drifted.Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["SLS7010: Trigger 'Orders' of function 'Ship' reports failed items in the code, but has no FunctionResponseTypes: [ReportBatchItemFailures] (Lambda ignores them and the failed items are lost) in template resource 'Ship'"],
            handEdited.Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(rewritten);
        Assert.Contains("Schedule: rate(1 hour)", File.ReadAllText(path), StringComparison.Ordinal);
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
