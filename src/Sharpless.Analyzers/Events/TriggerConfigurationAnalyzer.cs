using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Deployment.Templates;

namespace Sharpless.Events
{
    /// <summary>
    /// SLS7003–SLS7007: the SQS, DynamoDB Streams and Kinesis triggers an existing project deploys with a SAM or
    /// CloudFormation template, checked against each other and against the handler they call. Everything is decided
    /// once, when the compilation starts (a template is small and parsed once per text); each diagnostic is then
    /// reported from the file it is in — the handler's source file or the template — so <c>#pragma</c>, editorconfig and
    /// global config severities apply. A project without a template, or whose templates have none of these triggers,
    /// registers nothing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TriggerConfigurationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            EventRules.FailuresIgnored,
            EventRules.FailuresNeverReported,
            EventRules.VisibilityTimeoutTooShort,
            EventRules.QueueWithoutDeadLetter,
            EventRules.StreamWithoutOnFailure,
            EventRules.StreamWithoutStartingPosition);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var documents = DeploymentDocuments.Read(start.Options, start.CancellationToken);
                if (documents.Templates.IsEmpty)
                {
                    return;
                }

                var triggers = TemplateTriggerReader.Read(start.Compilation, documents, start.CancellationToken);
                if (triggers.IsEmpty)
                {
                    return;
                }

                var diagnostics = new List<Diagnostic>();
                var templateRules = new TriggerTemplateRules();
                foreach (var trigger in triggers)
                {
                    HandlerResponseRules.Check(start.Compilation, trigger, diagnostics);
                    templateRules.Check(trigger, diagnostics);
                }

                if (diagnostics.Count == 0)
                {
                    return;
                }

                var session = new Session(diagnostics);
                start.RegisterSyntaxTreeAction(session.AnalyzeTree);
                start.RegisterAdditionalFileAction(session.AnalyzeTemplate);
            });
        }

        /// <summary>The findings, by the file each is reported from.</summary>
        private sealed class Session
        {
            private readonly Dictionary<SyntaxTree, List<Diagnostic>> _bySourceTree = new Dictionary<SyntaxTree, List<Diagnostic>>();
            private readonly Dictionary<string, List<Diagnostic>> _byTemplatePath = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);

            public Session(List<Diagnostic> diagnostics)
            {
                // A project may carry the same function in two templates (template.yaml beside a legacy
                // serverless.template): the handler's finding is then the same diagnostic twice; report it once.
                // (Diagnostic.Equals compares message arguments and locations by reference, so the key is the text.)
                var distinct = new HashSet<string>(StringComparer.Ordinal);
                foreach (var diagnostic in diagnostics)
                {
                    if (!distinct.Add(diagnostic.Location + "|" + diagnostic.GetMessage(CultureInfo.InvariantCulture)))
                    {
                        continue;
                    }

                    var location = diagnostic.Location;
                    if (location.SourceTree is { } tree)
                    {
                        Add(_bySourceTree, tree, diagnostic);
                    }
                    else if (location.Kind == LocationKind.ExternalFile && location.GetLineSpan().Path is { } path)
                    {
                        Add(_byTemplatePath, path, diagnostic);
                    }
                }
            }

            public void AnalyzeTree(SyntaxTreeAnalysisContext context) => Report(_bySourceTree, context.Tree, context.ReportDiagnostic);

            public void AnalyzeTemplate(AdditionalFileAnalysisContext context)
            {
                if (context.AdditionalFile.Path is { } path)
                {
                    Report(_byTemplatePath, path, context.ReportDiagnostic);
                }
            }

            private static void Add<TKey>(Dictionary<TKey, List<Diagnostic>> index, TKey key, Diagnostic diagnostic)
                where TKey : notnull
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = new List<Diagnostic>();
                }

                list.Add(diagnostic);
            }

            private static void Report<TKey>(Dictionary<TKey, List<Diagnostic>> index, TKey key, Action<Diagnostic> report)
                where TKey : notnull
            {
                if (index.TryGetValue(key, out var diagnostics))
                {
                    foreach (var diagnostic in diagnostics)
                    {
                        report(diagnostic);
                    }
                }
            }
        }
    }
}
