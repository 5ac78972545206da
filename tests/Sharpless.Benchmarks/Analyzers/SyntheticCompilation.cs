using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Benchmarks.Analyzers;

/// <summary>
/// The synthetic project of <see cref="SyntheticLambdaProject"/> as one <see cref="CSharpCompilation"/>, compiled the
/// way <c>dotnet build</c> compiles it: against the targeting pack's reference assemblies, Sharpless.dll and the AWS
/// SDK, with the System.Text.Json source generator's and the Sharpless generators' output added (a build compiles
/// and analyzes that code too). Also holds the Sharpless analyzers and generators, found by reflection.
/// </summary>
public sealed class SyntheticCompilation
{
    /// <summary>Name of the Sharpless analyzer assembly, loaded by name (this project references it).</summary>
    public const string AnalyzerAssemblyName = "Sharpless.Analyzers";

    private SyntheticCompilation(
        IReadOnlyList<SyntheticFile> files,
        CSharpCompilation sourceCompilation,
        CSharpCompilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableArray<ISourceGenerator> generators,
        CSharpParseOptions parseOptions,
        AnalyzerOptions analyzerOptions,
        int generatedTrees,
        ImmutableArray<string> compilerWarnings)
    {
        CompilerWarnings = compilerWarnings;
        Files = files;
        SourceCompilation = sourceCompilation;
        Compilation = compilation;
        SharplessAnalyzers = analyzers;
        SharplessGenerators = generators;
        ParseOptions = parseOptions;
        AnalyzerOptions = analyzerOptions;
        GeneratedTrees = generatedTrees;
    }

    public IReadOnlyList<SyntheticFile> Files { get; }

    /// <summary>The user's sources only: what generators see.</summary>
    public CSharpCompilation SourceCompilation { get; }

    /// <summary>Sources plus everything the generators wrote: what the compiler compiles and the analyzers analyze.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>Every non-abstract <see cref="DiagnosticAnalyzer"/> with <c>[DiagnosticAnalyzer]</c> for C# in Sharpless.Analyzers.</summary>
    public ImmutableArray<DiagnosticAnalyzer> SharplessAnalyzers { get; }

    /// <summary>Every <c>[Generator]</c> in Sharpless.Analyzers.</summary>
    public ImmutableArray<ISourceGenerator> SharplessGenerators { get; }

    public CSharpParseOptions ParseOptions { get; }

    /// <summary>Build properties as the package's props make them visible (AWSProjectType=Lambda, …); no additional files.</summary>
    public AnalyzerOptions AnalyzerOptions { get; }

    public int GeneratedTrees { get; }

    /// <summary>Compiler and generator warnings of the setup compilation (the generator keeps them at zero).</summary>
    public ImmutableArray<string> CompilerWarnings { get; }

    /// <summary>Builds the compilation of <paramref name="options"/> and fails if it does not compile cleanly.</summary>
    public static SyntheticCompilation Create(SyntheticProjectOptions options)
    {
        var files = SyntheticLambdaProject.Generate(options);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None)
            .WithPreprocessorSymbols("RELEASE", SyntheticLambdaProject.GeneratedCodeSymbol);
        var trees = files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, "/synthetic/" + f.Path, Encoding.UTF8))
            .ToArray();
        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: true,
            deterministic: true)
            // The SDK's default NoWarn: AWSSDK was compiled against an older System.Runtime.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });
        var sourceCompilation = CSharpCompilation.Create("Synthetic", trees, References.Value, compilationOptions);

        var additionalFiles = options.DeploymentFiles
            ? ImmutableArray.Create<AdditionalText>(new SyntheticAdditionalText("/synthetic/template.yaml", SyntheticLambdaProject.Template(files, options)))
            : ImmutableArray<AdditionalText>.Empty;
        var analyzerOptions = new AnalyzerOptions(additionalFiles, new BuildPropertiesProvider());
        var analyzers = LoadSharplessAnalyzers();
        var generators = FindGenerators(LoadAnalyzerAssembly());

        // The System.Text.Json generator (module contexts) and the Sharpless generators (mappers, handlers, router)
        // run once, as in a build; each sees only the user's sources.
        var driver = CSharpGeneratorDriver.Create(
            generators.Add(JsonGenerator.Value),
            additionalFiles,
            parseOptions,
            analyzerOptions.AnalyzerConfigOptionsProvider);
        driver.RunGeneratorsAndUpdateCompilation(sourceCompilation, out var output, out var generatorDiagnostics);
        var compilation = (CSharpCompilation)output;

        var diagnostics = generatorDiagnostics.Concat(compilation.GetDiagnostics()).ToArray();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            var sample = string.Join(Environment.NewLine, errors.Take(20).Select(d => "  " + d));
            throw new InvalidOperationException(
                $"The synthetic project does not compile ({errors.Length} errors; first 20):{Environment.NewLine}{sample}");
        }

        var warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.ToString()).ToImmutableArray();
        return new SyntheticCompilation(files, sourceCompilation, compilation, analyzers, generators, parseOptions, analyzerOptions,
            compilation.SyntaxTrees.Count() - trees.Length, warnings);
    }

    /// <summary>A fresh compilation with no semantic state, so no run reuses what an earlier one bound.</summary>
    public CSharpCompilation Fresh() => Compilation.Clone();

    /// <summary>Compiler diagnostics only (declarations and method bodies): the build without any analyzer.</summary>
    public int CompileOnly() => Fresh().GetDiagnostics().Length;

    /// <summary>Compiler plus analyzer diagnostics with <paramref name="analyzers"/>, on a fresh compilation.</summary>
    public int CompileWithAnalyzers(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        WithAnalyzers(analyzers, logExecutionTime: false).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    public CompilationWithAnalyzers WithAnalyzers(ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime) =>
        Fresh().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            AnalyzerOptions,
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: logExecutionTime,
            reportSuppressedDiagnostics: false));

    /// <summary>Runs the Sharpless generators on a fresh copy of the sources (what they add to a build).</summary>
    public GeneratorDriver RunGenerators() => CreateGeneratorDriver(trackSteps: false).RunGenerators(SourceCompilation.Clone());

    /// <summary>A new driver of the Sharpless generators, with the build properties of a Lambda project.</summary>
    public GeneratorDriver CreateGeneratorDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            SharplessGenerators,
            ImmutableArray<AdditionalText>.Empty,
            ParseOptions,
            AnalyzerOptions.AnalyzerConfigOptionsProvider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>One line saying what is compiled.</summary>
    public string Describe()
    {
        var lines = Compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
        return string.Create(CultureInfo.InvariantCulture,
            $"{SyntheticLambdaProject.Describe(Files)}. With generated code: {Compilation.SyntaxTrees.Count()} trees ({GeneratedTrees} generated), {lines:N0} lines. " +
            $"Sharpless analyzers ({SharplessAnalyzers.Length}): {string.Join(", ", SharplessAnalyzers.Select(a => a.GetType().Name))}. " +
            $"Generators ({SharplessGenerators.Length}): {string.Join(", ", SharplessGenerators.Select(g => GeneratorName(g)))}. " +
            $"Compiler warnings: {CompilerWarnings.Length}{(CompilerWarnings.IsEmpty ? "" : " (first: " + CompilerWarnings[0] + ")")}.");
    }

    public static string GeneratorName(ISourceGenerator generator) => generator.GetGeneratorType().Name;

    private static Assembly LoadAnalyzerAssembly() => Assembly.Load(new AssemblyName(AnalyzerAssemblyName));

    /// <summary>New instances of every C# <see cref="DiagnosticAnalyzer"/> in Sharpless.Analyzers, found by reflection.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadSharplessAnalyzers() =>
        LoadableTypes(LoadAnalyzerAssembly())
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static ImmutableArray<ISourceGenerator> FindGenerators(Assembly assembly) =>
        LoadableTypes(assembly)
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.GetCustomAttributes<GeneratorAttribute>().Any())
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => Activator.CreateInstance(t) switch
            {
                IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                ISourceGenerator generator => generator,
                _ => throw new InvalidOperationException($"{t} is marked [Generator] but is not a generator."),
            })
            .ToImmutableArray();

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // References and the System.Text.Json generator, both from the SDK's targeting pack, as a build uses them.
    // -------------------------------------------------------------------------------------------------------------

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly Lazy<ISourceGenerator> JsonGenerator = new(LoadJsonGenerator);

    private static string TargetingPack()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/<same major>.*/
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var major = Environment.Version.Major.ToString(CultureInfo.InvariantCulture);
        var pack = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Where(d => Path.GetFileName(d).Split('.')[0] == major)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
                .FirstOrDefault()
            : null;
        return pack ?? throw new InvalidOperationException(
            $"No Microsoft.NETCore.App.Ref {major}.x under {packs}: the analyzer benchmarks need the .NET SDK's targeting pack.");
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var refDirectory = Path.Combine(TargetingPack(), "ref", "net" + Environment.Version.ToString(2));
        var framework = Directory.GetFiles(refDirectory, "*.dll").OrderBy(p => p, StringComparer.Ordinal);
        var libraries = new[]
        {
            typeof(LambdaFunctionAttribute).Assembly.Location,                 // Sharpless.dll
            typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location,      // AWSSDK.Core
            typeof(Amazon.DynamoDBv2.AmazonDynamoDBClient).Assembly.Location,  // AWSSDK.DynamoDBv2
        };
        return framework.Concat(libraries).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static ISourceGenerator LoadJsonGenerator()
    {
        var path = Path.Combine(TargetingPack(), "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        var type = LoadableTypes(Assembly.LoadFrom(path))
            .Single(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.Name == "JsonSourceGenerator");
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    /// <summary>What the SDK writes into the generated global .editorconfig for the package's CompilerVisibleProperty items.</summary>
    private sealed class BuildPropertiesProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        private static readonly Options Global = new(new Dictionary<string, string>
        {
            ["build_property.AWSProjectType"] = "Lambda",
            ["build_property.OutputType"] = "Library",
            ["build_property.PublishAot"] = "",
            ["build_property.PublishReadyToRun"] = "",
            ["build_property.TieredCompilation"] = "",
            ["build_property.TieredPGO"] = "",
            ["build_property.InvariantGlobalization"] = "",
            ["build_property.SharplessDynamoDBConversion"] = "",
            ["build_property.SharplessDynamoDBAsciiStrings"] = "",
            ["build_property.TargetFramework"] = "net" + Environment.Version.ToString(2),
        }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase));

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}

/// <summary>
/// The baseline analyzer of the roslyn-analyzers performance tests: it supports one (never reported) diagnostic, so
/// the driver does not skip it as fully suppressed, and registers nothing. With it, CompilationWithAnalyzers pays its
/// own fixed costs; whatever the Sharpless analyzers add on top of it is theirs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "EMPTY0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}

/// <summary>Times an action; used by the paired mode.</summary>
internal static class Timing
{
    public static double Milliseconds(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>An AdditionalFile in memory; one SourceText for its lifetime, as the compiler keeps one per build.</summary>
internal sealed class SyntheticAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
