using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sharpless.TestKit;

/// <summary>
/// Serves analyzer and generator options from the same <see cref="AnalyzerConfigSet"/> the compilation uses, so
/// what a test writes in .editorconfig or as a build property reaches them as it would in a real build.
/// </summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _configSet;
    private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> _byPath = new(StringComparer.Ordinal);

    public TestAnalyzerConfigOptionsProvider(AnalyzerConfigSet configSet)
    {
        _configSet = configSet;
        GlobalOptions = new DictionaryOptions(configSet.GlobalConfigOptions.AnalyzerOptions);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(ResultFor(tree.FilePath).AnalyzerOptions);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new DictionaryOptions(ResultFor(textFile.Path).AnalyzerOptions);

    /// <summary>Severities a config assigns to diagnostics in the file at <paramref name="path"/>.</summary>
    public ImmutableDictionary<string, ReportDiagnostic> TreeOptionsFor(string path) => ResultFor(path).TreeOptions;

    public ImmutableDictionary<string, ReportDiagnostic> GlobalTreeOptions => _configSet.GlobalConfigOptions.TreeOptions;

    private AnalyzerConfigOptionsResult ResultFor(string? path) =>
        _byPath.GetOrAdd(path ?? string.Empty, p => _configSet.GetOptionsForSourcePath(p));

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values)
        {
            _values = values.WithComparers(KeyComparer);
        }

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
