using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.TestKit;

/// <summary>A span marked in test source: <c>[|…|]</c> (Id is null: the default rule) or <c>{|ID:…|}</c>.</summary>
internal sealed record MarkupSpan(TextSpan Span, string? Id);

internal sealed record MarkupResult(string Text, ImmutableArray<MarkupSpan> Spans);

/// <summary>
/// Strips diagnostic markup from test source. Spans may nest, so open markers go on a stack and each close
/// marker must match the kind of the innermost open one.
/// </summary>
internal static class MarkupParser
{
    public static MarkupResult Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = ImmutableArray.CreateBuilder<MarkupSpan>();
        var open = new Stack<(int Start, string? Id, int MarkupOffset)>();

        var i = 0;
        while (i < markup.Length)
        {
            if (StartsWith(markup, i, "[|"))
            {
                open.Push((text.Length, null, i));
                i += 2;
            }
            else if (StartsWith(markup, i, "{|") && TryReadId(markup, i + 2, out var id, out var afterColon))
            {
                open.Push((text.Length, id, i));
                i = afterColon;
            }
            else if (StartsWith(markup, i, "|]"))
            {
                Close(open, spans, text.Length, expectsId: false, markup, i);
                i += 2;
            }
            else if (StartsWith(markup, i, "|}"))
            {
                Close(open, spans, text.Length, expectsId: true, markup, i);
                i += 2;
            }
            else
            {
                text.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0)
        {
            var (_, id, offset) = open.Peek();
            throw new ArgumentException($"Unbalanced markup: '{(id is null ? "[|" : "{|" + id + ":")}' opened at {Describe(markup, offset)} is never closed.", nameof(markup));
        }

        var ordered = spans.OrderBy(s => s.Span.Start).ThenByDescending(s => s.Span.End).ToImmutableArray();
        return new MarkupResult(text.ToString(), ordered);
    }

    private static void Close(Stack<(int Start, string? Id, int MarkupOffset)> open, ImmutableArray<MarkupSpan>.Builder spans, int end, bool expectsId, string markup, int offset)
    {
        var marker = expectsId ? "|}" : "|]";
        if (open.Count == 0)
        {
            throw new ArgumentException($"Unbalanced markup: '{marker}' at {Describe(markup, offset)} closes nothing.", nameof(markup));
        }

        var (start, id, openOffset) = open.Pop();
        if ((id is not null) != expectsId)
        {
            var opener = id is null ? "[|" : "{|" + id + ":";
            throw new ArgumentException($"Unbalanced markup: '{marker}' at {Describe(markup, offset)} closes '{opener}' opened at {Describe(markup, openOffset)}.", nameof(markup));
        }

        spans.Add(new MarkupSpan(TextSpan.FromBounds(start, end), id));
    }

    // A rule id is what a descriptor would use: letters, digits, '_', '.', '-'. Anything else after "{|" is code.
    private static bool TryReadId(string markup, int start, out string id, out int afterColon)
    {
        var i = start;
        while (i < markup.Length && (char.IsLetterOrDigit(markup[i]) || markup[i] is '_' or '.' or '-'))
        {
            i++;
        }

        if (i > start && i < markup.Length && markup[i] == ':')
        {
            id = markup[start..i];
            afterColon = i + 1;
            return true;
        }

        id = string.Empty;
        afterColon = start;
        return false;
    }

    private static bool StartsWith(string text, int index, string value) =>
        string.CompareOrdinal(text, index, value, 0, value.Length) == 0;

    private static string Describe(string markup, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (markup[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return $"line {line}, column {column}";
    }
}
