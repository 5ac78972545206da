using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sharpless.Package.Tests;

/// <summary>
/// samples/OrdersApi is the "right way" reference service: built as CI builds it (<c>-warnaserror</c>,
/// <c>ContinuousIntegrationBuild=true</c>, so the template is checked, not written) against the freshly packed
/// package, it must succeed with no Sharpless diagnostic at any severity, its committed template must match the code
/// (no SLS1016–SLS1020), and the generated <c>Api</c> function must serve exactly the documented routes.
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Package")]
public sealed partial class OrdersApiSampleTests(PackedPackage package)
{
    const string Handler = "OrdersApi::Sharpless.Generated.ApiRouter::Handle";

    static readonly string[] Routes =
    [
        "DELETE /orders/{id}",
        "GET /customers/{customerId}/orders",
        "GET /customers/{customerId}/summary",
        "GET /orders",
        "GET /orders/{id}",
        "POST /orders",
        "PUT /orders/{id}",
    ];

    [Fact]
    public async Task The_sample_builds_as_CI_does_with_no_Sharpless_diagnostic_and_serves_its_routes_from_the_Api_function()
    {
        var samples = SampleCopy.Create(package, "orders-api-sample", "OrdersApi");
        var project = Path.Combine(samples, "OrdersApi", "OrdersApi.csproj");
        var templatePath = Path.Combine(samples, "OrdersApi", "template.yaml");
        var committedTemplate = File.ReadAllText(templatePath);
        var sarifPath = Path.Combine(samples, "OrdersApi", "build.sarif");

        var build = await DotnetCli.RunAsync(
            samples,
            [
                "build", project,
                "-warnaserror",
                "-p:ContinuousIntegrationBuild=true",
                $"-p:SharplessVersion={package.Version}",
                $"-p:ErrorLog={sarifPath}%2Cversion%3D2.1",
                "-tl:off",
                .. DotnetCli.NoLingeringProcesses,
            ],
            new Dictionary<string, string?> { ["CI"] = null, ["TF_BUILD"] = null });

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(SharplessCodes().Matches(build.Combined).Select(m => m.Value).Distinct());
        Assert.Empty(SarifSharplessResults(sarifPath));
        Assert.Equal(committedTemplate, File.ReadAllText(templatePath)); // a CI build writes nothing

        var (functionsApi, manifestJson) = ReadGeneratedConstants(Path.Combine(samples, "OrdersApi", "bin", "Debug", "net10.0", "OrdersApi.dll"));
        Assert.Equal(Handler, functionsApi);

        using var manifest = JsonDocument.Parse(manifestJson);
        var functions = manifest.RootElement.GetProperty("functions").EnumerateArray().ToArray();
        Assert.Equal(["Api", "ImportOrder", "UpdateCustomerSummary"], functions.Select(f => f.GetProperty("name").GetString()!).ToArray());
        var api = functions[0];
        Assert.Equal(Handler, api.GetProperty("handler").GetString());
        var routes = api.GetProperty("events").EnumerateArray()
            .Select(e => $"{e.GetProperty("method").GetString()} {e.GetProperty("path").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(Routes, routes);
        Assert.All(api.GetProperty("events").EnumerateArray(), e => Assert.Equal("HttpApi", e.GetProperty("type").GetString()));

        // The queue consumer and the stream projection, each with the one trigger its attribute declares.
        var import = Assert.Single(functions[1].GetProperty("events").EnumerateArray());
        Assert.Equal(("SQS", "@OrderImportQueue"), (import.GetProperty("type").GetString(), import.GetProperty("properties").GetProperty("Queue").GetString()));
        var stream = Assert.Single(functions[2].GetProperty("events").EnumerateArray());
        Assert.Equal(("DynamoDB", "@OrdersTable"), (stream.GetProperty("type").GetString(), stream.GetProperty("properties").GetProperty("Stream").GetString()));
        Assert.Contains("Handler: OrdersApi::OrdersApi.OrderImports_ImportOrder_Handler::Handle", committedTemplate, StringComparison.Ordinal);
        Assert.Contains("Queue: !GetAtt OrderImportQueue.Arn", committedTemplate, StringComparison.Ordinal);
        Assert.Contains("Stream: !GetAtt OrdersTable.StreamArn", committedTemplate, StringComparison.Ordinal);

        // The committed template deploys that handler (the drift rules agreed above; this names it for a reader).
        Assert.Contains("Handler: " + Handler, committedTemplate, StringComparison.Ordinal);
    }

    static string[] SarifSharplessResults(string sarifPath)
    {
        Assert.True(File.Exists(sarifPath), $"No SARIF log at {sarifPath}.");
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        return sarif.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.TryGetProperty("results", out var results) ? results.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(r => r.GetProperty("ruleId").GetString() + ": " + (r.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var t) ? t.GetString() : ""))
            .Where(r => r.StartsWith("SLS", StringComparison.Ordinal))
            .ToArray();
    }

    /// <summary>
    /// <c>Sharpless.Generated.Functions.Api</c> and <c>Sharpless.Generated.FunctionManifest.Json</c>, read from the
    /// built assembly's metadata without loading it (as the template writer does).
    /// </summary>
    static (string? FunctionsApi, string ManifestJson) ReadGeneratedConstants(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        string? api = null;
        string? manifest = null;
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (reader.GetString(type.Namespace) != "Sharpless.Generated")
            {
                continue;
            }
            var typeName = reader.GetString(type.Name);
            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                var fieldName = reader.GetString(field.Name);
                if ((typeName, fieldName) is ("Functions", "Api"))
                {
                    api = ReadStringConstant(reader, field);
                }
                else if ((typeName, fieldName) is ("FunctionManifest", "Json"))
                {
                    manifest = ReadStringConstant(reader, field);
                }
            }
        }

        Assert.True(api is not null, "No const Sharpless.Generated.Functions.Api in " + assemblyPath);
        Assert.True(manifest is not null, "No const Sharpless.Generated.FunctionManifest.Json in " + assemblyPath);
        return (api, manifest!);
    }

    static string? ReadStringConstant(MetadataReader reader, FieldDefinition field)
    {
        var constant = field.GetDefaultValue();
        if (constant.IsNil)
        {
            return null;
        }
        var blob = reader.GetBlobReader(reader.GetConstant(constant).Value);
        return blob.ReadUTF16(blob.Length);
    }

    /// <summary>Any Sharpless diagnostic or template-writer code in build output (SLS1234, SLST005).</summary>
    [GeneratedRegex(@"\bSLST?\d{3,4}\b")]
    private static partial Regex SharplessCodes();
}
