using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Common
{
    /// <summary>
    /// The functions a project hands to a host that calls them per invocation (<c>LambdaBootstrapBuilder.Create</c>, an
    /// ASP.NET Core endpoint), when the delegate is not a lambda written in the call: a method group
    /// (<c>Create(FunctionHandler, serializer)</c>, <c>Create((Func&lt;…&gt;)Handle, …)</c>, <c>MapGet("/", Orders.List)</c>),
    /// or a local, field or property of delegate type whose initializer (or, for a local, assignment) is a method group
    /// or a lambda.
    /// <para>
    /// Found without binding: only files whose text names the host are parsed for the calls, names are followed through
    /// the locals of the calling member and through fields and properties found by name
    /// (<see cref="Compilation.GetSymbolsWithName(string, SymbolFilter, CancellationToken)"/>, which reads declarations
    /// only), a few hops deep. A name qualified by a type (<c>Function.Handle</c>) or by a local created as
    /// <c>new Function()</c> is looked up on that type; an unqualified one on the calling type first, then anywhere.
    /// Lambdas written directly in the call are classified from their operation instead (the overload decides).
    /// </para>
    /// </summary>
    internal sealed class DelegateHandlers
    {
        private const int MaxHops = 4;

        public static readonly DelegateHandlers None = new DelegateHandlers(null!, CancellationToken.None);

        private readonly Compilation _compilation;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<IMethodSymbol> _methods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<(SyntaxTree Tree, string Name)> _localFunctions = new HashSet<(SyntaxTree, string)>();
        private readonly Dictionary<SyntaxTree, List<TextSpan>> _lambdas = new Dictionary<SyntaxTree, List<TextSpan>>();
        private readonly HashSet<ISymbol> _followedMembers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        private DelegateHandlers(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _cancellationToken = cancellationToken;
        }

        /// <param name="textMarkers">Words without which a file cannot hold such a call (checked on the text first).</param>
        /// <param name="handlerArgument">The argument of a call that is the delegate handed to the host, or null when
        /// the call is not one of the host's.</param>
        public static DelegateHandlers Find(
            Compilation compilation,
            IReadOnlyList<string> textMarkers,
            Func<InvocationExpressionSyntax, CompilationUnitSyntax, ExpressionSyntax?> handlerArgument,
            CancellationToken cancellationToken)
        {
            var result = new DelegateHandlers(compilation, cancellationToken);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!Mentions(tree.GetText(cancellationToken), textMarkers) || tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
                {
                    continue;
                }

                foreach (var node in unit.DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax invocation && handlerArgument(invocation, unit) is { } argument)
                    {
                        result.Follow(argument, direct: true, hops: 0);
                    }
                }
            }

            return result;
        }

        public bool IsEmpty => _methods.Count == 0 && _localFunctions.Count == 0 && _lambdas.Count == 0;

        public bool Contains(IMethodSymbol method)
        {
            if (IsEmpty)
            {
                return false;
            }

            if (method.MethodKind == MethodKind.LocalFunction)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    if (_localFunctions.Contains((reference.SyntaxTree, method.Name)))
                    {
                        return true;
                    }
                }

                return false;
            }

            return _methods.Contains(method.OriginalDefinition);
        }

        /// <summary>The lambda was found as the value of a local, field or property handed to the host.</summary>
        public bool ContainsLambda(SyntaxNode lambda) =>
            _lambdas.TryGetValue(lambda.SyntaxTree, out var spans) && spans.Contains(lambda.Span);

        /// <summary>The file declares a lambda or local function found here: its members must be read live.</summary>
        public bool DeclaresDelegatesIn(SyntaxTree tree)
        {
            if (_lambdas.ContainsKey(tree))
            {
                return true;
            }

            foreach (var (declared, _) in _localFunctions)
            {
                if (declared == tree)
                {
                    return true;
                }
            }

            return false;
        }

        internal static bool Mentions(SourceText text, IReadOnlyList<string> markers)
        {
            foreach (var marker in markers)
            {
                if (TextSearch.Contains(text, marker, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The rightmost identifier of a name or member access: <c>Builder</c> in <c>Ns.Builder</c>.</summary>
        internal static string? RightmostName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        private void Follow(ExpressionSyntax expression, bool direct, int hops)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (hops > MaxHops)
            {
                return;
            }

            expression = Strip(expression);
            switch (expression)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    if (!direct)
                    {
                        AddLambda(lambda);
                    }

                    break;

                case SimpleNameSyntax name:
                    FollowName(name.Identifier.ValueText, name, hops);
                    break;

                case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                    if (access.Expression is ThisExpressionSyntax or BaseExpressionSyntax)
                    {
                        FollowName(access.Name.Identifier.ValueText, access, hops);
                    }
                    else
                    {
                        AddMembers(access.Name.Identifier.ValueText, QualifierTypeName(access.Expression), hops);
                    }

                    break;
            }
        }

        /// <summary>Parentheses, casts, <c>!</c> and <c>new Func&lt;…&gt;(Handle)</c> around the delegate.</summary>
        private static ExpressionSyntax Strip(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                        expression = suppressed.Operand;
                        continue;
                    case ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1, Initializer: null } creation:
                        expression = creation.ArgumentList.Arguments[0].Expression;
                        continue;
                    default:
                        return expression;
                }
            }
        }

        private void FollowName(string name, SyntaxNode site, int hops)
        {
            var found = false;
            foreach (var scope in LocalScopes(site))
            {
                foreach (var node in scope.DescendantNodes())
                {
                    switch (node)
                    {
                        case LocalFunctionStatementSyntax local when local.Identifier.ValueText == name:
                            _localFunctions.Add((local.SyntaxTree, name));
                            found = true;
                            break;
                        case VariableDeclaratorSyntax { Initializer: { } initializer } variable when variable.Identifier.ValueText == name:
                            Follow(initializer.Value, direct: false, hops + 1);
                            found = true;
                            break;
                        case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target } assignment
                            when target.Identifier.ValueText == name:
                            Follow(assignment.Right, direct: false, hops + 1);
                            found = true;
                            break;
                    }
                }
            }

            if (!found)
            {
                AddMembers(name, EnclosingTypeName(site), hops);
            }
        }

        /// <summary>The code whose locals a name in <paramref name="site"/> can refer to: the enclosing member's body, or
        /// the file's top-level statements.</summary>
        private static IEnumerable<SyntaxNode> LocalScopes(SyntaxNode site)
        {
            for (var current = site.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax:
                        return new[] { current };
                    case GlobalStatementSyntax { Parent: CompilationUnitSyntax unit }:
                        var statements = new List<SyntaxNode>();
                        foreach (var member in unit.Members)
                        {
                            if (member is GlobalStatementSyntax)
                            {
                                statements.Add(member);
                            }
                        }

                        return statements;
                    case MemberDeclarationSyntax:
                        return Array.Empty<SyntaxNode>();
                }
            }

            return Array.Empty<SyntaxNode>();
        }

        private static string? EnclosingTypeName(SyntaxNode site)
        {
            for (var current = site.Parent; current is not null; current = current.Parent)
            {
                if (current is BaseTypeDeclarationSyntax type)
                {
                    return type.Identifier.ValueText;
                }
            }

            return null;
        }

        /// <summary>The type a method group's qualifier names: <c>Function</c> in <c>Function.Handle</c>,
        /// <c>new Function().Handle</c>, or <c>function.Handle</c> after <c>var function = new Function();</c>.</summary>
        private static string? QualifierTypeName(ExpressionSyntax qualifier)
        {
            switch (qualifier)
            {
                case ObjectCreationExpressionSyntax creation:
                    return RightmostName(creation.Type);
                case IdentifierNameSyntax identifier:
                    foreach (var scope in LocalScopes(identifier))
                    {
                        foreach (var node in scope.DescendantNodes())
                        {
                            if (node is VariableDeclaratorSyntax { Initializer.Value: ObjectCreationExpressionSyntax created } variable &&
                                variable.Identifier.ValueText == identifier.Identifier.ValueText)
                            {
                                return RightmostName(created.Type);
                            }
                        }
                    }

                    // A field or parameter of unknown type: any type's member of that name will do.
                    var text = identifier.Identifier.ValueText;
                    return text.Length > 0 && char.IsUpper(text[0]) ? text : null;
                default:
                    return RightmostName(qualifier);
            }
        }

        private void AddMembers(string name, string? typeName, int hops)
        {
            var found = false;
            foreach (var symbol in _compilation.GetSymbolsWithName(name, SymbolFilter.Member, _cancellationToken))
            {
                if (typeName is null || symbol.ContainingType?.Name == typeName)
                {
                    found = true;
                    Add(symbol, hops);
                }
            }

            if (!found && typeName is not null)
            {
                // An inherited member, or a name brought in by `using static`: any type's member of that name.
                AddMembers(name, null, hops);
            }
        }

        private void Add(ISymbol symbol, int hops)
        {
            switch (symbol)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                    _methods.Add(method.OriginalDefinition);
                    break;

                case IFieldSymbol or IPropertySymbol when _followedMembers.Add(symbol):
                    foreach (var reference in symbol.DeclaringSyntaxReferences)
                    {
                        var value = reference.GetSyntax(_cancellationToken) switch
                        {
                            VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                            PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                            _ => null,
                        };

                        if (value is not null)
                        {
                            Follow(value, direct: false, hops + 1);
                        }
                    }

                    break;
            }
        }

        private void AddLambda(AnonymousFunctionExpressionSyntax lambda)
        {
            if (!_lambdas.TryGetValue(lambda.SyntaxTree, out var spans))
            {
                spans = new List<TextSpan>();
                _lambdas.Add(lambda.SyntaxTree, spans);
            }

            spans.Add(lambda.Span);
        }
    }
}
