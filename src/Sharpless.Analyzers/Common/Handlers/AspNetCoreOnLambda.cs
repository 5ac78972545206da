using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Common
{
    /// <summary>
    /// ASP.NET Core served by Lambda (the Amazon.Lambda.AspNetCoreServer packages): every request is one invocation, so
    /// the code ASP.NET Core runs per request is handler code.
    /// <para>
    /// The project is on Lambda when it calls <c>AddAWSLambdaHosting</c> (Amazon.Lambda.AspNetCoreServer.Hosting,
    /// minimal hosting) or declares a class deriving from <c>Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction&lt;,&gt;</c>
    /// (<c>APIGatewayProxyFunction</c>, <c>APIGatewayHttpApiV2ProxyFunction</c>, <c>ApplicationLoadBalancerFunction</c>, …).
    /// Without either, a web project is a web project and none of this applies. Per request are then:
    /// </para>
    /// <list type="bullet">
    /// <item>controller actions: public instance methods of a non-abstract, non-generic class deriving from
    /// <c>Microsoft.AspNetCore.Mvc.ControllerBase</c> or marked <c>[ApiController]</c>/<c>[Controller]</c> (on it or a base),
    /// except <c>[NonAction]</c> methods, <c>[NonController]</c> classes and <c>Dispose</c>;</item>
    /// <item>minimal-API endpoint delegates: a lambda or method group given to <c>EndpointRouteBuilderExtensions</c>'
    /// <c>Map</c>, <c>MapGet/Post/Put/Delete/Patch</c>, <c>MapMethods</c>, <c>MapFallback</c> (on the app or on a
    /// <c>MapGroup(…)</c> chain, which is an <c>IEndpointRouteBuilder</c> too), and endpoint filters
    /// (<c>AddEndpointFilter</c>);</item>
    /// <item>request middleware: the delegate of <c>app.Use((context, next) =&gt; …)</c> (<c>UseExtensions</c>) and of
    /// <c>app.Run(context =&gt; …)</c> (<c>RunExtensions</c>). The factory form <c>IApplicationBuilder.Use(next =&gt; …)</c>
    /// runs once while the pipeline is built and is not claimed.</item>
    /// </list>
    /// <c>Program</c>'s top-level statements, <c>Startup.ConfigureServices</c>/<c>Configure</c> and the function class's
    /// <c>Init</c> override build the host once per execution environment and are not handlers.
    /// </summary>
    internal sealed class AspNetCoreOnLambda
    {
        private const string FunctionBaseName = "Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction`2";
        private const string HostingCall = "AddAWSLambdaHosting";

        private static readonly string[] EndpointMarkers = { "Map", ".Run(", ".Use(" };

        private readonly INamedTypeSymbol? _controllerBase;
        private readonly INamedTypeSymbol? _apiControllerAttribute;
        private readonly INamedTypeSymbol? _controllerAttribute;
        private readonly INamedTypeSymbol? _nonActionAttribute;
        private readonly INamedTypeSymbol? _nonControllerAttribute;
        private readonly INamedTypeSymbol? _endpointRouteBuilderExtensions;
        private readonly INamedTypeSymbol? _endpointFilterExtensions;
        private readonly INamedTypeSymbol? _useExtensions;
        private readonly INamedTypeSymbol? _runExtensions;
        private readonly Lazy<Location?> _hosting;
        private readonly Lazy<DelegateHandlers> _endpointMethods;

        private AspNetCoreOnLambda(Compilation compilation, CancellationToken cancellationToken)
        {
            _controllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            _apiControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            _controllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
            _nonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
            _nonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            _endpointRouteBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            _endpointFilterExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.EndpointFilterExtensions");
            _useExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.UseExtensions");
            _runExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.RunExtensions");
            _hosting = new Lazy<Location?>(() => FindHosting(compilation, cancellationToken));
            _endpointMethods = new Lazy<DelegateHandlers>(() => RunsOnLambda
                ? DelegateHandlers.Find(compilation, EndpointMarkers, EndpointArgument, cancellationToken)
                : DelegateHandlers.None);
        }

        /// <summary>Null when the compilation has no ASP.NET Core (nothing here can apply).</summary>
        public static AspNetCoreOnLambda? Create(Compilation compilation, CancellationToken cancellationToken)
        {
            var model = new AspNetCoreOnLambda(compilation, cancellationToken);
            return model._controllerBase is null && model._endpointRouteBuilderExtensions is null && model._useExtensions is null ? null : model;
        }

        /// <summary>
        /// Where the project says it is served by Lambda: the name of its <c>AddAWSLambdaHosting</c> call, or the name of
        /// its class deriving from an Amazon.Lambda.AspNetCoreServer function base; null for an ordinary web app. The one
        /// answer for handler discovery, the per-request services walk and the Lambda-project evidence.
        /// </summary>
        public Location? Hosting => _hosting.Value;

        private bool RunsOnLambda => _hosting.Value is not null;

        public bool IsHandler(IMethodSymbol method) =>
            method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction &&
            (IsControllerAction(method) || _endpointMethods.Value.Contains(method));

        /// <summary>A lambda ASP.NET Core calls per request: given to an endpoint, filter or middleware method, or the
        /// value of a local/field handed to one.</summary>
        public bool IsRequestDelegate(IAnonymousFunctionOperation lambda) =>
            (IsArgumentOfRequestSink(lambda) || _endpointMethods.Value.ContainsLambda(lambda.Syntax)) && RunsOnLambda;

        public bool DeclaresDelegatesIn(SyntaxTree tree) => RunsOnLambda && _endpointMethods.Value.DeclaresDelegatesIn(tree);

        /// <summary>Files that may hold an endpoint or middleware lambda, once the project is known to run on Lambda.</summary>
        public bool MayDeclareRequestDelegates(Microsoft.CodeAnalysis.Text.SourceText text) =>
            RunsOnLambda && DelegateHandlers.Mentions(text, EndpointMarkers);

        /// <summary>
        /// A controller of a project served by Lambda. ASP.NET Core creates one per request (its default controller
        /// activator builds it with the request's services), so its constructors and instance initializers run per
        /// invocation, like its actions.
        /// </summary>
        public bool IsPerRequestController(INamedTypeSymbol type) =>
            type is { TypeKind: TypeKind.Class, IsAbstract: false, IsGenericType: false } && IsController(type) && RunsOnLambda;

        private bool IsController(INamedTypeSymbol type)
        {
            if (_controllerBase is null && _apiControllerAttribute is null && _controllerAttribute is null)
            {
                return false;
            }

            var isController = TypeChecks.IsOrDerivesFrom(type, _controllerBase) ||
                               HasAttribute(type, _apiControllerAttribute, inherited: true) ||
                               HasAttribute(type, _controllerAttribute, inherited: true);
            return isController && !HasAttribute(type, _nonControllerAttribute, inherited: false);
        }

        private bool IsControllerAction(IMethodSymbol method)
        {
            if (_controllerBase is null && _apiControllerAttribute is null && _controllerAttribute is null)
            {
                return false;
            }

            if (method is not { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsAbstract: false, IsGenericMethod: false } ||
                method.Name == "Dispose" ||
                method.ContainingType is not { TypeKind: TypeKind.Class, IsAbstract: false, IsGenericType: false } type)
            {
                return false;
            }

            if (!IsController(type))
            {
                return false;
            }

            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (HasAttribute(current, _nonActionAttribute))
                {
                    return false;
                }
            }

            return RunsOnLambda;
        }

        private bool IsArgumentOfRequestSink(IAnonymousFunctionOperation lambda)
        {
            var current = lambda.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            if (current is not IArgumentOperation { Parent: IInvocationOperation invocation })
            {
                return false;
            }

            var target = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            var owner = target.ContainingType;
            return (IsType(owner, _endpointRouteBuilderExtensions) && target.Name.StartsWith("Map", StringComparison.Ordinal)) ||
                   (IsType(owner, _endpointFilterExtensions) && target.Name == "AddEndpointFilter") ||
                   (IsType(owner, _useExtensions) && target.Name == "Use") ||
                   (IsType(owner, _runExtensions) && target.Name == "Run");
        }

        private static bool IsType(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

        private static bool HasAttribute(INamedTypeSymbol type, INamedTypeSymbol? attribute, bool inherited)
        {
            for (var current = type; current is not null; current = inherited ? current.BaseType : null)
            {
                if (HasAttribute(current, attribute))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
        {
            if (attribute is null)
            {
                return false;
            }

            foreach (var data in symbol.GetAttributes())
            {
                if (TypeChecks.IsOrDerivesFrom(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The delegate of <c>x.MapGet("/", Handler)</c> and its kin: the last argument (the pattern comes first).</summary>
        private static ExpressionSyntax? EndpointArgument(InvocationExpressionSyntax invocation, CompilationUnitSyntax unit)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } ||
                invocation.ArgumentList.Arguments.Count == 0)
            {
                return null;
            }

            var isSink = name is "Map" or "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" or "MapFallback" or "Use" or "Run";
            var last = invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 1].Expression;
            return isSink && !last.IsKind(SyntaxKind.StringLiteralExpression) ? last : null;
        }

        /// <summary>The first call to <c>AddAWSLambdaHosting</c>, or class deriving from the AspNetCoreServer function base.</summary>
        private static Location? FindHosting(Compilation compilation, CancellationToken cancellationToken)
        {
            var functionBase = compilation.GetTypeByMetadataName(FunctionBaseName);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = tree.GetText(cancellationToken);
                var mayCallHosting = TextSearch.Contains(text, HostingCall, StringComparison.Ordinal);
                var mayDeriveFunction = functionBase is not null && TextSearch.Contains(text, "Function", StringComparison.Ordinal);
                if (!mayCallHosting && !mayDeriveFunction)
                {
                    continue;
                }

                // Looking only for a derived class, member bodies need not be walked.
                var nodes = mayCallHosting
                    ? tree.GetRoot(cancellationToken).DescendantNodes()
                    : tree.GetRoot(cancellationToken).DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);
                foreach (var node in nodes)
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { Identifier.ValueText: HostingCall } name } } when mayCallHosting:
                            return name.GetLocation();
                        case ClassDeclarationSyntax { BaseList: { } bases } declaration when mayDeriveFunction && NamesAFunctionBase(bases) &&
                                                                                              DeclaresDerivedType(compilation, declaration, functionBase!, cancellationToken):
                            return declaration.Identifier.GetLocation();
                    }
                }
            }

            return null;
        }

        private static bool NamesAFunctionBase(BaseListSyntax bases)
        {
            foreach (var type in bases.Types)
            {
                if (DelegateHandlers.RightmostName(type.Type) is { } name && name.EndsWith("Function", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DeclaresDerivedType(Compilation compilation, ClassDeclarationSyntax declaration, INamedTypeSymbol functionBase, CancellationToken cancellationToken)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(declaration.Identifier.ValueText, SymbolFilter.Type, cancellationToken))
            {
                // The package's own subclasses (APIGatewayProxyFunction, …) are not the project's function.
                if (symbol is INamedTypeSymbol type &&
                    !SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, functionBase.ContainingNamespace) &&
                    TypeChecks.IsOrDerivesFrom(type, functionBase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
