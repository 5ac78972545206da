using Microsoft.CodeAnalysis;

namespace Sharpless.TestKit;

/// <summary>
/// Hands the compiler the per-file severities from .editorconfig and the global config, which is how
/// <c>dotnet_diagnostic.ID.severity = none</c> suppresses a diagnostic in a real build.
/// </summary>
internal sealed class TestSyntaxTreeOptionsProvider : SyntaxTreeOptionsProvider
{
    private readonly TestAnalyzerConfigOptionsProvider _options;

    public TestSyntaxTreeOptionsProvider(TestAnalyzerConfigOptionsProvider options)
    {
        _options = options;
    }

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
    {
        // Same switch the compiler honours: generated_code = true|false in .editorconfig.
        if (_options.GetOptions(tree).TryGetValue("generated_code", out var value) && bool.TryParse(value, out var generated))
        {
            return generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated;
        }

        return GeneratedKind.Unknown;
    }

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _options.TreeOptionsFor(tree.FilePath).TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _options.GlobalTreeOptions.TryGetValue(diagnosticId, out severity);
}
