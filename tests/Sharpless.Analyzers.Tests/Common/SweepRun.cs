using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Analyzers.Tests.Common;

/// <summary>
/// One analyzer run for the robustness sweeps (thousands of prefixes): a bare compilation without the TestKit's
/// project setup, and a failed assertion, naming the input, for any exception an analyzer throws or any AD0001.
/// </summary>
internal static class SweepRun
{
    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(Sharpless.LambdaFunctionAttribute).Assembly.Location),
    ]);

    /// <summary>Every analyzer the package ships, found by reflection so a new one is covered without editing a test.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(Sharpless.DynamoDB.ItemModelAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Every generator the package ships.</summary>
    public static IIncrementalGenerator[] AllGenerators() =>
        typeof(Sharpless.DynamoDB.ItemModelAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.IsDefined(typeof(GeneratorAttribute), inherit: false))
            .Select(t => (IIncrementalGenerator)Activator.CreateInstance(t)!)
            .ToArray();

    /// <summary>
    /// The generators, then the analyzers over the generated compilation, as a build runs them: no generator exception
    /// (CS8785), no generator diagnostic that is not Sharpless's, no analyzer exception (AD0001).
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> BuildAsync(Compilation compilation, IEnumerable<(string Path, string Text)> additionalFiles, string what)
    {
        var files = additionalFiles.ToArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            AllGenerators().Select(GeneratorExtensions.AsSourceGenerator),
            additionalTexts: files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)),
            parseOptions: (CSharpParseOptions?)compilation.SyntaxTrees.FirstOrDefault()?.Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        foreach (var result in driver.GetRunResult().Results)
        {
            Assert.True(result.Exception is null, $"{what}: {result.Generator.GetGeneratorType().Name}: {result.Exception}");
        }

        Assert.All(generatorDiagnostics, d => Assert.StartsWith("SLS", d.Id, StringComparison.Ordinal));
        return await AnalyzeAsync(generated, AllAnalyzers(), files, what);
    }

    public static CSharpCompilation Compile(string assemblyName, SyntaxTree tree, IEnumerable<MetadataReference>? libraries = null) =>
        CSharpCompilation.Create(
            assemblyName,
            [tree],
            [.. Framework.Value, .. libraries ?? []],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The analyzers' diagnostics (and the compiler's too, with <paramref name="includeCompilerDiagnostics"/>).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        IEnumerable<(string Path, string Text)> additionalFiles,
        string what,
        bool includeCompilerDiagnostics = false)
    {
        var files = additionalFiles.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
        var exceptions = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(files), (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = includeCompilerDiagnostics
            ? await withAnalyzers.GetAllDiagnosticsAsync()
            : await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, $"{what}: {string.Join("\n", exceptions)}");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }
}
