using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Deployment.Templates
{
    /// <summary>One <c>key: value</c> of a mapping. The key is a scalar node so a diagnostic can point at the key.</summary>
    internal sealed class TemplateEntry
    {
        internal TemplateEntry(TemplateScalar keyNode, TemplateNode value)
        {
            KeyNode = keyNode;
            Value = value;
        }

        public string Key => KeyNode.Value;

        public TemplateScalar KeyNode { get; }

        public TextSpan KeySpan => KeyNode.Span;

        public LinePositionSpan KeyLineSpan => KeyNode.LineSpan;

        public TemplateNode Value { get; }

        public override string ToString() => Key;
    }

    /// <summary>
    /// A YAML mapping or JSON object, entries in written order. Keys compare ordinally (CloudFormation property names
    /// are case-sensitive). A key written twice keeps both entries; lookups see the last one, as the YAML and JSON
    /// loaders SAM and the AWS tools use do.
    /// </summary>
    internal sealed class TemplateMapping : TemplateNode
    {
        // Small mappings (most of a template) are searched linearly; big ones (Resources of a large stack) get an
        // index on first lookup. Building it twice on a race is harmless: both copies are identical; the volatile
        // write publishes a fully built dictionary to other threads.
        private const int IndexThreshold = 8;
        private Dictionary<string, int>? _index;

        internal TemplateMapping(ImmutableArray<TemplateEntry> entries, string? tag, TextSpan span, LinePositionSpan lineSpan)
            : base(tag, span, lineSpan)
        {
            Entries = entries;
        }

        public override TemplateNodeKind Kind => TemplateNodeKind.Mapping;

        public ImmutableArray<TemplateEntry> Entries { get; }

        public int Count => Entries.Length;

        public bool TryGetEntry(string key, [NotNullWhen(true)] out TemplateEntry? entry)
        {
            var index = IndexOf(key);
            entry = index < 0 ? null : Entries[index];
            return entry is not null;
        }

        public bool TryGet(string key, [NotNullWhen(true)] out TemplateNode? value)
        {
            var index = IndexOf(key);
            value = index < 0 ? null : Entries[index].Value;
            return value is not null;
        }

        /// <summary>The value under <paramref name="key"/>, or null when absent; convenient for chains.</summary>
        public TemplateNode? Get(string key) => TryGet(key, out var value) ? value : null;

        public TemplateMapping? GetMapping(string key) => Get(key) as TemplateMapping;

        public TemplateScalar? GetScalar(string key) => Get(key) as TemplateScalar;

        private int IndexOf(string key)
        {
            var entries = Entries;
            if (entries.Length <= IndexThreshold)
            {
                for (var i = entries.Length - 1; i >= 0; i--)
                {
                    if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
                    {
                        return i;
                    }
                }

                return -1;
            }

            var index = Volatile.Read(ref _index);
            if (index is null)
            {
                index = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
                for (var i = 0; i < entries.Length; i++)
                {
                    index[entries[i].Key] = i;
                }

                Volatile.Write(ref _index, index);
            }

            return index.TryGetValue(key, out var found) ? found : -1;
        }
    }
}
