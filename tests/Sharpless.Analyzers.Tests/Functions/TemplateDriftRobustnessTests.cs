using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Analyzers.Tests.Common;
using Sharpless.Functions;
using Sharpless.Deployment;

namespace Sharpless.Analyzers.Tests.Functions;

/// <summary>
/// The drift rules read a template and code that are being edited: every prefix of the YAML template, of the JSON
/// template and of the code (with the others complete) must analyze without an exception.
/// </summary>
public sealed class TemplateDriftRobustnessTests
{
    [Fact]
    public async Task EveryPrefixOfTheTemplatesAndTheCode_NeverThrows()
    {
        var runs = 0;
        foreach (var (name, text) in new[] { ("template.yaml", DriftProject.Yaml), ("serverless.template", DriftProject.Json), ("Orders.cs", DriftProject.Code) })
        {
            // Every character of the templates; every 7th of the code (each prefix is a new compilation).
            var step = name == "Orders.cs" ? 7 : 1;
            for (var length = 0; length <= text.Length; length += step)
            {
                var prefix = text[..length];
                await AnalyzeAsync(
                    name == "Orders.cs" ? prefix : DriftProject.Code,
                    name == "Orders.cs" ? DriftProject.Yaml : prefix,
                    name == "Orders.cs" ? "template.yaml" : name,
                    $"{name}, prefix {length}");
                runs++;
            }
        }

        Assert.True(runs > 3000, $"only {runs} runs");

        // The complete files are analyzed for real: in sync, and a drifted memory size is reported.
        Assert.Empty(await AnalyzeAsync(DriftProject.Code, DriftProject.Yaml, "template.yaml", "complete YAML"));
        Assert.Empty(await AnalyzeAsync(DriftProject.Code, DriftProject.Json, "serverless.template", "complete JSON"));
        var drifted = await AnalyzeAsync(DriftProject.Code, DriftProject.YamlWith("MemorySize: 512", "MemorySize: 128"), "template.yaml", "drifted");
        Assert.Equal("SLS1020", Assert.Single(drifted).Id);
    }

    /// <summary>The generator runs first, as in a build: drift compares what it generated.</summary>
    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string code, string template, string templateName, string what)
    {
        var compilation = SweepRun.Compile("Orders", CSharpSyntaxTree.ParseText(code, path: "/src/Orders.cs"));
        CSharpGeneratorDriver.Create(new FunctionGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        return SweepRun.AnalyzeAsync(generated, [new TemplateDriftAnalyzer()], [("/src/" + templateName, template)], what);
    }
}
