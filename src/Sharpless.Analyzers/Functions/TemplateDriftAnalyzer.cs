using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Common;
using Sharpless.Common.Templates;

namespace Sharpless.Functions
{
    /// <summary>
    /// SLS1016–SLS1020: in a build that does not write the SAM template (<c>SharplessWriteTemplate</c> is not true —
    /// CI, or a project that opted out), the checked-in managed template must agree with the code's functions, routes,
    /// memory and timeouts, or the deployment is not what the code says. The comparison (<see cref="TemplateDrift"/>)
    /// runs once per compilation, on the first file that declares a function; each diagnostic is then reported from
    /// the file it is in, so <c>#pragma</c> and editorconfig severities apply to it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TemplateDriftAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            FunctionRules.MissingFromTemplate,
            FunctionRules.StaleHandler,
            FunctionRules.RouteMissingFromTemplate,
            FunctionRules.EventWithoutRoute,
            FunctionRules.SettingDiffers);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var compilation = start.Compilation;
                if (ManagedTemplate.IsWritten(start.Options) ||
                    (compilation.GetTypeByMetadataName(KnownTypeNames.SharplessLambdaFunctionAttribute) is null &&
                     compilation.GetTypeByMetadataName(KnownTypeNames.SharplessHttpApiAttribute) is null &&
                     compilation.GetTypeByMetadataName(KnownTypeNames.SharplessRestApiAttribute) is null))
                {
                    return;
                }

                // No template (a CDK project, say), or one that cannot be read (SLS6006): nothing to compare.
                if (ManagedTemplate.Find(start.Options, start.CancellationToken) is not { } template)
                {
                    return;
                }

                var session = new Session(compilation, template);
                start.RegisterSemanticModelAction(session.AnalyzeDocument);
                start.RegisterAdditionalFileAction(session.AnalyzeTemplate);
            });
        }

        private sealed class Session
        {
            private static readonly string[] AttributeNames = { "LambdaFunction", "HttpApi", "RestApi" };

            private readonly Compilation _compilation;
            private readonly DeploymentTemplate _template;
            private readonly object _lock = new object();
            private ImmutableArray<Diagnostic>? _diagnostics;

            public Session(Compilation compilation, DeploymentTemplate template)
            {
                _compilation = compilation;
                _template = template;
            }

            /// <summary>Only a file that names a function or route attribute can hold a diagnostic's location.</summary>
            public void AnalyzeDocument(SemanticModelAnalysisContext context)
            {
                var tree = context.SemanticModel.SyntaxTree;
                var text = tree.GetText(context.CancellationToken);
                if (Array.TrueForAll(AttributeNames, name => !TextSearch.Contains(text, name, StringComparison.Ordinal)))
                {
                    return;
                }

                foreach (var diagnostic in Diagnostics(context.CancellationToken))
                {
                    if (diagnostic.Location.SourceTree == tree)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }

            public void AnalyzeTemplate(AdditionalFileAnalysisContext context)
            {
                if (!string.Equals(context.AdditionalFile.Path, _template.Path, StringComparison.Ordinal))
                {
                    return;
                }

                foreach (var diagnostic in Diagnostics(context.CancellationToken))
                {
                    if (diagnostic.Location.Kind == LocationKind.ExternalFile)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }

            private ImmutableArray<Diagnostic> Diagnostics(CancellationToken cancellationToken)
            {
                // Computed once, by the first caller; a cancelled computation throws out of the lock and stores nothing.
                lock (_lock)
                {
                    if (_diagnostics is { } known)
                    {
                        return known;
                    }

                    var computed = TemplateDrift.Compare(_compilation, _template, CodeFunctions.Read(_compilation, cancellationToken));
                    _diagnostics = computed;
                    return computed;
                }
            }
        }
    }
}
