using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.TestKit;

/// <summary>
/// Writes source back with <c>{|ID:…|}</c> around each reported span: pasting it into the test is the quickest
/// way to accept what an analyzer reports after checking it is right.
/// </summary>
internal static class ActualMarkupRenderer
{
    public static string Render(string text, IEnumerable<(TextSpan Span, string Id)> diagnostics)
    {
        // At one position: closes first (inner spans, which started later, before outer ones), then empty spans,
        // then opens (outer spans, which end later, before inner ones). That keeps nested markers well formed.
        var events = new List<(int Position, int Group, int Order, string Marker)>();
        foreach (var (span, id) in diagnostics)
        {
            if (span.IsEmpty)
            {
                events.Add((span.Start, 1, 0, "{|" + id + ":|}"));
            }
            else
            {
                events.Add((span.End, 0, -span.Start, "|}"));
                events.Add((span.Start, 2, -span.End, "{|" + id + ":"));
            }
        }

        var result = new StringBuilder(text.Length + (events.Count * 10));
        var next = 0;
        foreach (var (position, _, _, marker) in events.OrderBy(e => e.Position).ThenBy(e => e.Group).ThenBy(e => e.Order))
        {
            var clamped = Math.Min(position, text.Length);
            result.Append(text, next, clamped - next).Append(marker);
            next = clamped;
        }

        return result.Append(text, next, text.Length - next).ToString();
    }
}
