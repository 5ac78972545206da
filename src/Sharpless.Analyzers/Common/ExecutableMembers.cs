using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sharpless.Common
{
    /// <summary>
    /// A piece of code the analyzer driver would hand to an operation-block action: a member's body or initializer,
    /// with the symbol that owns it (<c>OperationBlockStartAnalysisContext.OwningSymbol</c>).
    /// </summary>
    internal readonly struct ExecutableMember
    {
        public ExecutableMember(SyntaxNode block, ISymbol owner)
        {
            Block = block;
            Owner = owner;
        }

        /// <summary>The syntax whose operation tree holds the code: a method, constructor or accessor declaration, an
        /// expression-bodied property's arrow clause, a field or property initializer, or a compilation unit's top-level statements.</summary>
        public SyntaxNode Block { get; }

        public ISymbol Owner { get; }
    }

    /// <summary>
    /// Finds the executable members of a syntax tree, or the member that holds a given declaration, so that the
    /// per-invocation analysis can ask for operation trees of the few members that matter instead of registering an
    /// operation action, which makes the driver build an operation tree for every method body of the project.
    /// </summary>
    internal static class ExecutableMembers
    {
        /// <summary>Every executable member declared in <paramref name="root"/>, outermost first; local functions
        /// and lambdas are part of the member that holds them.</summary>
        public static IEnumerable<(SyntaxNode Declaration, SyntaxNode Block)> InTree(SyntaxNode root)
        {
            if (root is CompilationUnitSyntax unit && HasTopLevelStatements(unit))
            {
                yield return (unit, unit);
            }

            foreach (var node in root.DescendantNodes(DescendIntoDeclarations))
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                        yield return (method, method);
                        break;
                    case AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null:
                        yield return (accessor, accessor);
                        break;
                    case ArrowExpressionClauseSyntax arrow when arrow.Parent is BasePropertyDeclarationSyntax:
                        yield return (arrow, arrow);
                        break;
                    case EqualsValueClauseSyntax initializer when initializer.Parent is PropertyDeclarationSyntax or VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax }:
                        yield return (initializer.Parent!, initializer);
                        break;
                }
            }
        }

        /// <summary>The member whose body or initializer holds <paramref name="declaration"/> (a method, accessor,
        /// local function or variable declarator), with its owner; null when it holds no code this analysis reads.</summary>
        public static ExecutableMember? Holding(SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken)
        {
            // Members do not nest (local functions and lambdas are not members), so the first one up is the one.
            for (var current = declaration; current is not null and not BaseTypeDeclarationSyntax; current = current.Parent)
            {
                var block = current switch
                {
                    BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => current,
                    ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax } => current,
                    EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax or VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } } => current,
                    VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: BaseFieldDeclarationSyntax } => initializer,
                    GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit,
                    _ => null,
                };

                if (block is not null)
                {
                    return Create(block, model, cancellationToken);
                }
            }

            return null;
        }

        /// <summary>The owner of a block <see cref="InTree"/> or <see cref="Holding"/> found.</summary>
        public static ExecutableMember? Create(SyntaxNode block, SemanticModel model, CancellationToken cancellationToken)
        {
            ISymbol? owner = block switch
            {
                CompilationUnitSyntax unit => model.GetDeclaredSymbol(unit, cancellationToken),
                ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } =>
                    (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod,
                EqualsValueClauseSyntax { Parent: { } declarator } => model.GetDeclaredSymbol(declarator, cancellationToken),
                _ => model.GetDeclaredSymbol(block, cancellationToken),
            };

            return owner is null ? (ExecutableMember?)null : new ExecutableMember(block, owner);
        }

        /// <summary>True when the block declares a lambda or local function (the only places a handler delegate can be).</summary>
        public static bool DeclaresFunctions(SyntaxNode block)
        {
            foreach (var node in block.DescendantNodes(n => n is not BaseTypeDeclarationSyntax))
            {
                if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasTopLevelStatements(CompilationUnitSyntax unit)
        {
            foreach (var member in unit.Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        // Into namespaces, types and the member lists that hold bodies and initializers; never into a body itself.
        private static bool DescendIntoDeclarations(SyntaxNode node) => node switch
        {
            CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax => true,
            BasePropertyDeclarationSyntax or AccessorListSyntax => true,
            BaseFieldDeclarationSyntax or VariableDeclarationSyntax or VariableDeclaratorSyntax => true,
            _ => false,
        };
    }
}
