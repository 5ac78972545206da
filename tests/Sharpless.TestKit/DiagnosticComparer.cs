using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.TestKit;

/// <summary>A diagnostic the test's markup asks for. A null message means any message.</summary>
internal sealed record ExpectedDiagnostic(string Path, TextSpan Span, string Id, string? Message);

/// <summary>
/// Matches reported diagnostics against expected ones by file, span and id (and message when asked) and, on a
/// mismatch, explains both sides and prints the markup that would have matched.
/// </summary>
internal static class DiagnosticComparer
{
    public static void Verify(ImmutableArray<ExpectedDiagnostic> expected, ImmutableArray<Diagnostic> reported, TestProject project, Compilation compilation)
    {
        var supported = AnalyzerRunner.SupportedIds(project);

        // Compiler warnings and diagnostics inside the stand-ins are outside what a rule test asserts.
        var actual = reported
            .Where(d => supported.Contains(d.Id))
            .Where(d => !project.StandInPaths.Contains(d.Location.SourceTree?.FilePath ?? string.Empty))
            .ToList();

        var unmatched = new List<Diagnostic>(actual);
        var missing = new List<ExpectedDiagnostic>();
        var wrongMessage = new List<(ExpectedDiagnostic Expected, Diagnostic Actual)>();

        foreach (var item in expected)
        {
            var sameSpot = unmatched.Where(d => IsAt(d, item)).ToList();
            var exact = sameSpot.FirstOrDefault(d => item.Message is null || MessageOf(d) == item.Message);
            if (exact is not null)
            {
                unmatched.Remove(exact);
            }
            else if (sameSpot.Count > 0)
            {
                unmatched.Remove(sameSpot[0]);
                wrongMessage.Add((item, sameSpot[0]));
            }
            else
            {
                missing.Add(item);
            }
        }

        if (missing.Count == 0 && unmatched.Count == 0 && wrongMessage.Count == 0)
        {
            return;
        }

        var report = new StringBuilder("Diagnostics do not match the markup.\n");
        if (missing.Count > 0)
        {
            report.Append("\nExpected but not reported:\n");
            foreach (var item in missing)
            {
                if (item.Path.Length == 0)
                {
                    report.Append("  (project) ").Append(item.Id).Append(": ").Append(item.Message).Append('\n');
                    continue;
                }

                var text = TextOf(compilation, project, item.Path);
                report.Append("  ").Append(DiagnosticFormatter.Range(item.Path, text, item.Span)).Append(' ').Append(item.Id).Append(": ")
                    .Append(item.Message ?? "(any message)").Append('\n')
                    .Append(DiagnosticFormatter.SourceLineWithMarker(text, item.Span)).Append('\n');
            }
        }

        if (unmatched.Count > 0)
        {
            report.Append("\nReported but not expected:\n");
            foreach (var diagnostic in unmatched)
            {
                report.Append("  ").Append(Describe(diagnostic)).Append('\n');
            }
        }

        if (wrongMessage.Count > 0)
        {
            report.Append("\nReported with a different message:\n");
            foreach (var (item, diagnostic) in wrongMessage)
            {
                report.Append("  ").Append(Describe(diagnostic)).Append('\n')
                    .Append("    expected message: ").Append(item.Message).Append('\n')
                    .Append("    actual message:   ").Append(MessageOf(diagnostic)).Append('\n');
            }
        }

        report.Append("\nMarkup that matches what was reported:\n");
        foreach (var path in project.SourcePathOrder.OrderBy(p => p.Value).Select(p => p.Key))
        {
            var inFile = actual.Where(d => d.Location.SourceTree?.FilePath == path).ToList();
            var involved = inFile.Count > 0 || expected.Any(e => e.Path == path);
            if (!involved)
            {
                continue;
            }

            report.Append("// ").Append(SourcePaths.ToDisplay(path)).Append('\n')
                .Append(ActualMarkupRenderer.Render(TextOf(compilation, path).ToString(), inFile.Select(d => (d.Location.SourceSpan, d.Id))))
                .Append('\n');
        }

        foreach (var file in project.Spec.AdditionalFiles)
        {
            var inFile = actual.Where(d => IsInAdditionalFile(d, file.Path)).ToList();
            if (inFile.Count == 0 && !expected.Any(e => e.Path == file.Path))
            {
                continue;
            }

            report.Append("// ").Append(SourcePaths.ToDisplay(file.Path)).Append(" (additional file)\n")
                .Append(ActualMarkupRenderer.Render(file.Text, inFile.Select(d => (d.Location.SourceSpan, d.Id))))
                .Append('\n');
        }

        throw new VerificationException(report.ToString());
    }

    public static string Describe(Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            return $"{DiagnosticFormatter.Position(diagnostic.Location)} {diagnostic.Id}: {MessageOf(diagnostic)}";
        }

        var text = tree.GetText();
        return $"{DiagnosticFormatter.Range(tree.FilePath, text, diagnostic.Location.SourceSpan)} {diagnostic.Id}: {MessageOf(diagnostic)}\n"
            + DiagnosticFormatter.SourceLineWithMarker(text, diagnostic.Location.SourceSpan);
    }

    private static bool IsAt(Diagnostic diagnostic, ExpectedDiagnostic expected) =>
        diagnostic.Id == expected.Id
        && (expected.Path.Length == 0
            ? diagnostic.Location.Kind == LocationKind.None
            : (diagnostic.Location.SourceTree?.FilePath == expected.Path || IsInAdditionalFile(diagnostic, expected.Path))
              && diagnostic.Location.SourceSpan == expected.Span);

    /// <summary>A diagnostic reported on an AdditionalFile (a template): an external location with that path.</summary>
    private static bool IsInAdditionalFile(Diagnostic diagnostic, string path) =>
        diagnostic.Location.Kind == LocationKind.ExternalFile && diagnostic.Location.GetLineSpan().Path == path;

    private static SourceText TextOf(Compilation compilation, TestProject project, string path) =>
        project.Spec.AdditionalFiles.FirstOrDefault(f => f.Path == path) is { } file ? SourceText.From(file.Text) : TextOf(compilation, path);

    private static string MessageOf(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static SourceText TextOf(Compilation compilation, string path) =>
        compilation.SyntaxTrees.First(t => t.FilePath == path).GetText();
}
