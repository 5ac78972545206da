using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.Analyzers.Tests.Common;

/// <summary>
/// Test-only analyzer that makes the shared handler model visible: every call to <c>P.Probe()</c> is reported as
/// INV (per invocation) or INIT (init phase) and not at all when the phase is unknown. Tests then state the expected
/// phase of each call with markup.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class PhaseProbeAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Invocation = new("INV", "Per invocation", "per invocation in {0}", "Test", DiagnosticSeverity.Warning, true);
    public static readonly DiagnosticDescriptor Init = new("INIT", "Init phase", "init phase", "Test", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Invocation, Init);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var handlers = HandlerIndex.Create(start.Compilation, start.Options, start.CancellationToken);
            start.RegisterOperationAction(context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (invocation.TargetMethod.Name != "Probe")
                {
                    return;
                }

                switch (ExecutionPhaseResolver.GetPhase(handlers, invocation, context.ContainingSymbol, out var handler))
                {
                    case ExecutionPhase.Invocation:
                        context.ReportDiagnostic(Diagnostic.Create(Invocation, invocation.Syntax.GetLocation(), handler!.Name));
                        break;
                    case ExecutionPhase.Init:
                        context.ReportDiagnostic(Diagnostic.Create(Init, invocation.Syntax.GetLocation()));
                        break;
                }
            }, OperationKind.Invocation);
        });
    }
}
