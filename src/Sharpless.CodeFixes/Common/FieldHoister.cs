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
    /// Moves a creation (<c>new X(…)</c>, or a factory call such as <c>NpgsqlDataSource.Create(…)</c>) out of
    /// per-invocation code into a field of the containing type, so it runs once per execution environment. Shared by
    /// the "created per invocation" fixes.
    /// <para>
    /// The field is <c>private static readonly</c> with the creation as initializer; when the creation reads instance
    /// state (<c>_options</c>, <c>this</c>) it is a <c>private readonly</c> instance field assigned at the end of every
    /// constructor (Lambda creates the handler object once per execution environment).
    /// </para>
    /// <para>
    /// Three shapes: a local initialised by the creation (<c>var c = new X();</c>, <c>using var c = new X();</c>) is
    /// removed, its uses renamed to the field and its <c>Dispose()</c> calls dropped; a <c>using (var c = new X()) { … }</c>
    /// statement is replaced by its body (a shared client must not be disposed); any other creation is replaced by the
    /// field. Nothing is offered when the creation reads locals or parameters, awaits, or produces a task: an
    /// initializer could not see them, and a cached task would cache a failure too.
    /// </para>
    /// </summary>
    internal static class FieldHoister
    {
        /// <summary>Whether the creation can move, and whether to an instance field (it reads instance state).</summary>
        /// <param name="allowInstanceField">False when the code holding the creation may itself run per invocation (it was
        /// reached through calls), so moving it into that type's constructor would change nothing.</param>
        public static bool CanHoist(ExpressionSyntax creation, SemanticModel semanticModel, bool allowInstanceField, CancellationToken cancellationToken, out bool toInstanceField)
        {
            var plan = TryCreatePlan(creation, semanticModel, allowInstanceField, cancellationToken);
            toInstanceField = plan?.IsInstance == true;
            return plan is not null;
        }

        /// <summary>The creation a diagnostic points at: an object creation, or an invocation (the outermost one at the span).</summary>
        public static ExpressionSyntax? FindCreation(SyntaxNode root, Diagnostic diagnostic)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            for (var current = node; current is not null; current = current.Parent)
            {
                if (current is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax && current.Span == diagnostic.Location.SourceSpan)
                {
                    return (ExpressionSyntax)current;
                }

                if (current.Span.Length > diagnostic.Location.SourceSpan.Length)
                {
                    break;
                }
            }

            return null;
        }

        public static async Task<Document> HoistAsync(Document document, ExpressionSyntax creation, bool allowInstanceField, CancellationToken cancellationToken)
        {
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (semanticModel is null || root is null || TryCreatePlan(creation, semanticModel, allowInstanceField, cancellationToken) is not { } plan)
            {
                return document;
            }

            // An identical shared field may exist already (an earlier fix in the same type): use it, don't add a twin.
            var existingField = FindEquivalentField(plan, semanticModel, cancellationToken);
            var fieldName = existingField ?? ChooseFieldName(plan, semanticModel);
            var references = plan.Local is not null && plan.Local.Name != fieldName
                ? FindReferences(plan.Local, (VariableDeclaratorSyntax)plan.Creation.Parent!.Parent!, semanticModel, cancellationToken).ToList()
                : new List<IdentifierNameSyntax>();
            var disposals = plan.Local is not null
                ? FindDisposals(plan.Local, (VariableDeclaratorSyntax)plan.Creation.Parent!.Parent!, semanticModel, cancellationToken).ToList()
                : new List<StatementSyntax>();
            references.RemoveAll(r => disposals.Any(d => d.Span.Contains(r.Span)));
            var lastField = plan.ContainingType.Members.OfType<FieldDeclarationSyntax>().LastOrDefault();
            var anchor = (MemberDeclarationSyntax?)lastField ?? plan.ContainingType.Members.First();
            var constructors = plan.IsInstance
                ? plan.ContainingType.Members.OfType<ConstructorDeclarationSyntax>()
                    .Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword) && c.Initializer is not { RawKind: (int)SyntaxKind.ThisConstructorInitializer })
                    .ToList()
                : new List<ConstructorDeclarationSyntax>();

            var tracked = new List<SyntaxNode>(references) { plan.Creation, anchor };
            tracked.AddRange(disposals);
            tracked.AddRange(constructors);
            if (plan.Statement is not null)
            {
                tracked.Add(plan.Statement);
            }

            root = root.TrackNodes(tracked);

            // 1. Uses of the local now name the field; disposing the shared instance would break the next invocation.
            root = root.ReplaceNodes(
                references.Select(r => root.GetCurrentNode(r)!),
                (_, current) => SyntaxFactory.IdentifierName(fieldName).WithTriviaFrom(current));
            foreach (var disposal in disposals)
            {
                root = root.RemoveNode(root.GetCurrentNode(disposal)!, SyntaxRemoveOptions.KeepNoTrivia)!;
            }

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

            // 3. The field joins the type: after its last field, or first. An instance field is assigned by every
            //    constructor that does not delegate to another; a type without one gets a parameterless constructor.
            if (existingField is null)
            {
                var newMembers = new List<MemberDeclarationSyntax> { CreateField(plan, fieldName, semanticModel) };
                if (plan.IsInstance)
                {
                    foreach (var constructor in constructors)
                    {
                        var current = root.GetCurrentNode(constructor)!;
                        root = root.ReplaceNode(current, AppendAssignment(current, fieldName, plan.Creation));
                    }

                    if (constructors.Count == 0)
                    {
                        newMembers.Add(CreateConstructor(plan, fieldName));
                    }
                }

                var currentAnchor = root.GetCurrentNode(anchor)!;
                root = lastField is not null
                    ? root.InsertNodesAfter(currentAnchor, newMembers)
                    : root.InsertNodesBefore(currentAnchor, newMembers);
            }

            var changed = document.WithSyntaxRoot(root);
            changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static HoistPlan? TryCreatePlan(ExpressionSyntax creation, SemanticModel semanticModel, bool allowInstanceField, CancellationToken cancellationToken)
        {
            var containingType = creation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (containingType is null || containingType.Members.Count == 0 || containingType is InterfaceDeclarationSyntax)
            {
                return null;
            }

            // Already in an initializer (a Fix All pass moved an enclosing creation there): nothing left to move.
            if (creation.FirstAncestorOrSelf<FieldDeclarationSyntax>() is not null || creation.FirstAncestorOrSelf<PropertyDeclarationSyntax>()?.Initializer is not null)
            {
                return null;
            }

            if (semanticModel.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol createdType || createdType.TypeKind == TypeKind.Error ||
                createdType.SpecialType == SpecialType.System_Void || IsTask(createdType) || creation.Parent is AwaitExpressionSyntax)
            {
                return null;
            }

            bool isInstance;
            switch (ReadState(creation, semanticModel, cancellationToken))
            {
                case StateRead.None:
                    isInstance = false;
                    break;
                case StateRead.Instance when allowInstanceField && CanHoldInstanceField(creation, containingType):
                    isInstance = true;
                    break;
                default:
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
                        return new HoistPlan(HoistShape.LocalDeclaration, creation, containingType, fieldType, statement, local, isInstance);
                    case UsingStatementSyntax usingStatement:
                        return new HoistPlan(HoistShape.UsingStatement, creation, containingType, fieldType, usingStatement, local, isInstance);
                    default:
                        // for-loop declarators and the like: too unusual to rewrite safely.
                        return null;
                }
            }

            return new HoistPlan(HoistShape.Expression, creation, containingType, createdType, null, null, isInstance);
        }

        private static bool IsTask(INamedTypeSymbol type) =>
            type.Name is "Task" or "ValueTask" && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

        /// <summary>
        /// An instance field needs constructors to assign it: not in a static member, and not in a type with a primary
        /// constructor (its other constructors must delegate to it, and it has no body to add to).
        /// </summary>
        private static bool CanHoldInstanceField(ExpressionSyntax creation, TypeDeclarationSyntax containingType)
        {
            var member = creation.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            return member is not null &&
                   !member.Modifiers.Any(SyntaxKind.StaticKeyword) &&
                   containingType is ClassDeclarationSyntax &&
                   !containingType.ChildNodes().OfType<ParameterListSyntax>().Any() &&
                   !containingType.Modifiers.Any(SyntaxKind.StaticKeyword);
        }

        /// <summary>
        /// What state the creation reads. A static initializer sees no locals, parameters, <c>this</c>, method type
        /// parameters or awaits; a constructor sees instance state but still no locals or parameters of the handler.
        /// </summary>
        private static StateRead ReadState(ExpressionSyntax creation, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var result = StateRead.None;
            foreach (var node in creation.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case AwaitExpressionSyntax:
                    case DeclarationExpressionSyntax:
                    case AnonymousFunctionExpressionSyntax:
                        return StateRead.Invocation;
                    case ThisExpressionSyntax:
                    case BaseExpressionSyntax:
                        result = StateRead.Instance;
                        break;
                    case IdentifierNameSyntax identifier when !IsMemberNameInInitializerOrAccess(identifier):
                        var symbol = semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol;
                        switch (symbol)
                        {
                            case null when semanticModel.GetSymbolInfo(identifier, cancellationToken).CandidateSymbols.Length > 0:
                                return StateRead.Invocation;
                            case ILocalSymbol:
                            case IParameterSymbol:
                            case IRangeVariableSymbol:
                            case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method }:
                                return StateRead.Invocation;
                            case IFieldSymbol { IsStatic: false }:
                            case IPropertySymbol { IsStatic: false }:
                            case IMethodSymbol { IsStatic: false, MethodKind: not MethodKind.Constructor }:
                            case IEventSymbol { IsStatic: false }:
                                result = StateRead.Instance;
                                break;
                        }

                        break;
                }
            }

            return result;
        }

        private enum StateRead
        {
            None,
            Instance,
            Invocation,
        }

        /// <summary><c>local.Dispose();</c>, <c>local?.Dispose();</c>, <c>await local.DisposeAsync();</c> statements.</summary>
        private static IEnumerable<StatementSyntax> FindDisposals(ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            foreach (var reference in FindReferences(local, declarator, semanticModel, cancellationToken))
            {
                ExpressionSyntax? call = reference.Parent switch
                {
                    MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Dispose" or "DisposeAsync" } access when access.Expression == reference => access.Parent as InvocationExpressionSyntax,
                    ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Dispose" or "DisposeAsync" } } } conditional
                        when conditional.Expression == reference => conditional,
                    _ => null,
                };

                var statement = call?.Parent is AwaitExpressionSyntax awaited ? awaited.Parent : call?.Parent;
                if (statement is ExpressionStatementSyntax expressionStatement)
                {
                    yield return expressionStatement;
                }
            }
        }

        private static ConstructorDeclarationSyntax AppendAssignment(ConstructorDeclarationSyntax constructor, string fieldName, ExpressionSyntax creation)
        {
            var assignment = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(fieldName), CleanCopy(creation)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            if (constructor.Body is { } body)
            {
                return constructor.WithBody(body.AddStatements(assignment));
            }

            var statements = new List<StatementSyntax>();
            if (constructor.ExpressionBody is { } expressionBody)
            {
                statements.Add(SyntaxFactory.ExpressionStatement(expressionBody.Expression));
            }

            statements.Add(assignment);
            return constructor
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithBody(SyntaxFactory.Block(statements))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        // Lambda needs a public parameterless constructor on a class-library handler; the implicit one was public too
        // (protected for an abstract class).
        private static ConstructorDeclarationSyntax CreateConstructor(HoistPlan plan, string fieldName)
        {
            var accessibility = plan.ContainingType.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword;
            return SyntaxFactory.ConstructorDeclaration(plan.ContainingType.Identifier.WithoutTrivia())
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(accessibility)))
                .WithBody(SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(fieldName), CleanCopy(plan.Creation)))))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static ExpressionSyntax CleanCopy(ExpressionSyntax creation) =>
            creation.WithoutTrivia().WithoutAnnotations(HoistAnnotations.Kind);

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
                    case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
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
                if (!plan.IsInstance && variable.Initializer?.Value is { } existing &&
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
            var declarator = SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(fieldName));
            if (!plan.IsInstance)
            {
                declarator = declarator.WithInitializer(SyntaxFactory.EqualsValueClause(CleanCopy(plan.Creation)));
            }

            var modifiers = plan.IsInstance
                ? SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword))
                : SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.StaticKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword));
            return SyntaxFactory.FieldDeclaration(
                    SyntaxFactory.VariableDeclaration(
                        SyntaxFactory.ParseTypeName(typeName).WithAdditionalAnnotations(Simplifier.Annotation),
                        SyntaxFactory.SingletonSeparatedList(declarator)))
                .WithModifiers(modifiers)
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
            public HoistPlan(HoistShape shape, ExpressionSyntax creation, TypeDeclarationSyntax containingType, INamedTypeSymbol fieldType, StatementSyntax? statement, ILocalSymbol? local, bool isInstance)
            {
                IsInstance = isInstance;
                Shape = shape;
                Creation = creation;
                ContainingType = containingType;
                FieldType = fieldType;
                Statement = statement;
                Local = local;
            }

            public HoistShape Shape { get; }

            public ExpressionSyntax Creation { get; }

            /// <summary>The creation reads instance state: an instance field assigned in the constructors.</summary>
            public bool IsInstance { get; }

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
