using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.TestKit;

/// <summary>A source file of the test project; paths are rooted (see <see cref="SourcePaths"/>).</summary>
internal sealed record SourceFile(string Path, string Text, bool IsStandIn);

/// <summary>A non-source file of the test project: an AdditionalFile, or an .editorconfig/global config.</summary>
internal sealed record TextFile(string Path, string Text);

/// <summary>What the builder was told, frozen at validation time.</summary>
internal sealed record ProjectSpec(
    string AssemblyName,
    OutputKind OutputKind,
    LanguageVersion LanguageVersion,
    ImmutableArray<SourceFile> Sources,
    ImmutableArray<TextFile> AdditionalFiles,
    ImmutableArray<MetadataReference> References,
    string? EditorConfig,
    ImmutableArray<KeyValuePair<string, string>> BuildProperties,
    ImmutableArray<DiagnosticAnalyzer> Analyzers,
    ImmutableArray<IIncrementalGenerator> Generators);

/// <summary>
/// Everything needed to build the same compilation twice: once directly, once inside an AdhocWorkspace for
/// code fixes. Keeping both on one set of options is what makes the fix loop see the diagnostics the check saw.
/// </summary>
internal sealed class TestProject
{
    public TestProject(
        ProjectSpec spec,
        CSharpParseOptions parseOptions,
        CSharpCompilationOptions compilationOptions,
        TestAnalyzerConfigOptionsProvider optionsProvider,
        ImmutableArray<TextFile> configFiles)
    {
        Spec = spec;
        ParseOptions = parseOptions;
        CompilationOptions = compilationOptions;
        OptionsProvider = optionsProvider;
        ConfigFiles = configFiles;
        AdditionalTexts = spec.AdditionalFiles.Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text)).ToImmutableArray();
        AnalyzerOptions = new AnalyzerOptions(AdditionalTexts, optionsProvider);
        StandInPaths = spec.Sources.Where(s => s.IsStandIn).Select(s => s.Path).ToImmutableHashSet(StringComparer.Ordinal);
        SourcePathOrder = spec.Sources.Where(s => !s.IsStandIn).Select((s, i) => (s.Path, i)).ToImmutableDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
    }

    public ProjectSpec Spec { get; }

    public CSharpParseOptions ParseOptions { get; }

    public CSharpCompilationOptions CompilationOptions { get; }

    public TestAnalyzerConfigOptionsProvider OptionsProvider { get; }

    /// <summary>.editorconfig and the global config holding build properties, as files (the workspace wants files).</summary>
    public ImmutableArray<TextFile> ConfigFiles { get; }

    public ImmutableArray<AdditionalText> AdditionalTexts { get; }

    public AnalyzerOptions AnalyzerOptions { get; }

    public ImmutableHashSet<string> StandInPaths { get; }

    /// <summary>Position of each test-authored source, to report and fix in the order the test added them.</summary>
    public ImmutableDictionary<string, int> SourcePathOrder { get; }

    public bool IsTestSource(string? path) => path is not null && SourcePathOrder.ContainsKey(path);

    public CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(
            Spec.AssemblyName,
            Spec.Sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, System.Text.Encoding.UTF8), ParseOptions, s.Path)),
            Spec.References,
            CompilationOptions);

    private sealed class TestAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public TestAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
