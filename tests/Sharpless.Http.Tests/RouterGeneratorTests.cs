using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Functions;
using Sharpless.Functions.Tests.Infrastructure;
using Sharpless.TestKit;

namespace Sharpless.Http.Tests;

/// <summary>What the router generator writes (reviewed baseline), its deployment data, and its incremental caching.</summary>
public sealed class RouterGeneratorTests
{
    [Fact]
    public async Task Router_MatchesBaseline_AndCompilesWithoutWarnings()
    {
        var run = await FunctionProject.Create(OrdersApiSource.Code).RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings().ShouldMatchBaseline("Sharpless.Generated.ApiRouter.g.cs", "Sharpless.Generated.ApiRouter.g.cs");
    }

    [Fact]
    public async Task OptionalStringsWithANullOrTextDefault_CompileWithoutWarnings()
    {
        var run = await FunctionProject.Create("""
            using System.Collections.Generic;
            using Sharpless;
            namespace Orders;
            public class Pages
            {
                [HttpApi(LambdaHttpMethod.Get, "/items")]
                public string List([FromQuery] string? after = null, [FromQuery] string sort = "id", [FromHeader(Name = "x-tenant")] string? tenant = null) =>
                    (after ?? "") + sort + (tenant ?? "");
            }
            """).RunGeneratorsAsync();

        run.ShouldCompileWithoutWarnings();
    }

    [Fact]
    public async Task ApiFunction_IsInTheCatalogAndTheManifestWithItsRoutes()
    {
        var host = FunctionProject.Load(await FunctionProject.Create(OrdersApiSource.Code).RunGeneratorsAsync());

        Assert.Equal("Orders::Sharpless.Generated.ApiRouter::Handle", host.HandlerString("Api"));
        var json = (string)host.Assembly.GetType("Sharpless.Generated.FunctionManifest")!.GetField("Json")!.GetRawConstantValue()!;
        using var manifest = JsonDocument.Parse(json);
        var api = manifest.RootElement.GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Api");
        Assert.Equal("Orders::Sharpless.Generated.ApiRouter::Handle", api.GetProperty("handler").GetString());
        var events = api.GetProperty("events").EnumerateArray()
            .Select(e => $"{e.GetProperty("type").GetString()} {e.GetProperty("method").GetString()} {e.GetProperty("path").GetString()} {e.GetProperty("payloadFormatVersion").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                "Api GET /orders/{id} 1.0",
                "HttpApi DELETE /orders/{id} 2.0",
                "HttpApi GET /customers/{customerId}/orders 2.0",
                "HttpApi GET /files/{path+} 2.0",
                "HttpApi GET /orders 2.0",
                "HttpApi GET /orders/search 2.0",
                "HttpApi GET /orders/{id} 2.0",
                "HttpApi POST /orders 2.0",
            ],
            events);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesPathsParametersAndBodies()
    {
        var host = FunctionProject.Load(await FunctionProject.Create(OrdersApiSource.Code).RunGeneratorsAsync());
        var json = (string)host.Assembly.GetType("Sharpless.Generated.ApiDescription")!.GetField("OpenApiJson")!.GetRawConstantValue()!;

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("3.0.3", root.GetProperty("openapi").GetString());
        Assert.Equal("Orders", root.GetProperty("info").GetProperty("title").GetString());
        var paths = root.GetProperty("paths");
        Assert.Equal(
            ["/customers/{customerId}/orders", "/files/{path}", "/orders", "/orders/search", "/orders/{id}"],
            paths.EnumerateObject().Select(p => p.Name));

        var get = paths.GetProperty("/orders/{id}").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p =>
            $"{p.GetProperty("name").GetString()} in {p.GetProperty("in").GetString()} required={p.GetProperty("required").GetBoolean()} {p.GetProperty("schema").GetRawText()}");
        Assert.Equal(
            [
                "id in path required=True {\"type\":\"string\",\"format\":\"uuid\"}",
                "version in query required=False {\"type\":\"integer\",\"format\":\"int32\"}",
                "x-tenant in header required=True {\"type\":\"string\"}",
            ],
            parameters);
        Assert.True(get.GetProperty("responses").TryGetProperty("default", out _));

        var post = paths.GetProperty("/orders").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("required").GetBoolean());
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(paths.GetProperty("/orders/{id}").GetProperty("delete").GetProperty("responses").TryGetProperty("204", out _));
        Assert.True(paths.GetProperty("/files/{path}").GetProperty("get").GetProperty("parameters")[0].GetProperty("x-sharpless-greedy").GetBoolean());
    }

    [Fact]
    public async Task UnrelatedEditAndBodyEdit_LeaveEveryStepCached()
    {
        var run = await FunctionProject.Create(OrdersApiSource.Code).RunGeneratorsAsync();

        await run.ShouldStayCachedAsync();
        await run.ShouldStayCachedAsync(c => GeneratorRun.ReplaceText(c, "\"file:\" + path", "\"file: \" + path"));
    }

    [Fact]
    public async Task AddingARoute_RegeneratesTheRouter()
    {
        var run = await FunctionProject.Create(OrdersApiSource.Code).RunGeneratorsAsync();

        var edited = run.RerunAfter(c => GeneratorRun.ReplaceText(c,
            "[HttpApi(LambdaHttpMethod.Get, \"/files/{path+}\")]",
            "[HttpApi(LambdaHttpMethod.Get, \"/files/{path+}\")]\n        [HttpApi(LambdaHttpMethod.Get, \"/documents/{path+}\")]"));

        Assert.Contains(IncrementalStepRunReason.Modified, edited.StepReasons[FunctionGenerator.RouterStep]);
        Assert.Contains("SegmentIs(path, s[0], \"documents\")", edited.GetSource("Sharpless.Generated.ApiRouter.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HalfTypedRoutes_NeverThrow()
    {
        var text = OrdersApiSource.Code;
        var step = Math.Max(1, text.Length / 80);
        for (var length = 0; length <= text.Length; length += step)
        {
            var run = await FunctionProject.Create(text[..length]).RunGeneratorsAsync();
            var exceptions = new List<string>();
            var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new RouteAnalyzer(), new LambdaFunctionAnalyzer());
            var withAnalyzers = run.OutputCompilation.WithAnalyzers(analyzers, new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
                new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([]), (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            Assert.True(exceptions.Count == 0, $"prefix {length}: {string.Join("\n", exceptions)}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }
}
