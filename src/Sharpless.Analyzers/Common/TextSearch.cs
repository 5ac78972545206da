using System;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Common
{
    /// <summary>Searches a <see cref="SourceText"/> in chunks, without building the whole file as one string.</summary>
    internal static class TextSearch
    {
        private const int ChunkSize = 4096;

        public static bool Contains(SourceText text, string value, StringComparison comparison)
        {
            if (value.Length == 0 || text.Length < value.Length)
            {
                return value.Length == 0;
            }

            // Chunks overlap by value.Length - 1 characters so a match across a chunk boundary is still found.
            var buffer = new char[Math.Min(text.Length, ChunkSize + value.Length - 1)];
            for (var start = 0; start < text.Length; start += ChunkSize)
            {
                var count = Math.Min(buffer.Length, text.Length - start);
                if (count < value.Length)
                {
                    break;
                }

                text.CopyTo(start, buffer, 0, count);
                if (new ReadOnlySpan<char>(buffer, 0, count).IndexOf(value.AsSpan(), comparison) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
