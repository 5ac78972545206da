using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Sharpless.Functions
{
    /// <summary>Every named type declared in the compilation's own source (the analyzer's project-wide view).</summary>
    internal static class SourceTypes
    {
        public static IEnumerable<INamedTypeSymbol> All(Compilation compilation, CancellationToken cancellationToken)
        {
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = pending.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        pending.Push(ns);
                    }
                    else if (member is INamedTypeSymbol type && type.Locations.Length > 0 && type.Locations[0].IsInSource)
                    {
                        yield return type;
                        pending.Push(type);
                    }
                }
            }
        }
    }
}
