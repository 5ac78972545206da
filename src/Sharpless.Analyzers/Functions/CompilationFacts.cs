using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Sharpless.Functions
{
    /// <summary>
    /// Facts read once per compilation and shared by everything that asks: the function and route analyzers and the
    /// readers behind them. Reading a JSON context walks every type it registers and everything those reach, and every
    /// function or route of a class names the same context, so without this a project paid (functions + routes) ×
    /// context size on every build (measured in docs/performance.md, "Analyzer overhead").
    /// <para>
    /// Keyed weakly by <see cref="Compilation"/>, so nothing outlives the compilation it describes. A read that is
    /// cancelled stores nothing; a later caller reads again.
    /// </para>
    /// </summary>
    internal static class CompilationFacts
    {
        private static readonly ConditionalWeakTable<Compilation, ProjectFacts> Projects = new ConditionalWeakTable<Compilation, ProjectFacts>();
        private static readonly ConditionalWeakTable<Compilation, ContextCache> Contexts = new ConditionalWeakTable<Compilation, ContextCache>();

        public static ProjectFacts Project(Compilation compilation, CancellationToken cancellationToken)
        {
            if (Projects.TryGetValue(compilation, out var known))
            {
                return known;
            }

            var read = ProjectFacts.Read(compilation, cancellationToken);
            return Projects.GetValue(compilation, _ => read);
        }

        /// <summary><see cref="JsonContextReader.Read"/>, once per context type and compilation.</summary>
        public static JsonContextModel? JsonContext(Compilation compilation, INamedTypeSymbol type, bool requireRegistrations, CancellationToken cancellationToken)
        {
            var cache = Contexts.GetValue(compilation, _ => new ContextCache());
            var map = requireRegistrations ? cache.Registered : cache.Any;
            if (map.TryGetValue(type, out var known))
            {
                return known.Model;
            }

            var model = JsonContextReader.Read(type, requireRegistrations, cancellationToken);
            map.TryAdd(type, new Entry(model));
            return model;
        }

        private sealed class ContextCache
        {
            public ConcurrentDictionary<INamedTypeSymbol, Entry> Registered { get; } = new ConcurrentDictionary<INamedTypeSymbol, Entry>(SymbolEqualityComparer.Default);

            public ConcurrentDictionary<INamedTypeSymbol, Entry> Any { get; } = new ConcurrentDictionary<INamedTypeSymbol, Entry>(SymbolEqualityComparer.Default);
        }

        // A null model (not a context) is an answer worth keeping too.
        private sealed class Entry
        {
            public Entry(JsonContextModel? model)
            {
                Model = model;
            }

            public JsonContextModel? Model { get; }
        }
    }
}
