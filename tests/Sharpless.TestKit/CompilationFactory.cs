using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sharpless.TestKit;

/// <summary>
/// Turns a <see cref="ProjectSpec"/> into parse/compilation/analyzer options the way the compiler would from
/// MSBuild: .editorconfig and a global config (build properties) go through a real <see cref="AnalyzerConfigSet"/>.
/// </summary>
internal static class CompilationFactory
{
    public static TestProject Create(ProjectSpec spec)
    {
        var configFiles = ConfigFilesFor(spec);
        var configSet = AnalyzerConfigSet.Create(configFiles.Select(f => AnalyzerConfig.Parse(f.Text, f.Path)).ToList(), out _);
        var optionsProvider = new TestAnalyzerConfigOptionsProvider(configSet);

        var parseOptions = new CSharpParseOptions(spec.LanguageVersion, DocumentationMode.Parse, SourceCodeKind.Regular);
        var compilationOptions = new CSharpCompilationOptions(
                spec.OutputKind,
                nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true)
            .WithSpecificDiagnosticOptions(EnableEveryRule(spec, optionsProvider))
            .WithSyntaxTreeOptionsProvider(new TestSyntaxTreeOptionsProvider(optionsProvider));

        return new TestProject(spec, parseOptions, compilationOptions, optionsProvider, configFiles);
    }

    private static ImmutableArray<TextFile> ConfigFilesFor(ProjectSpec spec)
    {
        var files = ImmutableArray.CreateBuilder<TextFile>();
        if (spec.EditorConfig is not null)
        {
            files.Add(new TextFile(SourcePaths.Root + ".editorconfig", spec.EditorConfig));
        }

        if (!spec.BuildProperties.IsEmpty)
        {
            // What the SDK generates from <CompilerVisibleProperty> items (the .GeneratedMSBuildEditorConfig file).
            var global = new StringBuilder("is_global = true\n");
            foreach (var (name, value) in spec.BuildProperties)
            {
                global.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
            }

            files.Add(new TextFile(SourcePaths.Root + "TestProject.GeneratedMSBuildEditorConfig.editorconfig", global.ToString()));
        }

        return files.ToImmutable();
    }

    /// <summary>
    /// Rules disabled by default are switched on so tests exercise them. A rule the config mentions is left out:
    /// the compiler only consults .editorconfig for ids the compilation options leave unspecified, so leaving it
    /// out is what lets <c>severity = none</c> win.
    /// </summary>
    private static ImmutableDictionary<string, ReportDiagnostic> EnableEveryRule(ProjectSpec spec, TestAnalyzerConfigOptionsProvider options)
    {
        var configured = options.GlobalTreeOptions.Keys
            .Concat(spec.Sources.SelectMany(s => options.TreeOptionsFor(s.Path).Keys))
            .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);

        var result = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.Ordinal);
        foreach (var descriptor in spec.Analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            if (!descriptor.IsEnabledByDefault && !configured.Contains(descriptor.Id))
            {
                result[descriptor.Id] = ToReport(descriptor.DefaultSeverity);
            }
        }

        return result.ToImmutable();
    }

    private static ReportDiagnostic ToReport(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => ReportDiagnostic.Error,
        DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
        DiagnosticSeverity.Info => ReportDiagnostic.Info,
        _ => ReportDiagnostic.Hidden,
    };
}
