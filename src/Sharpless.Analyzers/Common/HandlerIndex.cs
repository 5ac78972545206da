using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Sharpless.Deployment;

namespace Sharpless.Common
{
    /// <summary>
    /// The single answer to "is this method a Lambda handler?" (design.md, "What counts as a handler"; docs/handlers.md).
    /// Built once per compilation (RegisterCompilationStartAction) and then queried from operation callbacks.
    /// A handler is:
    /// <list type="number">
    /// <item>a method marked <c>[LambdaFunction]</c> (Sharpless or Lambda Annotations);</item>
    /// <item>a method named by a handler string in aws-lambda-tools-defaults.json or a template's <c>Handler:</c>;</item>
    /// <item>a public method, or a local function, with an <c>ILambdaContext</c> parameter;</item>
    /// <item>a route method (<c>[HttpApi]</c>/<c>[RestApi]</c>);</item>
    /// <item>a public method (not an extension method) whose first parameter is an AWS Lambda event type — any top-level,
    /// non-response type in an <c>Amazon.Lambda.&lt;X&gt;Events</c> namespace or below (<see cref="LambdaEventTypes"/>);</item>
    /// <item><c>FunctionHandler</c>, public, on a type named <c>Function</c> (the <c>dotnet new lambda.*</c> default) in a
    /// Lambda project: <c>AWSProjectType=Lambda</c>, an aws-lambda-tools-defaults.json among the AdditionalFiles, or
    /// Amazon.Lambda.Core referenced (every function template references it; a console app or web app does not);</item>
    /// <item>a method group, local function or lambda handed to <c>LambdaBootstrapBuilder.Create</c>, also through a
    /// local, field or property of delegate type (<see cref="BootstrapHandlers"/>);</item>
    /// <item>ASP.NET Core on Lambda: controller actions, minimal-API endpoint delegates and request middleware
    /// (<see cref="AspNetCoreOnLambda"/>).</item>
    /// </list>
    /// <see cref="GetSource"/> says which of these made a method a handler.
    /// </summary>
    internal sealed class HandlerIndex
    {
        private const string FunctionHandlerName = "FunctionHandler";
        private const string FunctionTypeName = "Function";

        private readonly ImmutableArray<INamedTypeSymbol> _handlerAttributes;
        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly HashSet<IMethodSymbol> _namedByHandlerString;
        private readonly ConcurrentDictionary<IMethodSymbol, HandlerSource?> _sources = new ConcurrentDictionary<IMethodSymbol, HandlerSource?>(SymbolEqualityComparer.Default);
        private readonly LambdaEventTypes _eventTypes = new LambdaEventTypes();
        private readonly bool _isLambdaProject;
        private readonly Lazy<DelegateHandlers> _bootstrapDelegates;
        private readonly AspNetCoreOnLambda? _aspNetCore;

        private HandlerIndex(
            ImmutableArray<INamedTypeSymbol> handlerAttributes,
            INamedTypeSymbol? lambdaContext,
            HashSet<IMethodSymbol> namedByHandlerString,
            INamedTypeSymbol? lambdaBootstrapBuilder,
            INamedTypeSymbol? lazy,
            INamedTypeSymbol? lazyInitializer,
            bool isLambdaProject,
            Lazy<DelegateHandlers> bootstrapDelegates,
            AspNetCoreOnLambda? aspNetCore)
        {
            _isLambdaProject = isLambdaProject;
            _bootstrapDelegates = bootstrapDelegates;
            _aspNetCore = aspNetCore;
            _handlerAttributes = handlerAttributes;
            _lambdaContext = lambdaContext;
            _namedByHandlerString = namedByHandlerString;
            LambdaBootstrapBuilder = lambdaBootstrapBuilder;
            Lazy = lazy;
            LazyInitializer = lazyInitializer;
        }

        internal INamedTypeSymbol? LambdaBootstrapBuilder { get; }

        internal INamedTypeSymbol? Lazy { get; }

        internal INamedTypeSymbol? LazyInitializer { get; }

        internal INamedTypeSymbol? LambdaContext => _lambdaContext;

        public static HandlerIndex Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var attributes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in new[]
                     {
                         KnownTypeNames.SharplessLambdaFunctionAttribute,
                         KnownTypeNames.SharplessHttpApiAttribute,
                         KnownTypeNames.SharplessRestApiAttribute,
                         KnownTypeNames.AnnotationsLambdaFunctionAttribute,
                         KnownTypeNames.AnnotationsHttpApiAttribute,
                         KnownTypeNames.AnnotationsRestApiAttribute,
                     }.Concat(Events.EventSourceAttributes.All))
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    attributes.Add(type);
                }
            }

            return new HandlerIndex(
                attributes.ToImmutable(),
                compilation.GetTypeByMetadataName(KnownTypeNames.LambdaContext),
                ResolveHandlerStrings(compilation, DeploymentFiles.ReadHandlerStrings(options, cancellationToken)),
                compilation.GetTypeByMetadataName(KnownTypeNames.LambdaBootstrapBuilder),
                compilation.GetTypeByMetadataName(KnownTypeNames.Lazy),
                compilation.GetTypeByMetadataName(KnownTypeNames.LazyInitializer),
                IsLambdaProject(compilation, options),
                new Lazy<DelegateHandlers>(() => BootstrapHandlers.Find(compilation, cancellationToken)),
                AspNetCoreOnLambda.Create(compilation, cancellationToken));
        }

        /// <summary>True when the method's body runs on every invocation because the runtime calls it.</summary>
        public bool IsHandler(IMethodSymbol method) => GetSource(method) is not null;

        /// <summary>
        /// ASP.NET Core on Lambda creates this controller per request: its constructors and instance initializers are
        /// per-invocation code, though they are not handlers (the runtime does not call them with the event).
        /// </summary>
        public bool IsPerRequestController(INamedTypeSymbol type) => _aspNetCore?.IsPerRequestController(type) == true;

        /// <summary>ASP.NET Core on Lambda: where the project says so (see <see cref="AspNetCoreOnLambda.Hosting"/>), or null.</summary>
        public Location? AspNetCoreHosting => _aspNetCore?.Hosting;

        /// <summary>Why the method is a handler (the strongest reason, see <see cref="HandlerSource"/>), or null.</summary>
        public HandlerSource? GetSource(IMethodSymbol method)
        {
            // Asked for the containing member of every operation a rule looks at, and for every method declaration of
            // a document: answer each method once.
            if (_sources.TryGetValue(method, out var known))
            {
                return known;
            }

            var source = ComputeSource(method);
            _sources.TryAdd(method, source);
            return source;
        }

        /// <summary>
        /// Why a lambda is a handler, or null: it takes <c>ILambdaContext</c>, is handed to
        /// <c>LambdaBootstrapBuilder.Create</c> (in the call, or as the value of a local/field/property given to it), or
        /// ASP.NET Core on Lambda calls it per request.
        /// </summary>
        public HandlerSource? GetSource(IAnonymousFunctionOperation lambda)
        {
            if (LambdaBootstrapBuilder is not null &&
                (IsArgumentOfBootstrap(lambda) || _bootstrapDelegates.Value.ContainsLambda(lambda.Syntax)))
            {
                return HandlerSource.Bootstrap;
            }

            if (_aspNetCore?.IsRequestDelegate(lambda) == true)
            {
                return HandlerSource.AspNetCore;
            }

            return HasLambdaContextParameter(lambda.Symbol) ? HandlerSource.LambdaContextParameter : null;
        }

        /// <summary>
        /// The file may declare a handler lambda or local function that its own text does not announce with
        /// <c>ILambdaContext</c> or <c>LambdaBootstrapBuilder</c>: a delegate field handed to the bootstrap from another
        /// file, or (ASP.NET Core on Lambda) an endpoint or middleware delegate.
        /// </summary>
        public bool MayDeclareHandlerDelegates(SyntaxTree tree, SourceText text) =>
            (LambdaBootstrapBuilder is not null && _bootstrapDelegates.Value.DeclaresDelegatesIn(tree)) ||
            (_aspNetCore is not null && (_aspNetCore.MayDeclareRequestDelegates(text) || _aspNetCore.DeclaresDelegatesIn(tree)));

        private HandlerSource? ComputeSource(IMethodSymbol method)
        {
            method = method.PartialImplementationPart ?? method;
            if (HasHandlerAttribute(method) || (method.PartialDefinitionPart is { } definition && HasHandlerAttribute(definition)))
            {
                return HandlerSource.Attribute;
            }

            if (_namedByHandlerString.Contains(method.OriginalDefinition))
            {
                return HandlerSource.HandlerString;
            }

            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction))
            {
                return null;
            }

            if (LambdaBootstrapBuilder is not null && _bootstrapDelegates.Value.Contains(method))
            {
                return HandlerSource.Bootstrap;
            }

            if (_aspNetCore?.IsHandler(method) == true)
            {
                return HandlerSource.AspNetCore;
            }

            var isPublicMethod = method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Public;

            // The conventions name code the runtime can call: a body on a class or struct, not an interface's or an
            // abstract method's signature (a shared library's IOrderHandler.Handle(SQSEvent) is no entry point).
            var isConcreteMethod = isPublicMethod && !method.IsAbstract && method.ContainingType?.TypeKind is TypeKind.Class or TypeKind.Struct;
            if (isConcreteMethod && !method.IsExtensionMethod && method.Parameters.Length > 0 && _eventTypes.IsEventType(method.Parameters[0].Type))
            {
                return HandlerSource.EventType;
            }

            if (isConcreteMethod && _isLambdaProject && method.Name == FunctionHandlerName && method.ContainingType?.Name == FunctionTypeName)
            {
                return HandlerSource.FunctionHandlerConvention;
            }

            var isCandidateForContextRule = method.MethodKind == MethodKind.LocalFunction || isPublicMethod;
            return isCandidateForContextRule && HasLambdaContextParameter(method) ? HandlerSource.LambdaContextParameter : null;
        }

        /// <summary>
        /// Where <c>Function.FunctionHandler</c> is read as the handler the templates name: a project the AWS tooling
        /// builds (<c>AWSProjectType=Lambda</c>, aws-lambda-tools-defaults.json) or one that references Amazon.Lambda.Core.
        /// </summary>
        private static bool IsLambdaProject(Compilation compilation, AnalyzerOptions options)
        {
            if (compilation.GetTypeByMetadataName(KnownTypeNames.LambdaContext) is not null)
            {
                return true;
            }

            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.AWSProjectType", out var projectType) &&
                string.Equals(projectType.Trim(), "Lambda", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var file in options.AdditionalFiles)
            {
                if (file.Path is { } path && path.EndsWith("aws-lambda-tools-defaults.json", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsArgumentOfBootstrap(IAnonymousFunctionOperation lambda)
        {
            var current = lambda.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current is IArgumentOperation { Parent: IInvocationOperation invocation } &&
                   TypeChecks.IsCallTo(invocation, LambdaBootstrapBuilder, "Create");
        }

        internal bool HasLambdaContextParameter(IMethodSymbol method)
        {
            if (_lambdaContext is null)
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, _lambdaContext))
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasHandlerAttribute(IMethodSymbol method)
        {
            if (_handlerAttributes.IsEmpty)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null)
                {
                    continue;
                }

                foreach (var known in _handlerAttributes)
                {
                    if (SymbolEqualityComparer.Default.Equals(attributeClass, known))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static HashSet<IMethodSymbol> ResolveHandlerStrings(Compilation compilation, IReadOnlyList<HandlerString> handlerStrings)
        {
            var methods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var assemblyName = compilation.AssemblyName;
            if (assemblyName is null)
            {
                return methods;
            }

            foreach (var handler in handlerStrings)
            {
                // The runtime loads the assembly by name, which .NET compares case-insensitively.
                if (!string.Equals(handler.Assembly, assemblyName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // The runtime finds the method on the type or, failing that, on its base types.
                for (var type = compilation.Assembly.GetTypeByMetadataName(handler.TypeName); type is not null; type = type.BaseType)
                {
                    var found = false;
                    foreach (var member in type.GetMembers(handler.MethodName))
                    {
                        if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                        {
                            methods.Add(method.OriginalDefinition);
                            found = true;
                        }
                    }

                    if (found)
                    {
                        break;
                    }
                }
            }

            return methods;
        }
    }
}
