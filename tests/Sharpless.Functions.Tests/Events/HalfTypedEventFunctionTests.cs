using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Events;

namespace Sharpless.Functions.Tests.Events;

/// <summary>
/// Event functions being typed: the event analyzer and generator (with the mapper generator beside them) run over
/// every prefix of a realistic file, and over the file with each token in turn deleted, and must never throw.
/// </summary>
public sealed class HalfTypedEventFunctionTests
{
    private static string Source(string name) => name == nameof(EventGeneratorTests.Service) ? EventGeneratorTests.Service : EventGeneratorTests.OtherSources;

    private static async Task AssertNoCrashAsync(string text, string what)
    {
        // RunGeneratorsAsync fails on a generator exception; the input need not compile.
        var run = await EventGeneratorTests.Project(text).RunGeneratorsAsync();

        var exceptions = new List<string>();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new EventFunctionAnalyzer(), new Sharpless.Functions.LambdaFunctionAnalyzer());
        var withAnalyzers = run.OutputCompilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.True(exceptions.Count == 0, $"{what}: {string.Join("\n", exceptions)}");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SYSLIB", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(EventGeneratorTests.Service))]
    [InlineData(nameof(EventGeneratorTests.OtherSources))]
    public async Task EveryPrefixOfAnEventFunctionsFile_NeverThrows(string file)
    {
        var text = Source(file);
        var step = Math.Max(1, text.Length / 80);
        var checkedPrefixes = 0;
        for (var length = 0; length <= text.Length; length += step)
        {
            await AssertNoCrashAsync(text[..length], $"prefix {length}");
            checkedPrefixes++;
        }

        Assert.True(checkedPrefixes > 60);
    }

    [Theory]
    [InlineData(nameof(EventGeneratorTests.Service))]
    [InlineData(nameof(EventGeneratorTests.OtherSources))]
    public async Task DeletingAnyTokenOfTheAttributesOrSignatures_NeverThrows(string file)
    {
        var text = Source(file);
        var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text).GetRoot();
        var start = Math.Max(text.IndexOf("[SQSEvent", StringComparison.Ordinal), text.IndexOf("public static class Jobs", StringComparison.Ordinal));
        var tokens = root.DescendantTokens().Where(t => t.SpanStart >= start && t.Span.Length > 0).ToList();
        Assert.True(tokens.Count > 50);
        foreach (var token in tokens)
        {
            await AssertNoCrashAsync(text.Remove(token.SpanStart, token.Span.Length), $"without '{token.Text}' at {token.SpanStart}");
        }
    }
}
