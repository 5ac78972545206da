using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>SLS5002: <c>new HttpClient(...)</c> executed in per-invocation code.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HttpClientCreatedPerInvocationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(ConnectionRules.HttpClientCreatedPerInvocation);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var httpClient = start.Compilation.GetTypeByMetadataName(KnownTypeNames.HttpClient);
                if (httpClient is null)
                {
                    return;
                }

                var handlers = HandlerIndex.Create(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(
                    context => AnalyzeObjectCreation(context, httpClient, handlers),
                    OperationKind.ObjectCreation);
            });
        }

        private static void AnalyzeObjectCreation(OperationAnalysisContext context, INamedTypeSymbol httpClient, HandlerIndex handlers)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol created || !IsHttpClient(created, httpClient))
            {
                return;
            }

            if (ExecutionPhaseResolver.GetPhase(handlers, creation, context.ContainingSymbol, out var handler) != ExecutionPhase.Invocation)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                ConnectionRules.HttpClientCreatedPerInvocation,
                creation.Syntax.GetLocation(),
                created.Name,
                DescribeHandler(handler!)));
        }

        // Subclasses (typed clients) own a handler and its connection pool just the same.
        private static bool IsHttpClient(INamedTypeSymbol type, INamedTypeSymbol httpClient)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, httpClient))
                {
                    return true;
                }
            }

            return false;
        }

        private static string DescribeHandler(IMethodSymbol handler)
        {
            if (handler.MethodKind == MethodKind.AnonymousFunction)
            {
                return "the Lambda handler delegate";
            }

            return handler.MethodKind == MethodKind.LocalFunction || handler.ContainingType is null
                ? handler.Name
                : handler.ContainingType.Name + "." + handler.Name;
        }
    }
}
