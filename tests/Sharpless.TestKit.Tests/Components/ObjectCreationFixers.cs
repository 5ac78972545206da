using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sharpless.TestKit.Tests.Components;

/// <summary>Base for the TK0001 fixers: each replaces the flagged <c>new object()</c> with its own expression.</summary>
public abstract class ObjectCreationFixerBase : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [ObjectCreationAnalyzer.Rule.Id];

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    protected abstract string Replacement { get; }

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not ObjectCreationExpressionSyntax creation)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Replace with " + Replacement,
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, SyntaxFactory.ParseExpression(Replacement).WithTriviaFrom(creation)))),
                equivalenceKey: GetType().Name),
            context.Diagnostics);
    }
}

/// <summary>The correct fix.</summary>
public sealed class ObjectCreationFixer : ObjectCreationFixerBase
{
    protected override string Replacement => "new string('a', 1)";
}

/// <summary>Removes the diagnostic but produces code that does not compile.</summary>
public sealed class BrokenObjectCreationFixer : ObjectCreationFixerBase
{
    protected override string Replacement => "new Missing()";
}

/// <summary>Rewrites the creation into another one the analyzer flags again: the fix never converges.</summary>
public sealed class LoopingObjectCreationFixer : ObjectCreationFixerBase
{
    protected override string Replacement => "(new object())";
}

/// <summary>Has no Fix All support.</summary>
public sealed class NoFixAllObjectCreationFixer : ObjectCreationFixerBase
{
    protected override string Replacement => "new string('a', 1)";

    public override FixAllProvider? GetFixAllProvider() => null;
}
