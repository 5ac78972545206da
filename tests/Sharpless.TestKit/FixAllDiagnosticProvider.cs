using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Sharpless.TestKit;

/// <summary>Feeds Fix All the same analyzer diagnostics the single-fix loop uses.</summary>
internal sealed class FixAllDiagnosticProvider : FixAllContext.DiagnosticProvider
{
    private readonly Func<Project, CancellationToken, Task<IReadOnlyList<Diagnostic>>> _fixableDiagnostics;

    public FixAllDiagnosticProvider(Func<Project, CancellationToken, Task<IReadOnlyList<Diagnostic>>> fixableDiagnostics)
    {
        _fixableDiagnostics = fixableDiagnostics;
    }

    public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
    {
        var all = await _fixableDiagnostics(document.Project, cancellationToken);
        return all.Where(d => d.Location.SourceTree?.FilePath == document.FilePath);
    }

    public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
    {
        var all = await _fixableDiagnostics(project, cancellationToken);
        return all.Where(d => !d.Location.IsInSource);
    }

    public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
        await _fixableDiagnostics(project, cancellationToken);
}
