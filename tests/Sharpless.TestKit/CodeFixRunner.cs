using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Sharpless.TestKit;

/// <summary>
/// What a test expects a fixer to produce: the text of the first test sources, in the order they were added (one
/// text checks Test0.cs only). A non-null <see cref="FixAllScope"/> means Fix All.
/// </summary>
internal sealed record CodeFixExpectation(ImmutableArray<string> ExpectedCodes, int CodeActionIndex, FixAllScope? FixAllScope);

/// <summary>
/// Applies a fixer the way the IDE does (one diagnostic at a time, or Fix All) until none of its diagnostics is
/// left, then checks the text and that the result still compiles. The loop guard catches fixers whose result
/// raises the diagnostic again, which would hang a user's "fix all" in the IDE.
/// </summary>
internal sealed class CodeFixRunner
{
    private const int MaxIterations = 50;

    private readonly TestProject _project;
    private readonly CodeFixProvider _fixer;
    private readonly ImmutableHashSet<string> _fixableIds;

    public CodeFixRunner(TestProject project, CodeFixProvider fixer)
    {
        _project = project;
        _fixer = fixer;
        _fixableIds = fixer.FixableDiagnosticIds.ToImmutableHashSet(StringComparer.Ordinal);
    }

    public async Task VerifyAsync(CodeFixExpectation expectation, CancellationToken cancellationToken)
    {
        var (workspace, projectId) = WorkspaceFactory.Create(_project);
        using (workspace)
        {
            var kind = expectation.FixAllScope is { } scope ? $"Fix All ({scope})" : "The code fix";
            var solution = workspace.CurrentSolution;
            for (var iteration = 0; ; iteration++)
            {
                var diagnostics = await FixableDiagnosticsAsync(solution.GetProject(projectId)!, cancellationToken);
                if (diagnostics.Count == 0)
                {
                    break;
                }

                if (iteration == MaxIterations)
                {
                    throw new VerificationException(
                        $"{kind} loops: after {MaxIterations} iterations {_fixer.GetType().Name} still has diagnostics to fix:\n\n"
                        + string.Join("\n", diagnostics.Select(DiagnosticComparer.Describe)));
                }

                var (next, title) = expectation.FixAllScope is { } fixAllScope
                    ? await FixAllAsync(solution, diagnostics[0], fixAllScope, expectation.CodeActionIndex, cancellationToken)
                    : await FixOneAsync(solution, diagnostics[0], expectation.CodeActionIndex, cancellationToken);

                if (!await HasChangesAsync(solution, next, projectId, cancellationToken))
                {
                    throw new VerificationException(
                        $"{kind} loops: code action '{title}' changed nothing, and this is still reported:\n\n{DiagnosticComparer.Describe(diagnostics[0])}");
                }

                solution = next;
            }

            var project = solution.GetProject(projectId)!;
            var sources = _project.SourcePathOrder.OrderBy(p => p.Value).Select(p => p.Key).ToList();
            if (expectation.ExpectedCodes.Length > sources.Count)
            {
                throw new VerificationException($"The test expects {expectation.ExpectedCodes.Length} fixed sources but has {sources.Count}.");
            }

            for (var i = 0; i < expectation.ExpectedCodes.Length; i++)
            {
                var document = project.Documents.Single(d => d.FilePath == sources[i]);
                var actual = TextDiff.Normalize((await document.GetTextAsync(cancellationToken)).ToString());
                var expected = TextDiff.Normalize(expectation.ExpectedCodes[i]);
                if (actual != expected)
                {
                    throw new VerificationException(
                        $"{kind} did not produce the expected code in {SourcePaths.ToDisplay(sources[i])}:\n\n{TextDiff.Render(expected, actual)}\nActual code:\n{actual}");
                }
            }

            var compilation = await CompileAsync(project, cancellationToken);
            DiagnosticFormatter.ThrowIfErrors(compilation, $"The code produced by {kind.ToLowerInvariant()} does not compile:", cancellationToken);
        }
    }

    /// <summary>Fails if the fixer offers any code action for any of its diagnostics.</summary>
    public async Task VerifyNoFixOfferedAsync(CancellationToken cancellationToken)
    {
        var (workspace, projectId) = WorkspaceFactory.Create(_project);
        using (workspace)
        {
            var solution = workspace.CurrentSolution;
            var diagnostics = await FixableDiagnosticsAsync(solution.GetProject(projectId)!, cancellationToken);
            if (diagnostics.Count == 0)
            {
                throw new VerificationException($"The test expects {_fixer.GetType().Name} to offer no fix, but there is no diagnostic it could fix.");
            }

            foreach (var diagnostic in diagnostics)
            {
                var registered = new List<CodeAction>();
                await _fixer.RegisterCodeFixesAsync(new CodeFixContext(DocumentOf(solution, diagnostic), diagnostic, (action, _) => registered.Add(action), cancellationToken));
                if (registered.Count > 0)
                {
                    throw new VerificationException(
                        $"{_fixer.GetType().Name} offered {string.Join(", ", registered.Select(a => $"'{a.Title}'"))} where no fix was expected:\n{DiagnosticComparer.Describe(diagnostic)}");
                }
            }
        }
    }

    private async Task<(Solution Solution, string Title)> FixOneAsync(Solution solution, Diagnostic diagnostic, int index, CancellationToken cancellationToken)
    {
        var document = DocumentOf(solution, diagnostic);
        var action = await ChooseActionAsync(document, diagnostic, index, cancellationToken);
        return (await ApplyAsync(solution, action, cancellationToken), action.Title);
    }

    private async Task<(Solution Solution, string Title)> FixAllAsync(Solution solution, Diagnostic diagnostic, FixAllScope scope, int index, CancellationToken cancellationToken)
    {
        var provider = _fixer.GetFixAllProvider()
            ?? throw new VerificationException($"{_fixer.GetType().Name}.GetFixAllProvider() returned null: the fixer does not support Fix All.");
        if (!provider.GetSupportedFixAllScopes().Contains(scope))
        {
            throw new VerificationException($"{_fixer.GetType().Name}'s Fix All provider does not support scope {scope} (supports: {string.Join(", ", provider.GetSupportedFixAllScopes())}).");
        }

        var document = DocumentOf(solution, diagnostic);
        var firstAction = await ChooseActionAsync(document, diagnostic, index, cancellationToken);
        var context = new FixAllContext(
            document,
            _fixer,
            scope,
            firstAction.EquivalenceKey,
            _fixer.FixableDiagnosticIds,
            new FixAllDiagnosticProvider(FixableDiagnosticsAsync),
            cancellationToken);

        var action = await provider.GetFixAsync(context)
            ?? throw new VerificationException($"Fix All ({scope}) of {_fixer.GetType().Name} produced no code action for equivalence key '{firstAction.EquivalenceKey}'.");
        return (await ApplyAsync(solution, action, cancellationToken), action.Title);
    }

    private async Task<CodeAction> ChooseActionAsync(Document document, Diagnostic diagnostic, int index, CancellationToken cancellationToken)
    {
        var registered = new List<CodeAction>();
        await _fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => registered.Add(action), cancellationToken));

        // A fixer may group its choices under one menu entry; the IDE shows the leaves, and so does the index.
        var actions = registered.SelectMany(Flatten).ToList();
        if (actions.Count == 0)
        {
            throw new VerificationException($"{_fixer.GetType().Name} registered no code action for:\n{DiagnosticComparer.Describe(diagnostic)}");
        }

        if (index < 0 || index >= actions.Count)
        {
            throw new VerificationException(
                $"{_fixer.GetType().Name} registered {actions.Count} code action(s); index {index} is out of range. Actions:\n"
                + string.Join("\n", actions.Select((a, i) => $"  [{i}] {a.Title}")));
        }

        return actions[index];
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
        action.NestedActions.IsDefaultOrEmpty ? [action] : action.NestedActions.SelectMany(Flatten);

    private static async Task<Solution> ApplyAsync(Solution solution, CodeAction action, CancellationToken cancellationToken)
    {
        foreach (var operation in await action.GetOperationsAsync(cancellationToken))
        {
            if (operation is ApplyChangesOperation apply)
            {
                solution = apply.ChangedSolution;
            }
        }

        return solution;
    }

    private static async Task<bool> HasChangesAsync(Solution before, Solution after, ProjectId projectId, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(before, after))
        {
            return false;
        }

        foreach (var document in after.GetProject(projectId)!.Documents)
        {
            var old = before.GetDocument(document.Id);
            if (old is null || !(await old.GetTextAsync(cancellationToken)).ContentEquals(await document.GetTextAsync(cancellationToken)))
            {
                return true;
            }
        }

        return before.GetProject(projectId)!.DocumentIds.Count != after.GetProject(projectId)!.DocumentIds.Count;
    }

    private static Document DocumentOf(Solution solution, Diagnostic diagnostic) =>
        solution.GetDocument(diagnostic.Location.SourceTree)
        ?? throw new VerificationException($"No document holds the diagnostic to fix:\n{DiagnosticComparer.Describe(diagnostic)}");

    private async Task<IReadOnlyList<Diagnostic>> FixableDiagnosticsAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await CompileAsync(project, cancellationToken);
        var diagnostics = await AnalyzerRunner.RunAsync(compilation, _project, cancellationToken);
        return diagnostics
            .Where(d => _fixableIds.Contains(d.Id))
            .Where(d => !d.Location.IsInSource || _project.IsTestSource(d.Location.SourceTree?.FilePath))
            .ToList();
    }

    private async Task<Compilation> CompileAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken)
            ?? throw new VerificationException("The workspace produced no compilation.");
        return GeneratorRun.ApplyGenerators(_project, (Microsoft.CodeAnalysis.CSharp.CSharpCompilation)compilation, cancellationToken);
    }
}
