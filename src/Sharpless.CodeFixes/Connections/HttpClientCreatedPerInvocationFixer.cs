using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sharpless.CodeFixes.Common;
using Sharpless.Connections;

namespace Sharpless.CodeFixes.Connections
{
    /// <summary>SLS5002 fix: hoist the <c>HttpClient</c> into a <c>private static readonly</c> field.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HttpClientCreatedPerInvocationFixer))]
    [Shared]
    public sealed class HttpClientCreatedPerInvocationFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "Sharpless.HoistHttpClientToStaticField";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(ConnectionRules.HttpClientCreatedPerInvocationId);

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
                if (FindCreation(root, diagnostic) is not { } creation ||
                    !StaticFieldHoister.CanHoist(creation, semanticModel, context.CancellationToken))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Create the HttpClient once in a static readonly field",
                        cancellationToken => StaticFieldHoister.HoistAsync(context.Document, creation, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static BaseObjectCreationExpressionSyntax? FindCreation(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();

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
                .Select(d => FindCreation(root, d))
                .Where(c => c is not null)
                .Distinct()
                .Select((creation, i) => (creation: creation!, annotation: new SyntaxAnnotation(HoistAnnotations.Kind, i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                .ToList();
            root = root.ReplaceNodes(
                targets.Select(t => t.creation),
                (original, current) => current.WithAdditionalAnnotations(targets.First(t => t.creation == original).annotation));
            document = document.WithSyntaxRoot(root);

            foreach (var (_, annotation) in targets)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var currentRoot = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                if (currentRoot?.GetAnnotatedNodes(annotation).FirstOrDefault() is BaseObjectCreationExpressionSyntax creation)
                {
                    document = await StaticFieldHoister.HoistAsync(document, creation, context.CancellationToken).ConfigureAwait(false);
                }
            }

            return document;
        }
    }
}
