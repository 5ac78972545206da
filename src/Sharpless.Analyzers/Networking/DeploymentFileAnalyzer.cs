using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Deployment.Templates;

namespace Sharpless.Networking
{
    /// <summary>
    /// SLS6006: a deployment file (template.yaml, template.json, serverless.template, aws-lambda-tools-defaults.json)
    /// that the template reader cannot parse. One diagnostic on the file, where reading stopped; the analyzers that
    /// need deployment facts go on without it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeploymentFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(NetworkingRules.UnreadableDeploymentFile);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(static file =>
            {
                var documents = DeploymentDocuments.Read(ImmutableArray.Create(file.AdditionalFile), file.CancellationToken);
                foreach (var error in documents.Errors)
                {
                    file.ReportDiagnostic(Diagnostic.Create(NetworkingRules.UnreadableDeploymentFile, error.Location, error.Message.TrimEnd('.')));
                }
            });
        }
    }
}
