using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sharpless.Common
{
    /// <summary>
    /// The single answer to "is this method a Lambda handler?" (design.md, "What counts as a handler").
    /// Built once per compilation (RegisterCompilationStartAction) and then queried from operation callbacks.
    /// A handler is:
    /// <list type="number">
    /// <item>a method marked <c>[LambdaFunction]</c> (Sharpless or Lambda Annotations);</item>
    /// <item>a method named by a handler string in aws-lambda-tools-defaults.json or a template's <c>Handler:</c>;</item>
    /// <item>a public method, or a local function, with an <c>ILambdaContext</c> parameter;</item>
    /// <item>a route method (<c>[HttpApi]</c>/<c>[RestApi]</c>).</item>
    /// </list>
    /// </summary>
    internal sealed class HandlerIndex
    {
        private readonly ImmutableArray<INamedTypeSymbol> _handlerAttributes;
        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly HashSet<IMethodSymbol> _namedByHandlerString;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _isHandler = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        private HandlerIndex(
            ImmutableArray<INamedTypeSymbol> handlerAttributes,
            INamedTypeSymbol? lambdaContext,
            HashSet<IMethodSymbol> namedByHandlerString,
            INamedTypeSymbol? lambdaBootstrapBuilder,
            INamedTypeSymbol? lazy,
            INamedTypeSymbol? lazyInitializer)
        {
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
                     })
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
                compilation.GetTypeByMetadataName(KnownTypeNames.LazyInitializer));
        }

        /// <summary>True when the method's body runs on every invocation because the runtime calls it.</summary>
        public bool IsHandler(IMethodSymbol method)
        {
            // Asked for the containing member of every operation a rule looks at: answer each method once.
            if (_isHandler.TryGetValue(method, out var known))
            {
                return known;
            }

            var isHandler = ComputeIsHandler(method);
            _isHandler.TryAdd(method, isHandler);
            return isHandler;
        }

        private bool ComputeIsHandler(IMethodSymbol method)
        {
            method = method.PartialImplementationPart ?? method;
            if (HasHandlerAttribute(method) || (method.PartialDefinitionPart is { } definition && HasHandlerAttribute(definition)))
            {
                return true;
            }

            if (_namedByHandlerString.Contains(method.OriginalDefinition))
            {
                return true;
            }

            var isCandidateForContextRule =
                method.MethodKind == MethodKind.LocalFunction ||
                (method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Public);
            return isCandidateForContextRule && HasLambdaContextParameter(method);
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
