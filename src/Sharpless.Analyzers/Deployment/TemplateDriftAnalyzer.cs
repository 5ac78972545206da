using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Functions;
using Sharpless.Common;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment
{
    /// <summary>
    /// SLS1016–SLS1020 and SLS7010: in a build that does not write the SAM template (<c>SharplessWriteTemplate</c> is not true —
    /// CI, or a project that opted out), the checked-in managed template must agree with the code's functions, routes,
    /// memory and timeouts, or the deployment is not what the code says. The comparison (<see cref="TemplateDrift"/>)
    /// runs once per compilation, when it starts; each diagnostic is then reported from the file it is in, so
    /// <c>#pragma</c> and editorconfig severities apply to it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TemplateDriftAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            FunctionRules.MissingFromTemplate,
            FunctionRules.StaleHandler,
            FunctionRules.RouteMissingFromTemplate,
            FunctionRules.EventWithoutRoute,
            FunctionRules.SettingDiffers,
            Events.EventRules.TriggerDrift);

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

                // Compared once, here: every later callback only looks its file up. Computing it lazily from the first
                // document under a lock made every other analysis thread wait (telemetry: 1.1 s on the 1,000-file
                // benchmark project, most of it waiting).
                var functions = GeneratedFunctions.Read(compilation, start.CancellationToken).Filter(CodeFunctions.Read(compilation, start.CancellationToken));
                var diagnostics = TemplateDrift.Compare(compilation, template, functions);
                if (diagnostics.IsEmpty)
                {
                    return;
                }

                var session = new Session(template.Path, diagnostics);
                start.RegisterSyntaxTreeAction(session.AnalyzeTree);
                start.RegisterAdditionalFileAction(session.AnalyzeTemplate);
            });
        }

        /// <summary>The comparison's diagnostics, by the file each is reported from.</summary>
        private sealed class Session
        {
            private readonly string _templatePath;
            private readonly Dictionary<SyntaxTree, List<Diagnostic>> _bySourceTree = new Dictionary<SyntaxTree, List<Diagnostic>>();
            private readonly List<Diagnostic> _inTemplate = new List<Diagnostic>();

            public Session(string templatePath, ImmutableArray<Diagnostic> diagnostics)
            {
                _templatePath = templatePath;
                foreach (var diagnostic in diagnostics)
                {
                    if (diagnostic.Location.SourceTree is { } tree)
                    {
                        if (!_bySourceTree.TryGetValue(tree, out var list))
                        {
                            _bySourceTree[tree] = list = new List<Diagnostic>();
                        }

                        list.Add(diagnostic);
                    }
                    else if (diagnostic.Location.Kind == LocationKind.ExternalFile)
                    {
                        _inTemplate.Add(diagnostic);
                    }
                }
            }

            public void AnalyzeTree(SyntaxTreeAnalysisContext context)
            {
                if (_bySourceTree.TryGetValue(context.Tree, out var diagnostics))
                {
                    foreach (var diagnostic in diagnostics)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }

            public void AnalyzeTemplate(AdditionalFileAnalysisContext context)
            {
                if (!string.Equals(context.AdditionalFile.Path, _templatePath, StringComparison.Ordinal))
                {
                    return;
                }

                foreach (var diagnostic in _inTemplate)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }
}
