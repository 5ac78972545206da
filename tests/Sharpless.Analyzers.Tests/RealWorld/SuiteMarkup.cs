using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Analyzers.Tests.RealWorld;

/// <summary>
/// A marked span: an expected diagnostic (<c>{|SLS5001:…|}</c>: this ID must be reported with exactly this span) or a
/// quiet site (<c>{|quiet:…|}</c>: no Sharpless diagnostic may start inside it).
/// </summary>
internal sealed record SuiteSpan(TextSpan Span, string Id, int Line)
{
    public const string QuietMarker = "quiet";

    public bool IsQuiet => Id == QuietMarker;
}

/// <summary>
/// Reads the suite's markup. The TestKit's parser is internal and knows no quiet sites, so the suite has its own:
/// <c>{|ID:</c> opens (ID is <c>SLS</c> and digits, or <c>quiet</c>), <c>|}</c> closes the innermost open span.
/// Expected spans inside a quiet span contradict each other and are rejected.
/// </summary>
internal static class SuiteMarkup
{
    public static (string Text, ImmutableArray<SuiteSpan> Spans) Parse(string markup, string where)
    {
        var text = new StringBuilder(markup.Length);
        var spans = ImmutableArray.CreateBuilder<SuiteSpan>();
        var open = new Stack<(int Start, string Id, int Line)>();
        var line = 1;

        var i = 0;
        while (i < markup.Length)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|' && TryReadId(markup, i + 2, out var id, out var next))
            {
                if (id != SuiteSpan.QuietMarker && open.Any(o => o.Id == SuiteSpan.QuietMarker))
                {
                    throw new ArgumentException($"{where}:{line}: '{{|{id}:' is inside a quiet span; a site cannot be both expected and quiet.");
                }

                open.Push((text.Length, id, line));
                i = next;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (start, openId, openLine) = open.Pop();
                spans.Add(new SuiteSpan(TextSpan.FromBounds(start, text.Length), openId, openLine));
                i += 2;
            }
            else
            {
                if (markup[i] == '\n')
                {
                    line++;
                }

                text.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0)
        {
            var (_, id, openLine) = open.Peek();
            throw new ArgumentException($"{where}:{openLine}: '{{|{id}:' is never closed.");
        }

        return (text.ToString(), spans.OrderBy(s => s.Span.Start).ToImmutableArray());
    }

    private static bool TryReadId(string markup, int start, out string id, out int afterColon)
    {
        var end = start;
        while (end < markup.Length && char.IsLetterOrDigit(markup[end]))
        {
            end++;
        }

        id = markup[start..end];
        afterColon = end + 1;
        var isId = id == SuiteSpan.QuietMarker || (id.Length == 7 && id.StartsWith("SLS", StringComparison.Ordinal) && id[3..].All(char.IsDigit));
        return isId && end < markup.Length && markup[end] == ':';
    }
}
