using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sharpless.Common
{
    /// <summary>
    /// The calls per-invocation code makes within one compilation, gathered from the handlers as their documents are
    /// analyzed and, at compilation end, from each function as the walk reaches it (the caller reads its code then): work found in a helper, local function, property getter or constructor that a
    /// handler reaches is reported at the work, with the call path in the message.
    /// <para>
    /// Nodes are functions: methods, accessors, local functions, handler lambdas, and a type's instance initializers
    /// (run by every constructor). Only calls into this compilation's own source are edges; interface and virtual
    /// calls go to the method named in the call, never to overrides. The walk is breadth-first from the handlers,
    /// bounded by <see cref="MaxDepth"/>, and deterministic: roots and edges are visited in source order, so the path
    /// reported is the shortest one from the first handler in source order.
    /// </para>
    /// </summary>
    internal sealed class InvocationGraph
    {
        /// <summary>Calls deeper than this are not followed: long chains are rare in handlers and cost IDE time.</summary>
        public const int MaxDepth = 6;

        /// <summary>
        /// Set on diagnostics for work reached through calls: the code holding it may itself be created per invocation, so
        /// the fix must not move it into that code's constructor.
        /// </summary>
        public const string ReachedThroughCallsProperty = "Sharpless.ReachedThroughCalls";

        private static readonly ImmutableDictionary<string, string?> ReachedThroughCallsProperties =
            ImmutableDictionary<string, string?>.Empty.Add(ReachedThroughCallsProperty, "true");

        private readonly object _gate = new object();
        private readonly Dictionary<ISymbol, List<Edge>> _edges = new Dictionary<ISymbol, List<Edge>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, List<DeferredWork>> _work = new Dictionary<ISymbol, List<DeferredWork>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, Location> _roots = new Dictionary<ISymbol, Location>(SymbolEqualityComparer.Default);

        /// <summary>What one operation block contributed; merged under one lock when the block ends.</summary>
        public sealed class BlockFacts
        {
            internal List<(ISymbol From, Edge Edge)> Edges { get; } = new List<(ISymbol, Edge)>();

            internal List<(ISymbol Function, DeferredWork Work)> Work { get; } = new List<(ISymbol, DeferredWork)>();

            internal List<IMethodSymbol> Roots { get; } = new List<IMethodSymbol>();

            public void AddRoot(IMethodSymbol handler) => Roots.Add(handler);

            /// <param name="label">How the hop reads in a path, when not derived from <paramref name="to"/> (a base type's
            /// initializers run by <c>new Derived()</c> read "new Derived").</param>
            public void AddEdge(ISymbol from, ISymbol to, Location callSite, string? label = null) => Edges.Add((from, new Edge(to, callSite, label)));

            public void AddWork(ISymbol function, PerInvocationRule rule, string subject, Location location, string note) =>
                Work.Add((function, new DeferredWork(rule, subject, location, note)));

            public bool IsEmpty => Edges.Count == 0 && Work.Count == 0 && Roots.Count == 0;
        }

        public void Add(BlockFacts facts)
        {
            if (facts.IsEmpty)
            {
                return;
            }

            lock (_gate)
            {
                foreach (var root in facts.Roots)
                {
                    if (!_roots.ContainsKey(root))
                    {
                        _roots.Add(root, root.Locations.FirstOrDefault() ?? Location.None);
                    }
                }

                foreach (var (from, edge) in facts.Edges)
                {
                    GetOrAdd(_edges, from).Add(edge);
                }

                foreach (var (function, work) in facts.Work)
                {
                    GetOrAdd(_work, function).Add(work);
                }
            }
        }

        /// <summary>Reports every piece of work reached from a handler through calls.</summary>
        /// <param name="expand">Called once for every node the walk reaches, before its edges and work are read: it
        /// reads the node's code and <see cref="Add"/>s what it finds, so only reachable code is ever read.</param>
        public void Report(Action<Diagnostic> report, Func<IMethodSymbol, string> describeHandler, Action<ISymbol> expand)
        {
            lock (_gate)
            {
                if (_roots.Count == 0)
                {
                    return;
                }

                var reached = new Dictionary<ISymbol, Hop>(SymbolEqualityComparer.Default);
                var expanded = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var root in _roots.OrderBy(r => r.Value, LocationOrder.Instance).Select(r => r.Key).ToList())
                {
                    Walk((IMethodSymbol)root, reached, describeHandler, node =>
                    {
                        if (expanded.Add(node))
                        {
                            expand(node);
                        }
                    });
                }

                foreach (var pair in reached.OrderBy(r => r.Value.Order))
                {
                    if (!_work.TryGetValue(pair.Key, out var found))
                    {
                        continue;
                    }

                    var path = "via " + pair.Value.Path;
                    foreach (var work in found.OrderBy(w => w.Location, LocationOrder.Instance))
                    {
                        report(Diagnostic.Create(work.Rule.ViaDescriptor, work.Location, ReachedThroughCallsProperties, work.Subject, path, work.Note));
                    }
                }
            }
        }

        private void Walk(IMethodSymbol root, Dictionary<ISymbol, Hop> reached, Func<IMethodSymbol, string> describeHandler, Action<ISymbol> expand)
        {
            var queue = new Queue<(ISymbol Node, int Depth, string Path, INamedTypeSymbol? Type)>();
            queue.Enqueue((root, 0, describeHandler(root), root.ContainingType));
            var visitedFromThisRoot = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { root };
            while (queue.Count > 0)
            {
                var (node, depth, path, type) = queue.Dequeue();
                expand(node);
                if (depth >= MaxDepth || !_edges.TryGetValue(node, out var edges))
                {
                    continue;
                }

                foreach (var edge in edges.OrderBy(e => e.CallSite, LocationOrder.Instance).ToList())
                {
                    if (_roots.ContainsKey(edge.Target) || !visitedFromThisRoot.Add(edge.Target))
                    {
                        // A handler's own work is reported live; a node already on a shorter path keeps that path.
                        continue;
                    }

                    var targetType = edge.Target is INamedTypeSymbol initialized ? initialized : edge.Target.ContainingType;
                    var targetPath = path + " → " + (edge.Label ?? DescribeHop(edge.Target, type));
                    if (!reached.ContainsKey(edge.Target))
                    {
                        reached.Add(edge.Target, new Hop(targetPath, reached.Count));
                    }

                    queue.Enqueue((edge.Target, depth + 1, targetPath, targetType));
                }
            }
        }

        private static string DescribeHop(ISymbol target, INamedTypeSymbol? previousType)
        {
            switch (target)
            {
                case INamedTypeSymbol type:
                    return "new " + type.Name;
                case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                    return "new " + constructor.ContainingType.Name;
                case IMethodSymbol { AssociatedSymbol: IPropertySymbol property }:
                    return Qualify(property.Name, property.ContainingType, previousType);
                case IMethodSymbol { MethodKind: MethodKind.LocalFunction } local:
                    return local.Name;
                default:
                    return Qualify(target.Name, target.ContainingType, previousType);
            }
        }

        private static string Qualify(string name, INamedTypeSymbol? owner, INamedTypeSymbol? previousType) =>
            owner is null || SymbolEqualityComparer.Default.Equals(owner, previousType) ? name : owner.Name + "." + name;

        private static List<T> GetOrAdd<T>(Dictionary<ISymbol, List<T>> map, ISymbol key)
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<T>();
                map.Add(key, list);
            }

            return list;
        }

        internal readonly struct Edge
        {
            public Edge(ISymbol target, Location callSite, string? label)
            {
                Target = target;
                CallSite = callSite;
                Label = label;
            }

            public ISymbol Target { get; }

            public string? Label { get; }

            public Location CallSite { get; }
        }

        internal sealed class DeferredWork
        {
            public DeferredWork(PerInvocationRule rule, string subject, Location location, string note)
            {
                Rule = rule;
                Subject = subject;
                Location = location;
                Note = note;
            }

            public PerInvocationRule Rule { get; }

            public string Subject { get; }

            public Location Location { get; }

            public string Note { get; }
        }

        private readonly struct Hop
        {
            public Hop(string path, int order)
            {
                Path = path;
                Order = order;
            }

            public string Path { get; }

            public int Order { get; }
        }

        private sealed class LocationOrder : IComparer<Location>
        {
            public static readonly LocationOrder Instance = new LocationOrder();

            public int Compare(Location? x, Location? y)
            {
                var byPath = string.CompareOrdinal(x?.SourceTree?.FilePath, y?.SourceTree?.FilePath);
                return byPath != 0 ? byPath : (x?.SourceSpan.Start ?? 0).CompareTo(y?.SourceSpan.Start ?? 0);
            }
        }
    }
}
