using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sharpless.TestKit;

/// <summary>
/// Runs the registered analyzers over a compilation the way the compiler does (concurrently, with
/// .editorconfig suppressions applied) and turns any analyzer crash into a verification failure: the compiler
/// would only log AD0001 and the rule would silently stop reporting.
/// </summary>
internal static class AnalyzerRunner
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, TestProject project, CancellationToken cancellationToken)
    {
        var analyzers = project.Spec.Analyzers;
        if (analyzers.IsEmpty)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var crashes = new ConcurrentQueue<(Exception Exception, DiagnosticAnalyzer Analyzer)>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => crashes.Enqueue((exception, analyzer)),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);

        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);

        var crashDiagnostics = diagnostics.Where(d => d.Id == "AD0001").ToList();
        if (!crashes.IsEmpty || crashDiagnostics.Count > 0)
        {
            var message = new StringBuilder("An analyzer threw an exception:\n");
            foreach (var (exception, analyzer) in crashes)
            {
                message.Append('\n').Append(analyzer.GetType().FullName).Append(" threw ").Append(exception).Append('\n');
            }

            foreach (var diagnostic in crashDiagnostics)
            {
                message.Append('\n').Append(DiagnosticFormatter.Format(diagnostic)).Append('\n');
            }

            throw new VerificationException(message.ToString());
        }

        return diagnostics
            .OrderBy(d => project.SourcePathOrder.TryGetValue(d.Location.SourceTree?.FilePath ?? string.Empty, out var order) ? order : int.MaxValue)
            .ThenBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public static ImmutableHashSet<string> SupportedIds(TestProject project) =>
        project.Spec.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);
}
