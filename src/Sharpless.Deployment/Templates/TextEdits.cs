using System;
using System.Collections.Generic;
using System.Text;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// Changes to a template as text replacements, applied together. Everything between them stays byte for byte as
    /// it was: that is how a user's comments, key order, quoting and short-form tags survive a rewrite.
    /// </summary>
    internal sealed class TextEdits
    {
        private readonly List<Edit> _edits = new();

        public int Count => _edits.Count;

        public void Replace(int start, int end, string text) => _edits.Add(new Edit(start, end, text, _edits.Count));

        public void Insert(int position, string text) => Replace(position, position, text);

        /// <summary>
        /// The text with every edit applied. Edits apply from the end of the text backwards so earlier offsets stay
        /// valid. At one position a replacement applies before an insertion, and insertions in reverse order of
        /// recording, so text inserted there reads in the order it was recorded and ahead of what replaced the rest.
        /// </summary>
        public string ApplyTo(string text)
        {
            var ordered = new List<Edit>(_edits);
            ordered.Sort((a, b) =>
            {
                var byStart = b.Start.CompareTo(a.Start);
                if (byStart != 0)
                {
                    return byStart;
                }

                var byKind = a.IsInsertion.CompareTo(b.IsInsertion);
                return byKind != 0 ? byKind : b.Order.CompareTo(a.Order);
            });

            var result = new StringBuilder(text);
            var limit = int.MaxValue;
            foreach (var edit in ordered)
            {
                if (edit.Start < 0 || edit.End > text.Length || edit.Start > edit.End || edit.End > limit)
                {
                    throw new InvalidOperationException($"Template edits overlap at {edit.Start}..{edit.End}.");
                }

                result.Remove(edit.Start, edit.End - edit.Start).Insert(edit.Start, edit.Text);
                limit = edit.Start;
            }

            return result.ToString();
        }

        private readonly struct Edit
        {
            public Edit(int start, int end, string text, int order)
            {
                Start = start;
                End = end;
                Text = text;
                Order = order;
            }

            public int Start { get; }

            public int End { get; }

            public string Text { get; }

            public int Order { get; }

            public bool IsInsertion => Start == End;
        }
    }
}
