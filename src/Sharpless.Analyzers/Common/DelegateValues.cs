using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Common
{
    /// <summary>
    /// The function a delegate field, property or local holds, when the compilation gives it exactly one value:
    /// <c>static readonly Func&lt;string, IAmazonSQS&gt; Create = url =&gt; new AmazonSQSClient(…)</c> invoked in a handler
    /// runs the lambda's body per invocation. Followed: a field or auto-property of this compilation, or a local, whose
    /// only value is its initializer or a single assignment (<c>=</c> or <c>??=</c>), and that value is a lambda or a
    /// method group of this compilation. Not followed: several assignments, <c>+=</c> (multicast), <c>ref</c>/<c>out</c>
    /// arguments, parameters, properties with accessor bodies (their getter is followed as a call instead), and values
    /// from outside the compilation.
    /// <para>
    /// Cost: the assignments are searched only when a handler (or code it reaches) invokes the delegate; a private or
    /// read-only member is searched in its type's declarations, any other member in the files that mention its name.
    /// </para>
    /// </summary>
    internal static class DelegateValues
    {
        /// <summary>The field, property or local <paramref name="invocation"/> calls through, when its value may be known.</summary>
        public static ISymbol? InvokedMember(IInvocationOperation invocation, IAssemblySymbol assembly)
        {
            if (invocation.TargetMethod.MethodKind != MethodKind.DelegateInvoke || invocation.Instance is not { } instance)
            {
                return null;
            }

            if (instance is IConditionalAccessInstanceOperation)
            {
                // `Create?.Invoke(url)`: the delegate is the conditional access's receiver.
                IOperation? current = invocation.Parent;
                while (current is not null and not IConditionalAccessOperation)
                {
                    current = current.Parent;
                }

                if (current is not IConditionalAccessOperation access)
                {
                    return null;
                }

                instance = access.Operation;
            }

            ISymbol? member = TypeChecks.WithoutConversions(instance) switch
            {
                IFieldReferenceOperation field => field.Field.OriginalDefinition,
                IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property.OriginalDefinition,
                ILocalReferenceOperation local => local.Local,
                _ => null,
            };

            return member is IFieldSymbol or IPropertySymbol && !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, assembly) ? null : member;
        }

        /// <summary>The lambda or source method <paramref name="member"/> holds, with where the value is written.</summary>
        public static (IMethodSymbol Function, Location Location)? SingleValue(
            ISymbol member, Func<SyntaxTree, SemanticModel?> modelFor, IEnumerable<SyntaxTree> trees, IAssemblySymbol assembly, CancellationToken cancellationToken)
        {
            if (member.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var declaration = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            ExpressionSyntax? value;
            IEnumerable<SyntaxNode> scopes;
            switch (declaration)
            {
                case VariableDeclaratorSyntax local when member is ILocalSymbol:
                    value = local.Initializer?.Value;
                    scopes = new[] { LocalScope(local) };
                    break;
                case VariableDeclaratorSyntax field when member is IFieldSymbol fieldSymbol:
                    value = field.Initializer?.Value;
                    scopes = fieldSymbol.IsReadOnly || fieldSymbol.DeclaredAccessibility == Accessibility.Private
                        ? TypeScopes(member.ContainingType, cancellationToken)
                        : FilesMentioning(member.Name, trees, cancellationToken);
                    break;
                case PropertyDeclarationSyntax property when member is IPropertySymbol propertySymbol && IsAutoProperty(property):
                    value = property.Initializer?.Value;
                    scopes = propertySymbol.SetMethod is null || propertySymbol.SetMethod.DeclaredAccessibility == Accessibility.Private && !propertySymbol.SetMethod.IsInitOnly
                        ? TypeScopes(member.ContainingType, cancellationToken)
                        : FilesMentioning(member.Name, trees, cancellationToken);
                    break;
                default:
                    return null;
            }

            var count = value is null ? 0 : 1;
            foreach (var scope in scopes)
            {
                foreach (var node in scope.DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment when NameOf(assignment.Left) == member.Name:
                            if (!Binds(assignment.Left, member, modelFor, cancellationToken, out var unknown))
                            {
                                if (unknown)
                                {
                                    return null;
                                }

                                break;
                            }

                            if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && !assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression))
                            {
                                return null;
                            }

                            count++;
                            value = assignment.Right;
                            break;

                        case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument when NameOf(argument.Expression) == member.Name:
                            if (Binds(argument.Expression, member, modelFor, cancellationToken, out unknown) || unknown)
                            {
                                return null;
                            }

                            break;
                    }

                    if (count > 1)
                    {
                        return null;
                    }
                }
            }

            if (count != 1 || value is null || modelFor(value.SyntaxTree) is not { } model)
            {
                return null;
            }

            var operation = model.GetOperation(value, cancellationToken);
            while (operation is IConversionOperation or IDelegateCreationOperation or IParenthesizedOperation)
            {
                operation = operation switch
                {
                    IConversionOperation conversion => conversion.Operand,
                    IDelegateCreationOperation creation => creation.Target,
                    IParenthesizedOperation parenthesized => parenthesized.Operand,
                    _ => null,
                };
            }

            switch (operation)
            {
                case IAnonymousFunctionOperation lambda:
                    return (lambda.Symbol, value.GetLocation());
                case IMethodReferenceOperation { Method: var method }:
                    method = method.ReducedFrom ?? method;
                    method = method.PartialImplementationPart ?? method;
                    return method.IsAbstract || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, assembly)
                        ? null
                        : (method.OriginalDefinition, value.GetLocation());
                default:
                    return null;
            }
        }

        private static bool IsAutoProperty(PropertyDeclarationSyntax property)
        {
            if (property.ExpressionBody is not null || property.AccessorList is null)
            {
                return false;
            }

            foreach (var accessor in property.AccessorList.Accessors)
            {
                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                {
                    return false;
                }
            }

            return true;
        }

        // A local is visible only in its block (or the top-level statements), lambdas and local functions inside included.
        private static SyntaxNode LocalScope(SyntaxNode declarator)
        {
            for (var current = declarator.Parent; current is not null; current = current.Parent)
            {
                if (current is BlockSyntax or CompilationUnitSyntax or SwitchSectionSyntax)
                {
                    return current;
                }
            }

            return declarator;
        }

        private static IEnumerable<SyntaxNode> TypeScopes(INamedTypeSymbol? type, CancellationToken cancellationToken)
        {
            if (type is null)
            {
                yield break;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                yield return reference.GetSyntax(cancellationToken);
            }
        }

        private static IEnumerable<SyntaxNode> FilesMentioning(string name, IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
        {
            foreach (var tree in trees)
            {
                if (TextSearch.Contains(tree.GetText(cancellationToken), name, StringComparison.Ordinal))
                {
                    yield return tree.GetRoot(cancellationToken);
                }
            }
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>True when <paramref name="expression"/> names <paramref name="member"/>; <paramref name="unknown"/> when it cannot tell.</summary>
        private static bool Binds(ExpressionSyntax expression, ISymbol member, Func<SyntaxTree, SemanticModel?> modelFor, CancellationToken cancellationToken, out bool unknown)
        {
            unknown = false;
            if (modelFor(expression.SyntaxTree) is not { } model)
            {
                unknown = true;
                return false;
            }

            var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
            symbol = symbol is IFieldSymbol or IPropertySymbol ? symbol.OriginalDefinition : symbol;
            return SymbolEqualityComparer.Default.Equals(symbol, member);
        }
    }
}
