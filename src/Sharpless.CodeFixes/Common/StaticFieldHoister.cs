using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Sharpless.CodeFixes.Common
{
    /// <summary>
    /// Moves an object creation out of per-invocation code into a <c>private static readonly</c> field of the
    /// containing type, so it runs once per execution environment. Shared by the "created per invocation" fixes.
    /// <para>
    /// Three shapes: a local initialised by the creation (<c>var c = new X();</c>, <c>using var c = new X();</c>) is
    /// removed and its uses renamed to the field; a <c>using (var c = new X()) { … }</c> statement is replaced by its
    /// body (a shared client must not be disposed); any other creation is replaced by the field. Nothing is offered when
    /// the creation reads locals, parameters or instance state, or awaits: a static initializer could not see them.
    /// </para>
    /// </summary>
    internal static class StaticFieldHoister
    {
        public static bool CanHoist(BaseObjectCreationExpressionSyntax creation, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            return TryCreatePlan(creation, semanticModel, cancellationToken) is not null;
        }

        public static async Task<Document> HoistAsync(Document document, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (semanticModel is null || root is null || TryCreatePlan(creation, semanticModel, cancellationToken) is not { } plan)
            {
                return document;
            }

            // An identical shared field may exist already (an earlier fix in the same type): use it, don't add a twin.
            var existingField = FindEquivalentField(plan, semanticModel, cancellationToken);
            var fieldName = existingField ?? ChooseFieldName(plan, semanticModel);
            var references = plan.Local is not null && plan.Local.Name != fieldName
                ? FindReferences(plan.Local, (VariableDeclaratorSyntax)plan.Creation.Parent!.Parent!, semanticModel, cancellationToken).ToList()
                : new List<IdentifierNameSyntax>();
            var lastField = plan.ContainingType.Members.OfType<FieldDeclarationSyntax>().LastOrDefault();
            var anchor = (MemberDeclarationSyntax?)lastField ?? plan.ContainingType.Members.First();

            var tracked = new List<SyntaxNode>(references) { plan.Creation, anchor };
            if (plan.Statement is not null)
            {
                tracked.Add(plan.Statement);
            }

            root = root.TrackNodes(tracked);

            // 1. Uses of the local now name the field.
            root = root.ReplaceNodes(
                references.Select(r => root.GetCurrentNode(r)!),
                (_, current) => SyntaxFactory.IdentifierName(fieldName).WithTriviaFrom(current));

            // 2. The creation leaves the per-invocation code.
            switch (plan.Shape)
            {
                case HoistShape.LocalDeclaration:
                    var statement = root.GetCurrentNode(plan.Statement!)!;
                    var keepComments = statement.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));
                    root = root.RemoveNode(statement, keepComments ? SyntaxRemoveOptions.KeepLeadingTrivia : SyntaxRemoveOptions.KeepNoTrivia)!;
                    break;

                case HoistShape.UsingStatement:
                    root = ReplaceUsingWithBody(root, (UsingStatementSyntax)root.GetCurrentNode(plan.Statement!)!);
                    break;

                default:
                    var currentCreation = root.GetCurrentNode(plan.Creation)!;
                    root = root.ReplaceNode(currentCreation, SyntaxFactory.IdentifierName(fieldName).WithTriviaFrom(currentCreation));
                    break;
            }

            // 3. The field joins the type: after its last field, or first.
            if (existingField is null)
            {
                var field = CreateField(plan, fieldName, semanticModel);
                var currentAnchor = root.GetCurrentNode(anchor)!;
                root = lastField is not null
                    ? root.InsertNodesAfter(currentAnchor, new[] { field })
                    : root.InsertNodesBefore(currentAnchor, new[] { field });
            }

            var changed = document.WithSyntaxRoot(root);
            changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static HoistPlan? TryCreatePlan(BaseObjectCreationExpressionSyntax creation, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var containingType = creation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (containingType is null || containingType.Members.Count == 0 || containingType is InterfaceDeclarationSyntax)
            {
                return null;
            }

            if (semanticModel.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol createdType || createdType.TypeKind == TypeKind.Error)
            {
                return null;
            }

            if (!IsIndependentOfInvocationState(creation, semanticModel, cancellationToken))
            {
                return null;
            }

            // `using (new HttpClient())`: the statement exists to dispose the object; hoisting would dispose a shared one.
            if (creation.Parent is UsingStatementSyntax)
            {
                return null;
            }

            if (creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } &&
                declarator.Parent is VariableDeclarationSyntax declaration)
            {
                if (declaration.Variables.Count != 1 ||
                    semanticModel.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local ||
                    IsWrittenAfterDeclaration(local, declarator, semanticModel, cancellationToken))
                {
                    return null;
                }

                // `var` locals are nullable-annotated by inference; the field always holds a value.
                var fieldType = local.Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } declared
                    ? (INamedTypeSymbol)declared.WithNullableAnnotation(NullableAnnotation.NotAnnotated)
                    : createdType;
                switch (declaration.Parent)
                {
                    case LocalDeclarationStatementSyntax statement:
                        return new HoistPlan(HoistShape.LocalDeclaration, creation, containingType, fieldType, statement, local);
                    case UsingStatementSyntax usingStatement:
                        return new HoistPlan(HoistShape.UsingStatement, creation, containingType, fieldType, usingStatement, local);
                    default:
                        // for-loop declarators and the like: too unusual to rewrite safely.
                        return null;
                }
            }

            return new HoistPlan(HoistShape.Expression, creation, containingType, createdType, null, null);
        }

        /// <summary>A static initializer sees no locals, parameters, <c>this</c>, method type parameters or awaits.</summary>
        private static bool IsIndependentOfInvocationState(BaseObjectCreationExpressionSyntax creation, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            foreach (var node in creation.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case AwaitExpressionSyntax:
                    case ThisExpressionSyntax:
                    case BaseExpressionSyntax:
                    case DeclarationExpressionSyntax:
                    case AnonymousFunctionExpressionSyntax:
                        return false;
                    case IdentifierNameSyntax identifier when !IsMemberNameInInitializerOrAccess(identifier):
                        var symbol = semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol;
                        switch (symbol)
                        {
                            case null when semanticModel.GetSymbolInfo(identifier, cancellationToken).CandidateSymbols.Length > 0:
                                return false;
                            case ILocalSymbol:
                            case IParameterSymbol:
                            case IRangeVariableSymbol:
                            case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method }:
                                return false;
                            case IFieldSymbol { IsStatic: false }:
                            case IPropertySymbol { IsStatic: false }:
                            case IMethodSymbol { IsStatic: false, MethodKind: not MethodKind.Constructor }:
                            case IEventSymbol { IsStatic: false }:
                                return false;
                        }

                        break;
                }
            }

            return true;
        }

        // `Timeout = …` in an object initializer and `.Name` after a dot are members of another object, not of `this`.
        private static bool IsMemberNameInInitializerOrAccess(IdentifierNameSyntax identifier)
        {
            return identifier.Parent switch
            {
                MemberAccessExpressionSyntax access => access.Name == identifier,
                MemberBindingExpressionSyntax => true,
                AssignmentExpressionSyntax assignment => assignment.Left == identifier && assignment.Parent is InitializerExpressionSyntax,
                NameColonSyntax => true,
                _ => false,
            };
        }

        private static bool IsWrittenAfterDeclaration(ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            foreach (var identifier in FindReferences(local, declarator, semanticModel, cancellationToken))
            {
                switch (identifier.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                    case PrefixUnaryExpressionSyntax:
                    case PostfixUnaryExpressionSyntax:
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                    case RefExpressionSyntax:
                        return true;
                }
            }

            return false;
        }

        private static IEnumerable<IdentifierNameSyntax> FindReferences(ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var scope = declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<GlobalStatementSyntax>();
            if (scope is null)
            {
                yield break;
            }

            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == local.Name &&
                    SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    yield return identifier;
                }
            }
        }

        private static SyntaxNode ReplaceUsingWithBody(SyntaxNode root, UsingStatementSyntax usingStatement)
        {
            var body = usingStatement.Statement;
            var declaresLocals = body is BlockSyntax block && block.Statements.Any(s => s is LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax);
            if (body is BlockSyntax inlined && usingStatement.Parent is BlockSyntax parent && !declaresLocals)
            {
                // The body's statements take the using statement's place; its braces go.
                var statements = inlined.Statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
                if (statements.Count > 0)
                {
                    statements[0] = statements[0].WithLeadingTrivia(usingStatement.GetLeadingTrivia());
                }

                var index = parent.Statements.IndexOf(usingStatement);
                var newStatements = parent.Statements.RemoveAt(index).InsertRange(index, statements);
                return root.ReplaceNode(parent, parent.WithStatements(newStatements));
            }

            // Keep a block around the body when its locals could collide with the enclosing scope's.
            return root.ReplaceNode(usingStatement, body.WithTriviaFrom(usingStatement).WithAdditionalAnnotations(Formatter.Annotation));
        }

        private static string? FindEquivalentField(HoistPlan plan, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            foreach (var field in plan.ContainingType.Members.OfType<FieldDeclarationSyntax>())
            {
                if (!field.Modifiers.Any(SyntaxKind.StaticKeyword) || !field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) ||
                    field.Declaration.Variables.Count != 1)
                {
                    continue;
                }

                var variable = field.Declaration.Variables[0];
                if (variable.Initializer?.Value is BaseObjectCreationExpressionSyntax existing &&
                    existing.WithoutTrivia().IsEquivalentTo(plan.Creation.WithoutTrivia(), topLevel: false) &&
                    semanticModel.GetDeclaredSymbol(variable, cancellationToken) is IFieldSymbol symbol &&
                    SymbolEqualityComparer.Default.Equals(symbol.Type, plan.FieldType))
                {
                    return symbol.Name;
                }
            }

            return null;
        }

        private static string ChooseFieldName(HoistPlan plan, SemanticModel semanticModel)
        {
            var baseName = plan.Local is { } local ? local.Name : plan.FieldType.Name;
            baseName = baseName.TrimStart('_', '@');
            if (baseName.Length == 0)
            {
                baseName = "shared";
            }

            baseName = "_" + char.ToLowerInvariant(baseName[0]) + baseName.Substring(1);

            var position = plan.Creation.SpanStart;
            var typeSymbol = semanticModel.GetDeclaredSymbol(plan.ContainingType);
            for (var suffix = 1; ; suffix++)
            {
                var candidate = suffix == 1 ? baseName : baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var takenByMember = typeSymbol is not null && typeSymbol.MemberNames.Contains(candidate);
                var takenInScope = semanticModel.LookupSymbols(position, name: candidate).Any(s => plan.Local is null || !SymbolEqualityComparer.Default.Equals(s, plan.Local));
                if (!takenByMember && !takenInScope)
                {
                    return candidate;
                }
            }
        }

        private static FieldDeclarationSyntax CreateField(HoistPlan plan, string fieldName, SemanticModel semanticModel)
        {
            var typeName = plan.FieldType.ToMinimalDisplayString(semanticModel, plan.ContainingType.SpanStart);
            ExpressionSyntax initializer = plan.Creation
                .WithoutTrivia()
                .WithoutAnnotations(HoistAnnotations.Kind);

            return SyntaxFactory.FieldDeclaration(
                    SyntaxFactory.VariableDeclaration(
                        SyntaxFactory.ParseTypeName(typeName).WithAdditionalAnnotations(Simplifier.Annotation),
                        SyntaxFactory.SingletonSeparatedList(
                            SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(fieldName))
                                .WithInitializer(SyntaxFactory.EqualsValueClause(initializer)))))
                .WithModifiers(SyntaxFactory.TokenList(
                    SyntaxFactory.Token(SyntaxKind.PrivateKeyword),
                    SyntaxFactory.Token(SyntaxKind.StaticKeyword),
                    SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword)))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private enum HoistShape
        {
            Expression,
            LocalDeclaration,
            UsingStatement,
        }

        private sealed class HoistPlan
        {
            public HoistPlan(HoistShape shape, BaseObjectCreationExpressionSyntax creation, TypeDeclarationSyntax containingType, INamedTypeSymbol fieldType, StatementSyntax? statement, ILocalSymbol? local)
            {
                Shape = shape;
                Creation = creation;
                ContainingType = containingType;
                FieldType = fieldType;
                Statement = statement;
                Local = local;
            }

            public HoistShape Shape { get; }

            public BaseObjectCreationExpressionSyntax Creation { get; }

            public TypeDeclarationSyntax ContainingType { get; }

            public INamedTypeSymbol FieldType { get; }

            public StatementSyntax? Statement { get; }

            public ILocalSymbol? Local { get; }
        }
    }

    /// <summary>Marks the creations a Fix All pass still has to hoist, so each can be found again after earlier edits.</summary>
    internal static class HoistAnnotations
    {
        public const string Kind = "Sharpless.HoistTarget";
    }
}
