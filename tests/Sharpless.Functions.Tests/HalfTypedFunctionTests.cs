using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Functions.Tests.Infrastructure;

namespace Sharpless.Functions.Tests;

/// <summary>
/// Code being typed is the normal input: the function analyzer and generator run over every prefix (at a fixed
/// stride) of a realistic functions file and must never throw — an exception is AD0001 or CS8785 in a user's build.
/// </summary>
public sealed class HalfTypedFunctionTests
{
    [Fact]
    public async Task EveryPrefixOfAFunctionsFile_NeverThrows()
    {
        var text = FunctionGeneratorTests.OrdersService;
        var step = Math.Max(1, text.Length / 80);
        var checkedPrefixes = 0;
        for (var length = 0; length <= text.Length; length += step)
        {
            // RunGeneratorsAsync fails on a generator exception; the input need not compile.
            var run = await FunctionProject.Create(text[..length]).RunGeneratorsAsync();

            var exceptions = new List<string>();
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new LambdaFunctionAnalyzer());
            var withAnalyzers = run.OutputCompilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

            Assert.True(exceptions.Count == 0, $"prefix {length}: {string.Join("\n", exceptions)}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SYSLIB", StringComparison.Ordinal));
            checkedPrefixes++;
        }

        Assert.True(checkedPrefixes > 60);
    }
}
