using System;
using System.Collections.Generic;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// How one file format writes values and edits mappings in place. The merger decides what changes; a syntax
    /// decides which characters change, so that YAML and JSON templates get the same treatment.
    /// </summary>
    internal abstract class TemplateSyntax
    {
        protected TemplateSyntax(string text, int indentUnit)
        {
            Text = text;
            NewLine = text.Contains("\r\n") ? "\r\n" : "\n";
            IndentUnit = indentUnit;
        }

        public string Text { get; }

        /// <summary>The file's own line ending, so an edit does not mix CRLF into an LF file or the reverse.</summary>
        public string NewLine { get; }

        public int IndentUnit { get; }

        /// <summary>A whole new template holding <paramref name="root"/>.</summary>
        public abstract string NewDocument(TemplateValue root);

        /// <summary>Whether entries of this mapping can be replaced, removed and appended without rewriting it.</summary>
        public abstract bool CanEditInPlace(TemplateMapping mapping);

        /// <summary>Replaces one entry's value (and key, when <paramref name="newKey"/> is given).</summary>
        public abstract void Replace(TemplateMapping mapping, TemplateEntry entry, string? newKey, TemplateValue value, TextEdits edits);

        /// <summary>Removes entries (indexes into <paramref name="mapping"/>, ascending), leaving at least one.</summary>
        public abstract void Remove(TemplateMapping mapping, IReadOnlyList<int> indexes, TextEdits edits);

        /// <summary>Appends entries after the mapping's last entry.</summary>
        public abstract void Append(TemplateMapping mapping, IReadOnlyList<KeyValuePair<string, TemplateValue>> entries, TextEdits edits);

        /// <summary>The column a node starts at.</summary>
        protected static int ColumnOf(TemplateNode node) => node.LineSpan.Start.Character;

        protected int LineStart(int position)
        {
            while (position > 0 && Text[position - 1] != '\n')
            {
                position--;
            }

            return position;
        }

        /// <summary>The position after the line break that ends the line holding <paramref name="position"/>.</summary>
        protected int NextLineStart(int position)
        {
            while (position < Text.Length && Text[position] != '\n')
            {
                position++;
            }

            return Math.Min(Text.Length, position + 1);
        }

        /// <summary>
        /// Guards against entries that a YAML merge key (<c>&lt;&lt;: *base</c>) or an alias brought in from elsewhere:
        /// their text belongs to another part of the file, and editing it there would change more than this mapping.
        /// </summary>
        protected static void EnsureWrittenInside(TemplateMapping mapping, TemplateEntry entry)
        {
            if (entry.KeySpan.Start < mapping.Span.Start || entry.KeySpan.End > mapping.Span.End)
            {
                throw new TemplateEditException(
                    $"'{entry.Key}' (line {entry.KeyLineSpan.Start.Line + 1}) comes from a YAML merge key or alias; Sharpless edits only entries written in place.",
                    entry.KeyNode);
            }
        }

        protected static int ValueEnd(TemplateEntry entry) =>
            // An alias yields the anchored node, whose span is where the anchor is; the alias itself ends the key's line.
            entry.Value.Span.Start >= entry.KeySpan.End ? entry.Value.Span.End : entry.KeySpan.End;
    }

    /// <summary>A template Sharpless cannot edit safely; nothing is written, and the message says why and where.</summary>
    internal sealed class TemplateEditException : Exception
    {
        public TemplateEditException(string message, TemplateNode? node)
            : base(message)
        {
            Node = node;
        }

        public TemplateNode? Node { get; }

        /// <summary>Where the problem is when there is no node (a parse error), 1-based; 0 when unknown.</summary>
        public int Line { get; init; }

        public int Column { get; init; }
    }
}
