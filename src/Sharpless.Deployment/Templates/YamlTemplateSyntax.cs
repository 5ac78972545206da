using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// SAM YAML: block mappings and sequences, CloudFormation's short-form tags (<c>!Ref</c>, <c>!GetAtt</c>), plain
    /// scalars where YAML reads them back as the same string and single quotes where it would not.
    /// </summary>
    internal sealed class YamlTemplateSyntax : TemplateSyntax
    {
        private static readonly Regex LooksLikeTimestampOrBase60 = new Regex(
            @"^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)",
            RegexOptions.CultureInvariant);

        public YamlTemplateSyntax(string text, int indentUnit = 2)
            : base(text, indentUnit)
        {
        }

        public override string NewDocument(TemplateValue root)
        {
            var text = new StringBuilder();
            foreach (var entry in root.Entries)
            {
                text.Append(RenderEntry(entry.Key, entry.Value, 0)).Append(NewLine);
            }

            return text.ToString();
        }

        public override bool CanEditInPlace(TemplateMapping mapping)
        {
            // A flow mapping ({ a: 1 }) is rewritten whole; block mappings are edited line by line.
            var start = mapping.Span.Start;
            while (start < mapping.Span.End && (Text[start] == '&' || Text[start] == '!'))
            {
                // Skip an anchor or tag written before the mapping.
                while (start < mapping.Span.End && !char.IsWhiteSpace(Text[start]))
                {
                    start++;
                }

                while (start < mapping.Span.End && char.IsWhiteSpace(Text[start]))
                {
                    start++;
                }
            }

            return mapping.Count > 0 && start < Text.Length && Text[start] != '{';
        }

        public override void Replace(TemplateMapping mapping, TemplateEntry entry, string? newKey, TemplateValue value, TextEdits edits)
        {
            EnsureWrittenInside(mapping, entry);
            var column = ColumnOf(entry.KeyNode);
            var end = entry.Value.Span.Start >= entry.KeySpan.End ? entry.Value.Span.End : LineContentEnd(entry.KeySpan.End);
            if (entry.Value is TemplateScalar { IsNull: true } && entry.Value.Span.Length == 0)
            {
                end = entry.KeySpan.End;
                while (end < Text.Length && Text[end] == ':')
                {
                    end++;
                }
            }

            end = EndOfLineValue(end);

            // The key stays as the user wrote it (quoted or not) unless it changes.
            var key = newKey is null ? KeyText(entry) : Scalar(newKey);
            edits.Replace(entry.KeySpan.Start, end, RenderEntryWithKeyText(key, value, column));
        }

        public override void Remove(TemplateMapping mapping, IReadOnlyList<int> indexes, TextEdits edits)
        {
            foreach (var index in indexes)
            {
                var entry = mapping.Entries[index];
                EnsureWrittenInside(mapping, entry);
                var lineStart = LineStart(entry.KeySpan.Start);
                if (!IsBlank(lineStart, entry.KeySpan.Start))
                {
                    throw new TemplateEditException($"'{entry.Key}' does not start its line; Sharpless removes only whole lines.", entry.KeyNode);
                }

                var end = NextLineStart(Math.Max(entry.KeySpan.End, ValueEnd(entry)) - 1);
                edits.Replace(lineStart, end, string.Empty);
            }
        }

        public override void Append(TemplateMapping mapping, IReadOnlyList<KeyValuePair<string, TemplateValue>> entries, TextEdits edits)
        {
            var last = mapping.Entries[mapping.Count - 1];
            EnsureWrittenInside(mapping, last);
            var column = ColumnOf(mapping.Entries[0].KeyNode);
            var position = NextLineStart(Math.Max(last.KeySpan.End, ValueEnd(last)) - 1);
            var text = new StringBuilder();
            if (position == Text.Length && Text.Length > 0 && Text[Text.Length - 1] != '\n')
            {
                text.Append(NewLine);
            }

            foreach (var entry in entries)
            {
                text.Append(' ', column).Append(RenderEntry(entry.Key, entry.Value, column)).Append(NewLine);
            }

            edits.Insert(position, text.ToString());
        }

        /// <summary><c>key: value</c> as it starts at <paramref name="column"/>; later lines carry their own indentation.</summary>
        public string RenderEntry(string key, TemplateValue value, int column) => RenderEntryWithKeyText(Scalar(key), value, column);

        private string RenderEntryWithKeyText(string keyText, TemplateValue value, int column)
        {
            var text = new StringBuilder(keyText).Append(':');
            AppendValueAfterKey(text, value, column);
            return text.ToString();
        }

        private void AppendValueAfterKey(StringBuilder text, TemplateValue value, int column)
        {
            if (value.Kind == TemplateValueKind.Mapping && value.Entries.Count > 0)
            {
                foreach (var entry in value.Entries)
                {
                    text.Append(NewLine).Append(' ', column + IndentUnit).Append(RenderEntry(entry.Key, entry.Value, column + IndentUnit));
                }
            }
            else if (value.Kind == TemplateValueKind.Sequence && value.Items.Count > 0)
            {
                foreach (var item in value.Items)
                {
                    text.Append(NewLine).Append(' ', column + IndentUnit).Append("- ");
                    AppendItem(text, item, column + IndentUnit + 2);
                }
            }
            else
            {
                text.Append(' ').Append(Inline(value));
            }
        }

        private void AppendItem(StringBuilder text, TemplateValue item, int column)
        {
            if (item.Kind == TemplateValueKind.Mapping && item.Entries.Count > 0)
            {
                // A compact mapping: its first key sits after "- ", the others line up under it.
                for (var i = 0; i < item.Entries.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(NewLine).Append(' ', column);
                    }

                    text.Append(RenderEntry(item.Entries[i].Key, item.Entries[i].Value, column));
                }
            }
            else if (item.Kind == TemplateValueKind.Sequence && item.Items.Count > 0)
            {
                text.Append(Inline(item));
            }
            else
            {
                text.Append(Inline(item));
            }
        }

        private static string Inline(TemplateValue value)
        {
            switch (value.Kind)
            {
                case TemplateValueKind.Text:
                    return Scalar(value.Text);
                case TemplateValueKind.Number:
                    return value.Text;
                case TemplateValueKind.Reference:
                    return "!Ref " + Scalar(value.Text);
                case TemplateValueKind.Attribute:
                    return "!GetAtt " + Scalar(value.Text);
                case TemplateValueKind.Sequence:
                    var items = new List<string>();
                    foreach (var item in value.Items)
                    {
                        items.Add(Inline(item));
                    }

                    return "[" + string.Join(", ", items) + "]";
                case TemplateValueKind.Mapping:
                    var entries = new List<string>();
                    foreach (var entry in value.Entries)
                    {
                        entries.Add(Scalar(entry.Key) + ": " + Inline(entry.Value));
                    }

                    return entries.Count == 0 ? "{}" : "{ " + string.Join(", ", entries) + " }";
                default:
                    throw new InvalidOperationException("Unknown template value.");
            }
        }

        /// <summary>
        /// A string as a plain scalar when every YAML loader reads it back as that same string, else single-quoted.
        /// Quoted: anything YAML would type (numbers such as <c>2.0</c>, <c>true</c>, <c>null</c>), text starting
        /// with an indicator, and text holding <c>": "</c> or <c>" #"</c>.
        /// </summary>
        internal static string Scalar(string text)
        {
            foreach (var c in text)
            {
                if (char.IsControl(c))
                {
                    // A line break inside single quotes reads back as a space (line folding); JSON's escapes are
                    // valid in a YAML double-quoted scalar and read back exactly.
                    return JsonTemplateSyntax.Quote(text);
                }
            }

            return NeedsQuotes(text) ? "'" + text.Replace("'", "''") + "'" : text;
        }

        private static bool NeedsQuotes(string text)
        {
            if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1]))
            {
                return true;
            }

            if ("-?:,[]{}#&*!|>'\"%@`".IndexOf(text[0]) >= 0 || text.EndsWith(":", StringComparison.Ordinal))
            {
                return true;
            }

            if (text.Contains(": ") || text.Contains(" #") || text.Contains("\t"))
            {
                return true;
            }

            foreach (var c in text)
            {
                if (char.IsControl(c))
                {
                    return true;
                }
            }

            switch (text.ToLowerInvariant())
            {
                case "true":
                case "false":
                case "yes":
                case "no":
                case "on":
                case "off":
                case "y":
                case "n":
                case "null":
                case "~":
                case ".nan":
                case ".inf":
                    return true;
            }

            // Anything a loader might take for a number: digits with signs, dots, exponents, 0x/0o prefixes, underscores;
            // YAML 1.1 timestamps (2010-09-09, which PyYAML, and so SAM CLI and cfn-lint, read as a date) and
            // base-60 numbers (1:30 is 90 in YAML 1.1).
            return double.TryParse(text.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out _) ||
                text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ||
                text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ||
                LooksLikeTimestampOrBase60.IsMatch(text);
        }

        /// <summary>
        /// Where the replaced value really ends. In block YAML only spaces and a comment may follow a value on its line;
        /// anything else there (a tag with nothing after it, say) belongs to the value even when the parser's span
        /// stops short of it, and is replaced with it. A comment stays.
        /// </summary>
        private int EndOfLineValue(int end)
        {
            var lineEnd = LineContentEnd(end);
            var contentEnd = end;
            for (var i = end; i < lineEnd; i++)
            {
                if (Text[i] == '#' && (i == 0 || Text[i - 1] == ' ' || Text[i - 1] == '\t'))
                {
                    break;
                }

                if (Text[i] != ' ' && Text[i] != '\t')
                {
                    contentEnd = i + 1;
                }
            }

            return contentEnd;
        }

        private string KeyText(TemplateEntry entry) => Text.Substring(entry.KeySpan.Start, entry.KeySpan.Length);

        private int LineContentEnd(int position)
        {
            while (position < Text.Length && Text[position] != '\n' && Text[position] != '\r')
            {
                position++;
            }

            return position;
        }

        private bool IsBlank(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (Text[i] != ' ')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
