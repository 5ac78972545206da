using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// SLS4002 (no ReadyToRun or Native AOT) and SLS4003 (tiered compilation off) for a Lambda project
    /// (<see cref="LambdaProjectEvidence"/>: never a class library that merely references Amazon.Lambda.*). The settings arrive as <c>build_property.*</c> through
    /// buildTransitive/Sharpless.props; without them (the package's props not imported) nothing is known and nothing is
    /// reported. Test projects are skipped. <c>msbuild-parameters</c> in aws-lambda-tools-defaults.json count too, since
    /// <c>dotnet lambda deploy-function</c> passes them to the publish.
    /// Reported once per project at compilation end (handlers are known only then), on the first handler or the
    /// function's deployment entry: editors such as csharp-ls drop diagnostics without a location, and their
    /// whole-project request returns nothing at all for a project that has one.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LambdaProjectSettingsAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor NoPrecompilation = RuleDescriptors.AsCompilationEnd(ColdStartRules.NoPrecompilation);
        private static readonly DiagnosticDescriptor TieredCompilationDisabled = RuleDescriptors.AsCompilationEnd(ColdStartRules.TieredCompilationDisabled);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(NoPrecompilation, TieredCompilationDisabled);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var settings = LambdaPublishSettings.Read(start.Options, start.CancellationToken);
                if (!settings.IsKnown || settings.IsTestProject)
                {
                    return;
                }

                var reportPrecompilation = !settings.Aot && !settings.ReadyToRun;
                var reportTiered = !settings.Aot && settings.TieredCompilationDisabled;
                if (!reportPrecompilation && !reportTiered)
                {
                    return;
                }

                var evidence = LambdaProjectEvidence.Create(start.Compilation, start.Options, settings.IsLambdaProjectType, start.CancellationToken);
                // Handlers are collected even when the project settings decide, so the diagnostic lands on one.
                start.RegisterSymbolAction(evidence.OnMethod, SymbolKind.Method);
                if (evidence.Handlers.LambdaBootstrapBuilder is not null)
                {
                    start.RegisterOperationAction(evidence.OnInvocation, OperationKind.Invocation);
                }

                start.RegisterCompilationEndAction(end =>
                {
                    if (!evidence.IsLambdaProject)
                    {
                        return;
                    }

                    var location = evidence.GetLocation(end.CancellationToken);
                    if (reportPrecompilation)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(NoPrecompilation, location));
                    }

                    if (reportTiered)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(TieredCompilationDisabled, location));
                    }
                });
            });
        }
    }
}
