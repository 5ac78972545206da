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
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, ContextEntry>> Contexts =
            new ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, ContextEntry>>();

        public static ProjectFacts Project(Compilation compilation, CancellationToken cancellationToken)
        {
            if (Projects.TryGetValue(compilation, out var known))
            {
                return known;
            }

            var read = ProjectFacts.Read(compilation, cancellationToken);
            return Projects.GetValue(compilation, _ => read);
        }

        /// <summary>
        /// The context's model (<see cref="JsonContextReader.Read"/>), read once per context type and compilation whichever
        /// way it is asked. Null when the type is not a JsonSerializerContext or, with
        /// <paramref name="requireRegistrations"/>, registers nothing: the generator only sees contexts through their
        /// [JsonSerializable] attributes, and the analyzer must see the same set. A function's named context is asked for
        /// without it, so a context that registers nothing reports every payload and result missing (SLS1010).
        /// </summary>
        public static JsonContextModel? JsonContext(Compilation compilation, INamedTypeSymbol type, bool requireRegistrations, CancellationToken cancellationToken)
        {
            var cache = Contexts.GetValue(compilation, _ => new ConcurrentDictionary<INamedTypeSymbol, ContextEntry>(SymbolEqualityComparer.Default));
            if (!cache.TryGetValue(type, out var entry))
            {
                var model = JsonContextReader.Read(type, out var registrations, cancellationToken);
                entry = cache.GetOrAdd(type, new ContextEntry(model, registrations));
            }

            return requireRegistrations && entry.Registrations == 0 ? null : entry.Model;
        }

        // A null model (not a context) is an answer worth keeping too.
        private sealed class ContextEntry
        {
            public ContextEntry(JsonContextModel? model, int registrations)
            {
                Model = model;
                Registrations = registrations;
            }

            public JsonContextModel? Model { get; }

            public int Registrations { get; }
        }
    }
}
