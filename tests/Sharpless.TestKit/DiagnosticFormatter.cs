using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.TestKit;

/// <summary>
/// Renders diagnostics the way a build log does (<c>Test0.cs(3,17): error CS0103: …</c>), plus the offending
/// source line with a marker under the span, so a failure can be read without opening the test.
/// </summary>
internal static class DiagnosticFormatter
{
    public static string Format(Diagnostic diagnostic)
    {
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        var header = $"{Position(diagnostic.Location)}: {severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        return diagnostic.Location.SourceTree is { } tree
            ? header + "\n" + SourceLineWithMarker(tree.GetText(), diagnostic.Location.SourceSpan)
            : header;
    }

    /// <summary><c>Test0.cs(3,17)</c>, or <c>&lt;no location&gt;</c>.</summary>
    public static string Position(Location location)
    {
        if (location == Location.None)
        {
            return "<no location>";
        }

        var span = location.GetLineSpan();
        return $"{SourcePaths.ToDisplay(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }

    /// <summary><c>Test0.cs(3,17)-(3,21)</c>: the whole span, which is what markup comparisons are about.</summary>
    public static string Range(string path, SourceText text, TextSpan span)
    {
        var lines = text.Lines.GetLinePositionSpan(span);
        return $"{SourcePaths.ToDisplay(path)}({lines.Start.Line + 1},{lines.Start.Character + 1})-({lines.End.Line + 1},{lines.End.Character + 1})";
    }

    public static string SourceLineWithMarker(SourceText text, TextSpan span)
    {
        if (span.Start > text.Length)
        {
            return string.Empty;
        }

        var line = text.Lines.GetLineFromPosition(span.Start);
        var lineText = line.ToString();
        var startColumn = span.Start - line.Start;
        var width = Math.Max(1, Math.Min(span.End, line.End) - span.Start);

        var marker = new StringBuilder();
        for (var i = 0; i < startColumn && i < lineText.Length; i++)
        {
            // Keep tabs so the marker lines up under tab-indented code.
            marker.Append(lineText[i] == '\t' ? '\t' : ' ');
        }

        marker.Append('^').Append('~', width - 1);
        return $"    {lineText}\n    {marker}";
    }

    /// <summary>Throws when <paramref name="compilation"/> has errors, listing each one with its source line.</summary>
    public static void ThrowIfErrors(Compilation compilation, string heading, CancellationToken cancellationToken)
    {
        var errors = compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
        if (errors.Count == 0)
        {
            return;
        }

        var message = new StringBuilder(heading).Append('\n');
        foreach (var error in errors)
        {
            message.Append('\n').Append(Format(error)).Append('\n');
        }

        throw new VerificationException(message.ToString());
    }
}
