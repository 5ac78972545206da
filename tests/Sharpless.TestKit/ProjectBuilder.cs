using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sharpless.TestKit;

/// <summary>
/// Describes a small C# project for a test and verifies analyzers, code fixes and generators against it:
/// <c>new ProjectBuilder().WithAnalyzer&lt;A&gt;().WithSourceCode("…[|x|]…").ShouldFixCodeWith("…").ValidateAsync()</c>.
/// </summary>
public sealed class ProjectBuilder
{
    private readonly List<(string Path, MarkupResult Markup)> _sources = [];
    private readonly List<TextFile> _additionalFiles = [];
    private readonly List<(string Path, MarkupResult Markup)> _additionalFileMarkup = [];
    private readonly List<MetadataReference> _references = [];
    private readonly List<KeyValuePair<string, string>> _buildProperties = [];
    private readonly List<string> _editorConfigs = [];
    private readonly List<DiagnosticAnalyzer> _analyzers = [];
    private readonly List<IIncrementalGenerator> _generators = [];
    private readonly List<CodeFixExpectation> _fixExpectations = [];
    private readonly List<ExpectedDiagnostic> _projectDiagnostics = [];
    private bool _expectNoFix;

    private string _assemblyName = "TestProject";
    private OutputKind _outputKind = OutputKind.DynamicallyLinkedLibrary;
    private LanguageVersion _languageVersion = LanguageVersion.Latest;
    private bool _lambdaStandIns;
    private bool _thirdPartyStandIns;
    private bool _aspNetCoreOnLambda;
    private bool _sharplessReference = true;
    private CodeFixProvider? _fixer;
    private string? _defaultRuleId;
    private string? _expectedMessage;

    /// <summary>Adds a source file; markup (<c>[|…|]</c>, <c>{|ID:…|}</c>) is stripped and becomes expected diagnostics.</summary>
    public ProjectBuilder WithSourceCode(string markupOrCode, string path = "Test0.cs")
    {
        // A second call that keeps the default name means "another file", not "the same file again".
        if (path == "Test0.cs" && _sources.Count > 0)
        {
            path = string.Create(CultureInfo.InvariantCulture, $"Test{_sources.Count}.cs");
        }

        var rooted = SourcePaths.ToRooted(path);
        if (_sources.Any(s => s.Path == rooted))
        {
            throw new ArgumentException($"A source file named '{path}' was already added.", nameof(path));
        }

        _sources.Add((rooted, MarkupParser.Parse(markupOrCode)));
        return this;
    }

    public ProjectBuilder WithAssemblyName(string name)
    {
        _assemblyName = name;
        return this;
    }

    public ProjectBuilder WithOutputKind(OutputKind kind)
    {
        _outputKind = kind;
        return this;
    }

    public ProjectBuilder WithLanguageVersion(LanguageVersion v)
    {
        _languageVersion = v;
        return this;
    }

    public ProjectBuilder WithReference(MetadataReference reference)
    {
        _references.Add(reference);
        return this;
    }

    public ProjectBuilder WithReference(Assembly assembly) => WithReference(MetadataReference.CreateFromFile(assembly.Location));

    /// <summary>Adds the Amazon.Lambda.* compile-time stand-ins as sources; diagnostics inside them are ignored.</summary>
    public ProjectBuilder WithLambdaStandIns()
    {
        _lambdaStandIns = true;
        return this;
    }

    /// <summary>Adds the stand-ins for MySqlConnector, StackExchange.Redis, MongoDB.Driver and SqlClient as sources.</summary>
    public ProjectBuilder WithThirdPartyStandIns()
    {
        _thirdPartyStandIns = true;
        return this;
    }

    /// <summary>
    /// An ASP.NET Core project served by Lambda: the real ASP.NET Core shared framework of the running runtime, plus the
    /// Amazon.Lambda stand-ins and those for Amazon.Lambda.AspNetCoreServer(.Hosting) (the function base classes and
    /// <c>AddAWSLambdaHosting</c>). Whether the code then actually runs on Lambda is up to the test's source.
    /// </summary>
    public ProjectBuilder WithAspNetCoreOnLambda()
    {
        _aspNetCoreOnLambda = true;
        _lambdaStandIns = true;
        return this;
    }

    public ProjectBuilder WithoutSharplessReference()
    {
        _sharplessReference = false;
        return this;
    }

    public ProjectBuilder WithAdditionalFile(string path, string text)
    {
        _additionalFiles.Add(new TextFile(SourcePaths.ToRooted(path), text));
        return this;
    }

    /// <summary>
    /// Adds an AdditionalFile (a template, appsettings.json) whose markup (<c>[|…|]</c>, <c>{|ID:…|}</c>) marks the
    /// diagnostics expected in it. Plain <see cref="WithAdditionalFile"/> takes the text as it is, brackets and all.
    /// </summary>
    public ProjectBuilder WithAdditionalFileMarkup(string path, string markup)
    {
        var rooted = SourcePaths.ToRooted(path);
        var parsed = MarkupParser.Parse(markup);
        _additionalFiles.Add(new TextFile(rooted, parsed.Text));
        _additionalFileMarkup.Add((rooted, parsed));
        return this;
    }

    /// <summary>An MSBuild property as analyzers see it through CompilerVisibleProperty: <c>build_property.&lt;name&gt;</c>.</summary>
    public ProjectBuilder WithBuildProperty(string name, string value)
    {
        _buildProperties.Add(new(name, value));
        return this;
    }

    /// <summary>.editorconfig text at the project root; several calls are concatenated into one file.</summary>
    public ProjectBuilder WithEditorConfig(string text)
    {
        _editorConfigs.Add(text);
        return this;
    }

    public ProjectBuilder WithAnalyzer<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new() => WithAnalyzer(new TAnalyzer());

    public ProjectBuilder WithAnalyzer(DiagnosticAnalyzer analyzer)
    {
        _analyzers.Add(analyzer);
        return this;
    }

    /// <summary>Sets the fixer that <see cref="ShouldFixCodeWith(string)"/> and <see cref="ShouldBatchFixCodeWith"/> apply (one per builder).</summary>
    public ProjectBuilder WithCodeFixProvider<TFix>()
        where TFix : CodeFixProvider, new()
    {
        _fixer = new TFix();
        return this;
    }

    /// <summary>The rule id <c>[|…|]</c> stands for; not needed when the analyzers support exactly one id.</summary>
    public ProjectBuilder WithDefaultRuleId(string id)
    {
        _defaultRuleId = id;
        return this;
    }

    /// <summary>
    /// The exact message expected for the <c>[|…|]</c> diagnostics (for every expected diagnostic when the markup
    /// only uses <c>{|ID:…|}</c>).
    /// </summary>
    public ProjectBuilder ShouldReportDiagnosticWithMessage(string message)
    {
        _expectedMessage = message;
        return this;
    }

    /// <summary>
    /// Expects a diagnostic without a source location (a project setting, reported as <c>CSC : warning …</c>), with
    /// exactly this message. Markup cannot mark those; every one reported must be expected this way.
    /// </summary>
    public ProjectBuilder ShouldReportProjectDiagnostic(string id, string message)
    {
        _projectDiagnostics.Add(new ExpectedDiagnostic(string.Empty, default, id, message));
        return this;
    }

    public ProjectBuilder ShouldFixCodeWith(string expectedCode) => ShouldFixCodeWith(0, expectedCode);

    public ProjectBuilder ShouldFixCodeWith(int codeActionIndex, string expectedCode)
    {
        _fixExpectations.Add(new CodeFixExpectation([expectedCode], codeActionIndex, null));
        return this;
    }

    public ProjectBuilder ShouldBatchFixCodeWith(string expectedCode, FixAllScope scope = FixAllScope.Document) =>
        ShouldBatchFixCodeWith(scope, expectedCode);

    /// <summary>Fix All in <paramref name="scope"/>; one expected text per test source, in the order they were added.</summary>
    public ProjectBuilder ShouldBatchFixCodeWith(FixAllScope scope, params string[] expectedCodes)
    {
        if (scope is not (FixAllScope.Document or FixAllScope.Project))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Fix All is verified for Document and Project scope only.");
        }

        if (expectedCodes.Length == 0)
        {
            throw new ArgumentException("Give at least one expected source.", nameof(expectedCodes));
        }

        _fixExpectations.Add(new CodeFixExpectation([.. expectedCodes], 0, scope));
        return this;
    }

    /// <summary>The fixer must offer no code action for any of its diagnostics (a fix would be wrong there).</summary>
    public ProjectBuilder ShouldNotOfferCodeFix()
    {
        _expectNoFix = true;
        return this;
    }

    public ProjectBuilder WithGenerator<TGenerator>()
        where TGenerator : IIncrementalGenerator, new() => WithGenerator(new TGenerator());

    public ProjectBuilder WithGenerator(IIncrementalGenerator generator)
    {
        _generators.Add(generator);
        return this;
    }

    /// <summary>
    /// Compiles the sources (with generated code when generators are registered), fails on compiler errors, runs
    /// every analyzer with every rule enabled, compares the diagnostics to the markup, then checks the code fixes.
    /// </summary>
    public async Task ValidateAsync(CancellationToken ct = default)
    {
        var project = Freeze();
        var compilation = GeneratorRun.ApplyGenerators(project, project.CreateCompilation(), ct);
        DiagnosticFormatter.ThrowIfErrors(compilation, "The test source does not compile:", ct);

        var expected = ExpectedDiagnostics(project);
        if (project.Spec.Analyzers.IsEmpty && (!expected.IsEmpty || _fixExpectations.Count > 0))
        {
            throw new VerificationException("The test expects diagnostics or fixes but registers no analyzer; call WithAnalyzer<T>().");
        }

        var diagnostics = await AnalyzerRunner.RunAsync(compilation, project, ct);
        DiagnosticComparer.Verify(expected, diagnostics, project, compilation);

        if (_fixExpectations.Count == 0 && !_expectNoFix)
        {
            return;
        }

        var fixer = _fixer ?? throw new VerificationException("The test expects a code fix but registers no fixer; call WithCodeFixProvider<T>().");
        var runner = new CodeFixRunner(project, fixer);
        if (_expectNoFix)
        {
            await runner.VerifyNoFixOfferedAsync(ct);
        }

        foreach (var expectation in _fixExpectations)
        {
            await runner.VerifyAsync(expectation, ct);
        }
    }

    /// <summary>
    /// The analyzers' diagnostics (compiled with generated code; fails on compiler errors or analyzer crashes), for
    /// what markup cannot say, such as additional locations. Stand-in and compiler diagnostics are left out.
    /// </summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CancellationToken ct = default)
    {
        var project = Freeze();
        var compilation = GeneratorRun.ApplyGenerators(project, project.CreateCompilation(), ct);
        DiagnosticFormatter.ThrowIfErrors(compilation, "The test source does not compile:", ct);
        var supported = AnalyzerRunner.SupportedIds(project);
        var diagnostics = await AnalyzerRunner.RunAsync(compilation, project, ct);
        return diagnostics
            .Where(d => supported.Contains(d.Id) && !project.StandInPaths.Contains(d.Location.SourceTree?.FilePath ?? string.Empty))
            .ToImmutableArray();
    }

    /// <summary>
    /// Runs the analyzers over code as it looks while being typed: compiler errors are the normal input and are allowed
    /// (no generators run); an analyzer that throws still fails, as it would be AD0001 in the user's build.
    /// </summary>
    public Task<ImmutableArray<Diagnostic>> AnalyzeHalfTypedAsync(CancellationToken ct = default)
    {
        var project = Freeze();
        return AnalyzerRunner.RunAsync(project.CreateCompilation(), project, ct);
    }

    /// <summary>The input compilation, without generated code; fails if it has compiler errors.</summary>
    public Task<CSharpCompilation> CompileAsync(CancellationToken ct = default)
    {
        var compilation = Freeze().CreateCompilation();
        DiagnosticFormatter.ThrowIfErrors(compilation, "The test source does not compile:", ct);
        return Task.FromResult(compilation);
    }

    /// <summary>
    /// Runs the generators over the input compilation (which may rely on generated code, so it is not required to
    /// compile on its own); fails if a generator throws.
    /// </summary>
    public Task<GeneratorRun> RunGeneratorsAsync(CancellationToken ct = default)
    {
        var project = Freeze();
        if (project.Spec.Generators.IsEmpty)
        {
            throw new VerificationException("RunGeneratorsAsync needs a generator; call WithGenerator<T>().");
        }

        return Task.FromResult(GeneratorRun.Start(project, project.CreateCompilation(), ct));
    }

    private TestProject Freeze()
    {
        if (_sources.Count == 0)
        {
            throw new VerificationException("The test project has no source; call WithSourceCode(...).");
        }

        var sources = _sources.Select(s => new SourceFile(s.Path, s.Markup.Text, IsStandIn: false));
        if (_lambdaStandIns)
        {
            sources = sources.Concat(StandInSources.Sources.Select(s => new SourceFile(SourcePaths.ToRooted(s.Path), s.Text, IsStandIn: true)));
        }

        if (_thirdPartyStandIns)
        {
            sources = sources.Concat(StandInSources.ThirdPartySources.Select(s => new SourceFile(SourcePaths.ToRooted(s.Path), s.Text, IsStandIn: true)));
        }

        if (_aspNetCoreOnLambda)
        {
            sources = sources.Concat(StandInSources.AspNetCoreSources.Select(s => new SourceFile(SourcePaths.ToRooted(s.Path), s.Text, IsStandIn: true)));
        }

        var references = ReferenceAssemblies.Runtime
            .Concat(_sharplessReference ? [ReferenceAssemblies.Sharpless] : [])
            .Concat(_references);
        if (_aspNetCoreOnLambda)
        {
            // The shared framework carries its own Microsoft.Extensions.* (and a few System.*): a test that references
            // the NuGet copies (PerInvocationProject) keeps those, so each assembly is referenced once.
            var present = references.Select(r => Path.GetFileNameWithoutExtension(r.Display)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            references = references.Concat(ReferenceAssemblies.AspNetCore.Where(r => !present.Contains(Path.GetFileNameWithoutExtension(r.Display))));
        }

        var spec = new ProjectSpec(
            _assemblyName,
            _outputKind,
            _languageVersion,
            sources.ToImmutableArray(),
            _additionalFiles.ToImmutableArray(),
            references.ToImmutableArray(),
            _editorConfigs.Count == 0 ? null : string.Join("\n", _editorConfigs),
            _buildProperties.ToImmutableArray(),
            _analyzers.ToImmutableArray(),
            _generators.ToImmutableArray());
        return CompilationFactory.Create(spec);
    }

    private ImmutableArray<ExpectedDiagnostic> ExpectedDiagnostics(TestProject project)
    {
        var spans = _sources.Concat(_additionalFileMarkup).SelectMany(s => s.Markup.Spans.Select(m => (s.Path, m))).ToList();
        var messageForAll = spans.All(x => x.m.Id is not null);

        return spans.Select(x =>
            {
                var isDefault = x.m.Id is null;
                var id = x.m.Id ?? DefaultRuleId(project);
                return new ExpectedDiagnostic(x.Path, x.m.Span, id, isDefault || messageForAll ? _expectedMessage : null);
            })
            .Concat(_projectDiagnostics)
            .ToImmutableArray();
    }

    private string DefaultRuleId(TestProject project)
    {
        if (_defaultRuleId is not null)
        {
            return _defaultRuleId;
        }

        var ids = AnalyzerRunner.SupportedIds(project);
        return ids.Count == 1
            ? ids.First()
            : throw new VerificationException(
                $"[|…|] markup needs a rule id: the analyzers support {(ids.Count == 0 ? "no rule" : string.Join(", ", ids.Order(StringComparer.Ordinal)))}. " +
                "Call WithDefaultRuleId(\"ID\") or write {|ID:…|}.");
    }
}
