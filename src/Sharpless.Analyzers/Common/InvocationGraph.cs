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
    /// Nodes are functions: methods, accessors, local functions, lambdas, and a type's instance initializers
    /// (run by every constructor); a delegate field, property or local invoked (its one known value follows, see
    /// <see cref="DelegateValues"/>); and a service resolved from a container (<see cref="ContainerService"/>: its
    /// transient or scoped registrations follow). Only calls into this compilation's own source are edges; interface and virtual
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
        private readonly Dictionary<object, List<Edge>> _edges = new Dictionary<object, List<Edge>>(NodeComparer.Instance);
        private readonly Dictionary<object, List<DeferredWork>> _work = new Dictionary<object, List<DeferredWork>>(NodeComparer.Instance);
        private readonly Dictionary<object, Location> _roots = new Dictionary<object, Location>(NodeComparer.Instance);

        // Roots that are not handlers (ASP.NET Core's per-request services), with how their paths start.
        private readonly Dictionary<object, string> _rootDescriptions = new Dictionary<object, string>(NodeComparer.Instance);

        /// <summary>What one operation block contributed; merged under one lock when the block ends.</summary>
        public sealed class BlockFacts
        {
            internal List<(object From, Edge Edge)> Edges { get; } = new List<(object, Edge)>();

            internal List<(object Function, DeferredWork Work)> Work { get; } = new List<(object, DeferredWork)>();

            internal List<IMethodSymbol> Roots { get; } = new List<IMethodSymbol>();

            internal List<(object Node, Location Location, string Description)> OtherRoots { get; } = new List<(object, Location, string)>();

            public void AddRoot(IMethodSymbol handler) => Roots.Add(handler);

            /// <summary>A node whose code runs per invocation without a handler calling it; its own work is reported
            /// too, with <paramref name="description"/> as the path.</summary>
            public void AddRoot(object node, Location location, string description) => OtherRoots.Add((node, location, description));

            /// <param name="label">How the hop reads in a path, when not derived from <paramref name="to"/> (a base type's
            /// initializers run by <c>new Derived()</c> read "new Derived"); empty for a hop that adds nothing to read
            /// (from a delegate field to the lambda it holds).</param>
            public void AddEdge(object from, object to, Location callSite, string? label = null) => Edges.Add((from, new Edge(to, callSite, label)));

            public void AddWork(object function, PerInvocationRule rule, string subject, Location location, string note) =>
                Work.Add((function, new DeferredWork(rule, subject, location, note)));

            public bool IsEmpty => Edges.Count == 0 && Work.Count == 0 && Roots.Count == 0 && OtherRoots.Count == 0;
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

                foreach (var (node, location, description) in facts.OtherRoots)
                {
                    if (!_roots.ContainsKey(node))
                    {
                        _roots.Add(node, location);
                        _rootDescriptions.Add(node, description);
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
        public void Report(Action<Diagnostic> report, Func<IMethodSymbol, string> describeHandler, Action<object> expand)
        {
            lock (_gate)
            {
                if (_roots.Count == 0)
                {
                    return;
                }

                var reached = new Dictionary<object, Hop>(NodeComparer.Instance);
                var expanded = new HashSet<object>(NodeComparer.Instance);
                foreach (var root in _roots.OrderBy(r => r.Value, LocationOrder.Instance).Select(r => r.Key).ToList())
                {
                    Walk(root, reached, describeHandler, node =>
                    {
                        if (expanded.Add(node))
                        {
                            expand(node);
                        }
                    });
                }

                // Work reached along two routes (a factory lambda both in a container built per call and behind a
                // resolved service) is reported once, with the first route's path.
                var reported = new HashSet<(Location, string)>();
                foreach (var pair in reached.OrderBy(r => r.Value.Order))
                {
                    if (!_work.TryGetValue(pair.Key, out var found))
                    {
                        continue;
                    }

                    var path = "via " + pair.Value.Path;
                    foreach (var work in found.OrderBy(w => w.Location, LocationOrder.Instance))
                    {
                        if (!reported.Add((work.Location, work.Rule.Descriptor.Id)))
                        {
                            continue;
                        }

                        report(Diagnostic.Create(work.Rule.ViaDescriptor, work.Location, ReachedThroughCallsProperties, work.Subject, path, work.Note));
                    }
                }
            }
        }

        private void Walk(object root, Dictionary<object, Hop> reached, Func<IMethodSymbol, string> describeHandler, Action<object> expand)
        {
            var queue = new Queue<(object Node, int Depth, string Path, INamedTypeSymbol? Type)>();
            if (_rootDescriptions.TryGetValue(root, out var description))
            {
                // Not a handler: nothing reports its own work live.
                if (!reached.ContainsKey(root))
                {
                    reached.Add(root, new Hop(description, reached.Count));
                }

                queue.Enqueue((root, 0, description, null));
            }
            else
            {
                var handler = (IMethodSymbol)root;
                queue.Enqueue((root, 0, describeHandler(handler), handler.ContainingType));
            }

            var visitedFromThisRoot = new HashSet<object>(NodeComparer.Instance) { root };
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

                    var targetType = edge.Target is INamedTypeSymbol initialized ? initialized : (edge.Target as ISymbol)?.ContainingType ?? type;
                    var hop = edge.Label ?? DescribeHop(edge.Target, type);
                    var targetPath = hop.Length == 0 ? path : path + " → " + hop;
                    if (!reached.ContainsKey(edge.Target))
                    {
                        reached.Add(edge.Target, new Hop(targetPath, reached.Count));
                    }

                    queue.Enqueue((edge.Target, hop.Length == 0 ? depth : depth + 1, targetPath, targetType));
                }
            }
        }

        private static string DescribeHop(object target, INamedTypeSymbol? previousType)
        {
            switch (target)
            {
                case ContainerService service:
                    return service.ToString();
                case INamedTypeSymbol type:
                    return "new " + type.Name;
                case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                    return "new " + constructor.ContainingType.Name;
                case IMethodSymbol { AssociatedSymbol: IPropertySymbol property }:
                    return Qualify(property.Name, property.ContainingType, previousType);
                case IMethodSymbol { MethodKind: MethodKind.LocalFunction } local:
                    return local.Name;
                case ISymbol symbol:
                    return Qualify(symbol.Name, symbol.ContainingType, previousType);
                default:
                    return target.ToString() ?? string.Empty;
            }
        }

        private static string Qualify(string name, INamedTypeSymbol? owner, INamedTypeSymbol? previousType) =>
            owner is null || SymbolEqualityComparer.Default.Equals(owner, previousType) ? name : owner.Name + "." + name;

        private static List<T> GetOrAdd<T>(Dictionary<object, List<T>> map, object key)
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
            public Edge(object target, Location callSite, string? label)
            {
                Target = target;
                CallSite = callSite;
                Label = label;
            }

            public object Target { get; }

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

        /// <summary>Symbols compare as symbols; other nodes (<see cref="ContainerService"/>) by their own equality.</summary>
        private sealed class NodeComparer : IEqualityComparer<object>
        {
            public static readonly NodeComparer Instance = new NodeComparer();

            public new bool Equals(object? x, object? y) =>
                x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

            public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
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
