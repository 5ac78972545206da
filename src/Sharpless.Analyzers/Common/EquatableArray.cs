using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Sharpless.Common
{
    /// <summary>
    /// An immutable array compared by its elements, for generator models: a plain ImmutableArray compares by
    /// reference, which would make every pipeline step look modified and defeat incremental caching.
    /// </summary>
    /// <remarks>
    /// A class, not a struct, because it flows through incremental pipelines: Roslyn's pipeline nodes are generic over
    /// the value type, and over a struct every node type (and the arrays, builders and tables inside it) is compiled
    /// again for each shape, while over classes they share one compiled body. As a struct it cost about 1,500 JIT
    /// compilations in every fresh compiler process, even in projects with no Sharpless attribute (issue #21;
    /// docs/performance.md).
    /// </remarks>
    internal sealed class EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        private readonly ImmutableArray<T> _items;

        public EquatableArray(ImmutableArray<T> items) => _items = items.IsDefault ? ImmutableArray<T>.Empty : items;

        public static EquatableArray<T> Empty { get; } = new(ImmutableArray<T>.Empty);

        public ImmutableArray<T> Items => _items;

        public int Count => _items.Length;

        public T this[int index] => _items[index];

        public bool Equals(EquatableArray<T>? other)
        {
            if (other is null)
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            var left = Items;
            var right = other.Items;
            if (left.Length != right.Length)
            {
                return false;
            }

            for (var i = 0; i < left.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(left[i], right[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            var hash = 17;
            foreach (var item in Items)
            {
                hash = unchecked(hash * 31 + (item?.GetHashCode() ?? 0));
            }

            return hash;
        }

        public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

        public static bool operator ==(EquatableArray<T>? left, EquatableArray<T>? right) => left is null ? right is null : left.Equals(right);

        public static bool operator !=(EquatableArray<T>? left, EquatableArray<T>? right) => !(left == right);
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new(ImmutableArray.CreateRange(items));
    }
}
