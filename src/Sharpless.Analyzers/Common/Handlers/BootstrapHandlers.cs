using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sharpless.Common
{
    /// <summary>
    /// The delegates an executable hands to <c>Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder.Create</c> (the
    /// handler of a custom-runtime or Native AOT function) when they are not a lambda written in the call: method groups,
    /// and locals, fields or properties of delegate type (see <see cref="DelegateHandlers"/>).
    /// </summary>
    internal static class BootstrapHandlers
    {
        private const string BuilderName = "LambdaBootstrapBuilder";

        public static DelegateHandlers Find(Compilation compilation, CancellationToken cancellationToken)
        {
            if (compilation.GetTypeByMetadataName(KnownTypeNames.LambdaBootstrapBuilder) is null)
            {
                return DelegateHandlers.None;
            }

            return DelegateHandlers.Find(compilation, new[] { BuilderName }, HandlerArgument, cancellationToken);
        }

        /// <summary>The first argument of <c>LambdaBootstrapBuilder.Create(…)</c>, <c>Alias.Create(…)</c>, or of
        /// <c>Create(…)</c> in a file with <c>using static …LambdaBootstrapBuilder</c>.</summary>
        private static ExpressionSyntax? HandlerArgument(InvocationExpressionSyntax invocation, CompilationUnitSyntax unit)
        {
            if (invocation.ArgumentList.Arguments.Count == 0)
            {
                return null;
            }

            var isCreate = invocation.Expression switch
            {
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create" } access =>
                    DelegateHandlers.RightmostName(access.Expression) is { } builder && NamesBuilder(builder, unit),
                IdentifierNameSyntax { Identifier.ValueText: "Create" } => HasStaticUsingOfBuilder(unit),
                _ => false,
            };

            return isCreate ? invocation.ArgumentList.Arguments[0].Expression : null;
        }

        private static bool NamesBuilder(string name, CompilationUnitSyntax unit)
        {
            if (name == BuilderName)
            {
                return true;
            }

            foreach (var directive in Usings(unit))
            {
                if (directive.Alias?.Name.Identifier.ValueText == name && directive.Name?.ToString().EndsWith(BuilderName, System.StringComparison.Ordinal) == true)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasStaticUsingOfBuilder(CompilationUnitSyntax unit)
        {
            foreach (var directive in Usings(unit))
            {
                if (!directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name?.ToString().EndsWith(BuilderName, System.StringComparison.Ordinal) == true)
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<UsingDirectiveSyntax> Usings(CompilationUnitSyntax unit)
        {
            foreach (var directive in unit.Usings)
            {
                yield return directive;
            }

            foreach (var member in unit.Members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                {
                    foreach (var directive in ns.Usings)
                    {
                        yield return directive;
                    }
                }
            }
        }
    }
}
