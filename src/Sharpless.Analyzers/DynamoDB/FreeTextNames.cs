using System;
using System.Collections.Generic;

namespace Sharpless.DynamoDB
{
    /// <summary>
    /// Member names that mark a string as free text — a body, a document, notes a user types — which grows with use,
    /// unlike a name, an e-mail address or a status. Such strings are reported without a bound by default (SLS3005);
    /// other scalar strings only in strict mode. The list is in docs/rules/SLS3005.md.
    /// </summary>
    internal static class FreeTextNames
    {
        // Singular and plural forms: the head word of a name is matched exactly (case-insensitive), never a substring,
        // so "Context" does not match "text" nor "Metadata" "data".
        private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
        {
            "body", "bodies",
            "content", "contents",
            "text", "texts",
            "html",
            "markdown",
            "json",
            "payload", "payloads",
            "data",
            "description", "descriptions",
            "note", "notes",
            "comment", "comments",
            "message", "messages",
        };

        /// <summary>
        /// True when the last word of <paramref name="name"/> (its head noun in English compounds: <c>OrderNotes</c>,
        /// <c>BodyHtml</c>, <c>raw_json</c>) is a free-text word. A free-text word that only qualifies another
        /// (<c>MessageId</c>, <c>ContentType</c>, <c>BodyHash</c>) names a label, not text.
        /// </summary>
        public static bool IsFreeText(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            var words = SplitWords(name!);
            return words.Count > 0 && Words.Contains(words[words.Count - 1]);
        }

        /// <summary>Splits <c>HTMLBody</c> into HTML, Body; <c>order_notes2</c> into order, notes.</summary>
        internal static List<string> SplitWords(string name)
        {
            var words = new List<string>();
            var start = -1;
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetter(c))
                {
                    Flush(i);
                    continue;
                }

                if (start >= 0 && char.IsUpper(c))
                {
                    var previous = name[i - 1];
                    var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                    // "orderNotes": lower then upper; "HTMLBody": the last capital of a run starts the next word.
                    if (char.IsLower(previous) || (char.IsUpper(previous) && nextIsLower))
                    {
                        Flush(i);
                    }
                }

                if (start < 0)
                {
                    start = i;
                }
            }

            Flush(name.Length);
            return words;

            void Flush(int end)
            {
                if (start >= 0)
                {
                    words.Add(name.Substring(start, end - start));
                    start = -1;
                }
            }
        }
    }
}
