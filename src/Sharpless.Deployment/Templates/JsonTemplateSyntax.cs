using System;
using System.Collections.Generic;
using System.Text;
using Sharpless.Common;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// CloudFormation JSON (<c>serverless.template</c>, <c>template.json</c>): objects edited entry by entry with the
    /// commas kept right, values written the way the AWS Lambda tooling writes them (one entry per line, two-space
    /// indentation unless the file uses another).
    /// </summary>
    internal sealed class JsonTemplateSyntax : TemplateSyntax
    {
        public JsonTemplateSyntax(string text, int indentUnit = 2)
            : base(text, indentUnit)
        {
        }

        public override string NewDocument(TemplateValue root) => Render(root, 0) + NewLine;

        public override bool CanEditInPlace(TemplateMapping mapping) => true;

        public override void Replace(TemplateMapping mapping, TemplateEntry entry, string? newKey, TemplateValue value, TextEdits edits)
        {
            var indent = LineIndentation(entry.KeySpan.Start);
            var rendered = Render(value, indent);
            if (newKey is null)
            {
                edits.Replace(entry.Value.Span.Start, entry.Value.Span.End, rendered);
            }
            else
            {
                edits.Replace(entry.KeySpan.Start, entry.Value.Span.End, Quote(newKey) + ": " + rendered);
            }
        }

        public override void Remove(TemplateMapping mapping, IReadOnlyList<int> indexes, TextEdits edits)
        {
            var removed = new HashSet<int>(indexes);
            var entries = mapping.Entries;
            var i = 0;
            while (i < entries.Length)
            {
                if (!removed.Contains(i))
                {
                    i++;
                    continue;
                }

                // A run of removed entries [first, last].
                var first = i;
                while (i + 1 < entries.Length && removed.Contains(i + 1))
                {
                    i++;
                }

                var last = i;
                i++;
                if (last + 1 < entries.Length)
                {
                    // Followed by a kept entry: remove from this run's first key to the next key, comma included.
                    edits.Replace(LineStartOrSelf(entries[first].KeySpan.Start), LineStartOrSelf(entries[last + 1].KeySpan.Start), string.Empty);
                }
                else if (first > 0)
                {
                    // At the end: remove from the end of the last kept value, taking the comma before the run.
                    edits.Replace(entries[first - 1].Value.Span.End, entries[last].Value.Span.End, string.Empty);
                }
                else
                {
                    throw new InvalidOperationException("Removing every entry of a mapping; remove the mapping instead.");
                }
            }
        }

        public override void Append(TemplateMapping mapping, IReadOnlyList<KeyValuePair<string, TemplateValue>> entries, TextEdits edits)
        {
            var text = new StringBuilder();
            if (mapping.Count == 0)
            {
                var outer = LineIndentation(mapping.Span.Start);
                for (var i = 0; i < entries.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",").Append(NewLine).Append(' ', outer + IndentUnit)
                        .Append(Quote(entries[i].Key)).Append(": ").Append(Render(entries[i].Value, outer + IndentUnit));
                }

                text.Append(NewLine).Append(' ', outer);
                edits.Replace(mapping.Span.Start + 1, mapping.Span.End - 1, text.ToString());
                return;
            }

            var last = mapping.Entries[mapping.Count - 1];
            var indent = LineIndentation(last.KeySpan.Start);
            foreach (var entry in entries)
            {
                text.Append(',').Append(NewLine).Append(' ', indent).Append(Quote(entry.Key)).Append(": ").Append(Render(entry.Value, indent));
            }

            edits.Insert(last.Value.Span.End, text.ToString());
        }

        private string Render(TemplateValue value, int indent)
        {
            switch (value.Kind)
            {
                case TemplateValueKind.Text:
                    return Quote(value.Text);
                case TemplateValueKind.Number:
                    return value.Text;
                case TemplateValueKind.Reference:
                    return "{ \"Ref\": " + Quote(value.Text) + " }";
                case TemplateValueKind.Attribute:
                    var dot = value.Text.IndexOf('.');
                    return "{ \"Fn::GetAtt\": [ " + Quote(value.Text.Substring(0, dot)) + ", " + Quote(value.Text.Substring(dot + 1)) + " ] }";
                case TemplateValueKind.Sequence when value.Items.Count == 0:
                    return "[]";
                case TemplateValueKind.Mapping when value.Entries.Count == 0:
                    return "{}";
                case TemplateValueKind.Sequence:
                {
                    var text = new StringBuilder("[");
                    for (var i = 0; i < value.Items.Count; i++)
                    {
                        text.Append(i == 0 ? string.Empty : ",").Append(NewLine).Append(' ', indent + IndentUnit).Append(Render(value.Items[i], indent + IndentUnit));
                    }

                    return text.Append(NewLine).Append(' ', indent).Append(']').ToString();
                }

                case TemplateValueKind.Mapping:
                {
                    var text = new StringBuilder("{");
                    for (var i = 0; i < value.Entries.Count; i++)
                    {
                        var entry = value.Entries[i];
                        text.Append(i == 0 ? string.Empty : ",").Append(NewLine).Append(' ', indent + IndentUnit)
                            .Append(Quote(entry.Key)).Append(": ").Append(Render(entry.Value, indent + IndentUnit));
                    }

                    return text.Append(NewLine).Append(' ', indent).Append('}').ToString();
                }

                default:
                    throw new InvalidOperationException("Unknown template value.");
            }
        }

        internal static string Quote(string text) => new StringBuilder(text.Length + 2).AppendString(text).ToString();

        /// <summary>The indentation of the line holding <paramref name="position"/>.</summary>
        private int LineIndentation(int position)
        {
            var start = LineStart(position);
            var column = 0;
            while (start + column < Text.Length && Text[start + column] == ' ')
            {
                column++;
            }

            return column;
        }

        /// <summary>The start of the line when only spaces precede <paramref name="position"/> on it, so a removed entry takes its indentation along.</summary>
        private int LineStartOrSelf(int position)
        {
            var start = LineStart(position);
            for (var i = start; i < position; i++)
            {
                if (Text[i] != ' ' && Text[i] != '\t')
                {
                    return position;
                }
            }

            return start;
        }
    }
}
