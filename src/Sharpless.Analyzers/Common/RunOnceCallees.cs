using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Common
{
    /// <summary>
    /// Library calls known to run a delegate argument once and cache its result, so work in that delegate is not per
    /// invocation even when the call is (a lambda or method group handed to any other call from per-invocation code is
    /// assumed to run then):
    /// <list type="bullet">
    /// <item><c>LazyInitializer.EnsureInitialized</c> — runs the factory while the target is still null;</item>
    /// <item><c>ConcurrentDictionary.GetOrAdd</c>'s <c>valueFactory</c> and <c>AddOrUpdate</c>'s <c>addValueFactory</c> on a
    /// dictionary held in a field or property (a local dictionary dies with the call; <c>AddOrUpdate</c>'s
    /// <c>updateValueFactory</c> runs on every call for a key already present);</item>
    /// <item><c>GetOrCreate</c>/<c>GetOrCreateAsync</c> of the Microsoft.Extensions.Caching caches (<c>IMemoryCache</c>,
    /// <c>HybridCache</c>) — runs on a cache miss.</item>
    /// </list>
    /// <c>Lazy&lt;T&gt;</c> is handled by <see cref="ExecutionPhaseResolver"/>: its factory runs once per Lazy instance, so
    /// it belongs wherever the Lazy is created.
    /// </summary>
    internal static class RunOnceCallees
    {
        /// <param name="function">A lambda or a method reference.</param>
        public static bool IsCachedFactory(IOperation function)
        {
            var current = function.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            if (current is not IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation invocation })
            {
                return false;
            }

            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "EnsureInitialized":
                    return IsType(method.ContainingType, "LazyInitializer", "System.Threading");
                case "GetOrAdd":
                case "AddOrUpdate":
                    return parameter.Name is "valueFactory" or "addValueFactory"
                           && IsType(method.ContainingType, "ConcurrentDictionary", "System.Collections.Concurrent")
                           && invocation.Instance is { } instance
                           && TypeChecks.WithoutConversions(instance) is IFieldReferenceOperation or IPropertyReferenceOperation;
                case "GetOrCreate":
                case "GetOrCreateAsync":
                    return IsInNamespace(method.ContainingType, "Microsoft.Extensions.Caching");
                default:
                    return false;
            }
        }

        private static bool IsType(INamedTypeSymbol? type, string name, string containingNamespace) =>
            type is not null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == containingNamespace;

        private static bool IsInNamespace(INamedTypeSymbol? type, string prefix)
        {
            var name = type?.ContainingNamespace?.ToDisplayString();
            return name is not null && (name == prefix || name.StartsWith(prefix + ".", System.StringComparison.Ordinal));
        }
    }
}
