using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Functions
{
    /// <summary>The analyzers' project-wide view of the compilation's own types.</summary>
    internal static class SourceTypes
    {
        /// <summary>
        /// The hand-written types (and the types nested in them) declared in a file whose text contains one of
        /// <paramref name="words"/>. Building the members of every type of a large project, generated code included,
        /// cost the function and route analyzers seconds on the 1,000-function benchmark (docs/performance.md); the
        /// text search costs milliseconds. A word reached only through a using alias declared in another file is not
        /// seen.
        /// </summary>
        public static IEnumerable<INamedTypeSymbol> InFilesNaming(Compilation compilation, IReadOnlyList<string> words, CancellationToken cancellationToken)
        {
            var candidates = CandidateTrees(compilation, words, cancellationToken);
            if (candidates.Count == 0)
            {
                yield break;
            }

            var namespaces = new Stack<INamespaceSymbol>();
            var types = new Stack<INamedTypeSymbol>();
            namespaces.Push(compilation.Assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ns = namespaces.Pop();
                foreach (var inner in ns.GetNamespaceMembers())
                {
                    namespaces.Push(inner);
                }

                foreach (var type in ns.GetTypeMembers())
                {
                    types.Push(type);
                }

                while (types.Count > 0)
                {
                    var type = types.Pop();
                    if (!FunctionMethods.IsWrittenByHand(type) || !IsDeclaredIn(type, candidates))
                    {
                        continue;
                    }

                    yield return type;
                    foreach (var nested in type.GetTypeMembers())
                    {
                        types.Push(nested);
                    }
                }
            }
        }

        /// <summary>The hand-written files whose text contains one of the words.</summary>
        private static HashSet<SyntaxTree> CandidateTrees(Compilation compilation, IReadOnlyList<string> words, CancellationToken cancellationToken)
        {
            var trees = new HashSet<SyntaxTree>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.FilePath.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var text = tree.GetText(cancellationToken);
                foreach (var word in words)
                {
                    if (TextSearch.Contains(text, word, StringComparison.Ordinal))
                    {
                        trees.Add(tree);
                        break;
                    }
                }
            }

            return trees;
        }

        /// <summary>A type with a part in one of <paramref name="trees"/>.</summary>
        private static bool IsDeclaredIn(INamedTypeSymbol type, HashSet<SyntaxTree> trees)
        {
            foreach (var location in type.Locations)
            {
                if (location.SourceTree is { } tree && trees.Contains(tree))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
