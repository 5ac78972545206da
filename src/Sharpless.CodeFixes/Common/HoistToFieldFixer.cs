using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sharpless.ColdStart;
using Sharpless.Common;
using Sharpless.Connections;

namespace Sharpless.CodeFixes.Common
{
    /// <summary>
    /// Fix for work created per invocation that can simply be shared (SLS5001 SDK clients, SLS5002 HttpClient, SLS5003
    /// connection pools, SLS5005 DynamoDBContext, SLS5006 other clients that own connections, SLS4004 JsonSerializerOptions, SLS4009 Regex): move the creation to a
    /// field, once per execution environment. Fix All works per document and per project; each creation is hoisted in turn.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HoistToFieldFixer))]
    [Shared]
    public sealed class HoistToFieldFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "Sharpless.HoistToField";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            ConnectionRules.AwsClientCreatedPerInvocationId,
            ConnectionRules.HttpClientCreatedPerInvocationId,
            ConnectionRules.ConnectionPoolCreatedPerInvocationId,
            ConnectionRules.DynamoDBContextCreatedPerInvocationId,
            ConnectionRules.ConnectionOwnerCreatedPerInvocationId,
            ColdStartRules.JsonOptionsPerInvocationId,
            ColdStartRules.RegexPerInvocationId);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (FieldHoister.FindCreation(root, diagnostic) is not { } creation ||
                    !FieldHoister.CanHoist(creation, semanticModel, AllowsInstanceField(diagnostic), context.CancellationToken, out var toInstanceField) ||
                    semanticModel.GetTypeInfo(creation, context.CancellationToken).Type is not { } type)
                {
                    continue;
                }

                var title = toInstanceField
                    ? $"Create '{type.Name}' once, in a readonly field set by the constructor"
                    : $"Create '{type.Name}' once, in a static readonly field";
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => FieldHoister.HoistAsync(context.Document, creation, AllowsInstanceField(diagnostic), cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }

        private static bool AllowsInstanceField(Diagnostic diagnostic) =>
            !diagnostic.Properties.ContainsKey(InvocationGraph.ReachedThroughCallsProperty);

        /// <summary>
        /// Hoists one creation at a time: each hoist can rename locals and add fields, so the remaining targets are
        /// marked first and found again by their annotation after every edit.
        /// </summary>
        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return null;
            }

            var targets = diagnostics
                .Select(d => (creation: FieldHoister.FindCreation(root, d), allowInstanceField: AllowsInstanceField(d)))
                .Where(t => t.creation is not null)
                .GroupBy(t => t.creation)
                .Select((group, i) => (
                    creation: group.Key!,
                    allowInstanceField: group.All(t => t.allowInstanceField),
                    annotation: new SyntaxAnnotation(HoistAnnotations.Kind, i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                .ToList();
            root = root.ReplaceNodes(
                targets.Select(t => t.creation),
                (original, current) => current.WithAdditionalAnnotations(targets.First(t => t.creation == original).annotation));
            document = document.WithSyntaxRoot(root);

            foreach (var (_, allowInstanceField, annotation) in targets)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var currentRoot = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                if (currentRoot?.GetAnnotatedNodes(annotation).FirstOrDefault() is ExpressionSyntax creation)
                {
                    document = await FieldHoister.HoistAsync(document, creation, allowInstanceField, context.CancellationToken).ConfigureAwait(false);
                }
            }

            return document;
        }
    }
}
