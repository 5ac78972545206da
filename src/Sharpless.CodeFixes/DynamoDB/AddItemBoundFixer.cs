using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Sharpless.DynamoDB;

namespace Sharpless.CodeFixes.DynamoDB
{
    /// <summary>
    /// SLS3005 fix: give an unbounded member a bound — <c>[StringLength(256)]</c> for a string (it also validates input),
    /// <c>[ItemBounds(...)]</c> for binaries, collections and dictionaries. The numbers are starting points to edit;
    /// the diagnostic then moves to the next missing bound (elements, keys) if there is one.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddItemBoundFixer))]
    [Shared]
    public sealed class AddItemBoundFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "Sharpless.AddItemBound";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DynamoDBRules.UnboundedMemberId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(ItemModelAnalyzer.MissingBoundProperty, out var bound) || bound is null ||
                    root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } declaration ||
                    declaration is not (PropertyDeclarationSyntax or FieldDeclarationSyntax) ||
                    Attribute(bound) is not { } attribute)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add [{attribute.Title}]",
                        cancellationToken => AddAsync(context.Document, declaration, attribute.Syntax, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static (string Title, AttributeSyntax Syntax)? Attribute(string bound)
        {
            switch (bound)
            {
                case MissingBounds.StringLength:
                    return ("StringLength(256)", Create("global::System.ComponentModel.DataAnnotations.StringLength", "256"));
                case MissingBounds.BinaryLength:
                    return ("ItemBounds(MaxLength = 4096)", Create("global::Sharpless.DynamoDB.ItemBounds", "MaxLength = 4096"));
                case MissingBounds.Count:
                    return ("ItemBounds(MaxCount = 100)", Create("global::Sharpless.DynamoDB.ItemBounds", "MaxCount = 100"));
                case MissingBounds.DictionaryCount:
                    return ("ItemBounds(MaxCount = 100, KeyMaxLength = 64)", Create("global::Sharpless.DynamoDB.ItemBounds", "MaxCount = 100, KeyMaxLength = 64"));
                default:
                    return null;
            }
        }

        private static AttributeSyntax Create(string name, string arguments) =>
            SyntaxFactory.Attribute(
                    SyntaxFactory.ParseName(name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                    SyntaxFactory.ParseAttributeArgumentList("(" + arguments + ")"));

        private static async Task<Document> AddAsync(Document document, MemberDeclarationSyntax declaration, AttributeSyntax attribute, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.ReplaceNode(declaration, (current, _) =>
            {
                // The member's leading trivia (blank line, comments, indentation) stays in front of the whole member.
                var member = (MemberDeclarationSyntax)current;
                var leading = member.GetLeadingTrivia();
                return member.WithoutLeadingTrivia()
                    .AddAttributeLists(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)))
                    .WithLeadingTrivia(leading)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            });
            var changed = await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
