using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sharpless.TestKit;

/// <summary>
/// One run of the registered incremental generators, with step tracking on. It keeps its driver so a later run
/// (<see cref="ShouldStayCachedAsync"/>) is measured against this one, as the IDE would rerun after an edit.
/// </summary>
public sealed class GeneratorRun
{
    private readonly TestProject _project;
    private readonly GeneratorDriver _driver;

    private GeneratorRun(TestProject project, GeneratorDriver driver, CSharpCompilation input, CSharpCompilation output)
    {
        _project = project;
        _driver = driver;
        InputCompilation = input;
        OutputCompilation = output;
        RunResult = driver.GetRunResult();
        GeneratedSources = RunResult.Results.SelectMany(r => r.GeneratedSources).ToImmutableArray();
        GeneratorDiagnostics = RunResult.Diagnostics;
        StepReasons = CollectStepReasons(RunResult);
    }

    public CSharpCompilation InputCompilation { get; }

    public CSharpCompilation OutputCompilation { get; }

    public GeneratorDriverRunResult RunResult { get; }

    public ImmutableArray<GeneratedSourceResult> GeneratedSources { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Tracking name → reasons of that step's outputs in this run (named steps and source outputs).</summary>
    public ImmutableDictionary<string, ImmutableArray<IncrementalStepRunReason>> StepReasons { get; }

    /// <summary>Text of the one generated source whose hint name ends with <paramref name="hintNameSuffix"/>.</summary>
    public string GetSource(string hintNameSuffix)
    {
        var matches = GeneratedSources.Where(s => s.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).ToList();
        if (matches.Count == 1)
        {
            return matches[0].SourceText.ToString();
        }

        var names = GeneratedSources.IsEmpty ? "  (none)" : string.Join("\n", GeneratedSources.Select(s => "  " + s.HintName));
        throw new VerificationException(
            $"{(matches.Count == 0 ? "No" : matches.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} generated source(s) have a hint name ending with '{hintNameSuffix}'. Generated:\n{names}");
    }

    /// <summary>
    /// No errors anywhere (input, generated code, generator diagnostics) and no warnings in generated code: users
    /// build with warnings as errors, so a warning in generated code breaks their build.
    /// </summary>
    public GeneratorRun ShouldCompileWithoutWarnings()
    {
        ThrowOnGeneratorExceptions(RunResult);
        var generatedTrees = OutputCompilation.SyntaxTrees.Except(InputCompilation.SyntaxTrees).ToImmutableHashSet();
        var problems = OutputCompilation.GetDiagnostics()
            .Concat(GeneratorDiagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)))
            .ToList();
        if (problems.Count > 0)
        {
            throw new VerificationException(
                "The generated code does not compile cleanly:\n\n" + string.Join("\n", problems.Select(DiagnosticFormatter.Format)) + "\n" + GeneratedFileList());
        }

        return this;
    }

    public GeneratorRun ShouldHaveNoDiagnostics()
    {
        if (!GeneratorDiagnostics.IsEmpty)
        {
            throw new VerificationException("The generators reported diagnostics:\n\n" + string.Join("\n", GeneratorDiagnostics.Select(DiagnosticFormatter.Format)));
        }

        return this;
    }

    /// <summary>Compares a generated source to &lt;test project&gt;/Baselines/<paramref name="baselineFileName"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public GeneratorRun ShouldMatchBaseline(string hintNameSuffix, string baselineFileName) =>
        ShouldMatchBaseline(hintNameSuffix, baselineFileName, Baselines.GetDirectory(Assembly.GetCallingAssembly()), Baselines.UpdateRequested);

    internal GeneratorRun ShouldMatchBaseline(string hintNameSuffix, string baselineFileName, string baselineDirectory, bool update)
    {
        Baselines.Verify(GetSource(hintNameSuffix), Path.Combine(baselineDirectory, baselineFileName), update);
        return this;
    }

    /// <summary>
    /// Reruns over <c>InputCompilation.Clone()</c> and then over an unrelated edit, and fails unless every tracked
    /// output is Cached or Unchanged and no tracked output holds a symbol, syntax or compilation.
    /// </summary>
    public Task<GeneratorRun> ShouldStayCachedAsync(Func<CSharpCompilation, CSharpCompilation>? unrelatedEdit = null)
    {
        var problems = new List<string>();
        problems.AddRange(PipelineObjectWalker.FindForbiddenObjects(RunResult));

        var cloned = Rerun(InputCompilation.Clone());
        problems.AddRange(IncrementalCacheVerifier.FindUncachedOutputs(cloned.RunResult, "rerun over compilation.Clone()"));

        var edited = unrelatedEdit is null ? AddUnrelatedTree(cloned.InputCompilation) : unrelatedEdit(cloned.InputCompilation);
        var afterEdit = cloned.Rerun(edited);
        problems.AddRange(IncrementalCacheVerifier.FindUncachedOutputs(afterEdit.RunResult, "rerun after an unrelated edit"));
        problems.AddRange(PipelineObjectWalker.FindForbiddenObjects(afterEdit.RunResult));

        if (problems.Count > 0)
        {
            throw new VerificationException(
                "The generator pipeline does not stay cached:\n\n" + string.Join("\n", problems.Distinct(StringComparer.Ordinal)));
        }

        return Task.FromResult(afterEdit);
    }

    /// <summary>
    /// Reruns the same driver over an edited copy of the input, as the IDE does after a keystroke, without checking
    /// anything: the caller asserts on <see cref="StepReasons"/> of the result.
    /// </summary>
    public GeneratorRun RerunAfter(Func<CSharpCompilation, CSharpCompilation> edit) => Rerun(edit(InputCompilation));

    /// <summary>Replaces <paramref name="oldText"/> (which must occur once in the test sources) with <paramref name="newText"/>.</summary>
    public static CSharpCompilation ReplaceText(CSharpCompilation compilation, string oldText, string newText)
    {
        var trees = compilation.SyntaxTrees.Where(t => t.ToString().Contains(oldText, StringComparison.Ordinal)).ToList();
        if (trees.Count != 1 || trees[0].ToString().IndexOf(oldText, StringComparison.Ordinal) != trees[0].ToString().LastIndexOf(oldText, StringComparison.Ordinal))
        {
            throw new VerificationException($"'{oldText}' must occur exactly once in the sources to be edited.");
        }

        var tree = trees[0];
        var text = tree.GetText();
        var start = text.ToString().IndexOf(oldText, StringComparison.Ordinal);
        var changed = text.WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(start, oldText.Length), newText));
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(changed));
    }

    internal static GeneratorRun Start(TestProject project, CSharpCompilation input, CancellationToken cancellationToken)
    {
        var driver = CSharpGeneratorDriver.Create(
            project.Spec.Generators.Select(GeneratorExtensions.AsSourceGenerator),
            project.AdditionalTexts,
            project.ParseOptions,
            project.OptionsProvider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Run(project, driver, input, cancellationToken);
    }

    /// <summary>The compilation a build would hand analyzers: the input plus generated code (unchanged without generators).</summary>
    internal static CSharpCompilation ApplyGenerators(TestProject project, CSharpCompilation input, CancellationToken cancellationToken) =>
        project.Spec.Generators.IsEmpty ? input : Start(project, input, cancellationToken).OutputCompilation;

    private GeneratorRun Rerun(CSharpCompilation input) => Run(_project, _driver, input, CancellationToken.None);

    private static GeneratorRun Run(TestProject project, GeneratorDriver driver, CSharpCompilation input, CancellationToken cancellationToken)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out _, cancellationToken);
        var run = new GeneratorRun(project, driver, input, (CSharpCompilation)output);
        ThrowOnGeneratorExceptions(run.RunResult);
        return run;
    }

    private CSharpCompilation AddUnrelatedTree(CSharpCompilation compilation) =>
        compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Unrelated { internal static class UnrelatedEdit { public static int Value => 42; } }",
            _project.ParseOptions,
            SourcePaths.ToRooted("UnrelatedEdit.cs")));

    private static void ThrowOnGeneratorExceptions(GeneratorDriverRunResult result)
    {
        var failures = result.Results.Where(r => r.Exception is not null).ToList();
        var crashDiagnostics = result.Diagnostics.Where(d => d.Id == "CS8785").ToList();
        if (failures.Count == 0 && crashDiagnostics.Count == 0)
        {
            return;
        }

        var message = new StringBuilder("A generator threw an exception:\n");
        foreach (var failure in failures)
        {
            message.Append('\n').Append(failure.Generator.GetGeneratorType().FullName).Append(" threw ").Append(failure.Exception).Append('\n');
        }

        // CS8785 repeats the exception already shown; it only adds something when no result carried it.
        foreach (var diagnostic in failures.Count == 0 ? crashDiagnostics : [])
        {
            message.Append('\n').Append(DiagnosticFormatter.Format(diagnostic)).Append('\n');
        }

        throw new VerificationException(message.ToString());
    }

    private static ImmutableDictionary<string, ImmutableArray<IncrementalStepRunReason>> CollectStepReasons(GeneratorDriverRunResult result)
    {
        var reasons = new Dictionary<string, ImmutableArray<IncrementalStepRunReason>.Builder>(StringComparer.Ordinal);
        foreach (var generator in result.Results)
        {
            foreach (var (name, steps) in generator.TrackedSteps.Concat(generator.TrackedOutputSteps))
            {
                if (!reasons.TryGetValue(name, out var builder))
                {
                    reasons[name] = builder = ImmutableArray.CreateBuilder<IncrementalStepRunReason>();
                }

                builder.AddRange(steps.SelectMany(s => s.Outputs).Select(o => o.Reason));
            }
        }

        return reasons.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
    }

    private string GeneratedFileList() =>
        "\nGenerated files:\n" + string.Join("\n", GeneratedSources.Select(s => "  " + s.HintName));
}
