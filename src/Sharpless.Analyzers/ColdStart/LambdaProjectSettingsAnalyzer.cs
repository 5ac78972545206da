using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// SLS4002 (no ReadyToRun or Native AOT) and SLS4003 (tiered compilation off) for a Lambda project: one with
    /// <c>AWSProjectType=Lambda</c> or with handlers. The settings arrive as <c>build_property.*</c> through
    /// buildTransitive/Sharpless.props; without them (the package's props not imported) nothing is known and nothing is
    /// reported. Test projects are skipped. <c>msbuild-parameters</c> in aws-lambda-tools-defaults.json count too, since
    /// <c>dotnet lambda deploy-function</c> passes them to the publish.
    /// Reported once per project without a source location, at compilation end (handlers are known only then).
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

                var isLambda = settings.IsLambdaProjectType;
                var detector = new LambdaDetector(isLambda, HandlerIndex.Create(start.Compilation, start.Options, start.CancellationToken));
                if (!isLambda)
                {
                    start.RegisterSymbolAction(detector.OnMethod, SymbolKind.Method);
                    if (detector.Handlers.LambdaBootstrapBuilder is not null)
                    {
                        start.RegisterOperationAction(detector.OnInvocation, OperationKind.Invocation);
                    }
                }

                start.RegisterCompilationEndAction(end =>
                {
                    if (!detector.IsLambda)
                    {
                        return;
                    }

                    if (reportPrecompilation)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(NoPrecompilation, Location.None));
                    }

                    if (reportTiered)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(TieredCompilationDisabled, Location.None));
                    }
                });
            });
        }

        /// <summary>Becomes true the first time a handler is seen (symbol and operation actions run concurrently).</summary>
        private sealed class LambdaDetector
        {
            private int _isLambda;

            public LambdaDetector(bool isLambda, HandlerIndex handlers)
            {
                _isLambda = isLambda ? 1 : 0;
                Handlers = handlers;
            }

            public HandlerIndex Handlers { get; }

            public bool IsLambda => Volatile.Read(ref _isLambda) == 1;

            public void OnMethod(SymbolAnalysisContext context)
            {
                if (!IsLambda && Handlers.IsHandler((IMethodSymbol)context.Symbol))
                {
                    Volatile.Write(ref _isLambda, 1);
                }
            }

            public void OnInvocation(OperationAnalysisContext context)
            {
                if (!IsLambda && TypeChecks.IsCallTo(context.Operation, Handlers.LambdaBootstrapBuilder, "Create"))
                {
                    Volatile.Write(ref _isLambda, 1);
                }
            }
        }
    }
}
