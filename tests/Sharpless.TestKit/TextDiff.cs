using System.Text;

namespace Sharpless.TestKit;

/// <summary>
/// A line diff (longest common subsequence) with a little context around each change: enough to see what a
/// fixer or generator got wrong without pasting both texts into a diff tool.
/// </summary>
public static class TextDiff
{
    private const int Context = 3;

    public static string Render(string expected, string actual)
    {
        var left = SplitLines(expected);
        var right = SplitLines(actual);
        var edits = Diff(left, right);

        var output = new StringBuilder("--- expected\n+++ actual\n");
        if (edits.All(e => e.Kind == ' '))
        {
            return output.Append(expected == actual
                ? "(texts are identical)\n"
                : "(lines are identical; the texts differ only in line endings or a final newline)\n").ToString();
        }

        var changed = edits.Select((e, i) => (e, i)).Where(x => x.e.Kind != ' ').Select(x => x.i).ToList();
        var shown = new bool[edits.Count];
        foreach (var index in changed)
        {
            for (var i = Math.Max(0, index - Context); i <= Math.Min(edits.Count - 1, index + Context); i++)
            {
                shown[i] = true;
            }
        }

        for (var i = 0; i < edits.Count; i++)
        {
            if (!shown[i])
            {
                continue;
            }

            if (i == 0 || !shown[i - 1])
            {
                output.Append("@@ expected line ").Append(edits[i].LeftLine + 1).Append(", actual line ").Append(edits[i].RightLine + 1).Append(" @@\n");
            }

            output.Append(edits[i].Kind).Append(' ').Append(edits[i].Text).Append('\n');
        }

        return output.ToString();
    }

    internal static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string[] SplitLines(string text) => Normalize(text).Split('\n');

    private static List<(char Kind, string Text, int LeftLine, int RightLine)> Diff(string[] left, string[] right)
    {
        // Trim the common head and tail first: real diffs are small changes in long files, and the LCS table is
        // quadratic in what remains.
        var head = 0;
        while (head < left.Length && head < right.Length && left[head] == right[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < left.Length - head && tail < right.Length - head && left[left.Length - 1 - tail] == right[right.Length - 1 - tail])
        {
            tail++;
        }

        var n = left.Length - head - tail;
        var m = right.Length - head - tail;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = left[head + i] == right[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, string, int, int)>();
        for (var k = 0; k < head; k++)
        {
            edits.Add((' ', left[k], k, k));
        }

        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && left[head + a] == right[head + b])
            {
                edits.Add((' ', left[head + a], head + a, head + b));
                a++;
                b++;
            }
            else if (a < n && (b == m || lcs[a + 1, b] >= lcs[a, b + 1]))
            {
                edits.Add(('-', left[head + a], head + a, head + b));
                a++;
            }
            else
            {
                edits.Add(('+', right[head + b], head + a, head + b));
                b++;
            }
        }

        for (var k = 0; k < tail; k++)
        {
            edits.Add((' ', left[head + n + k], head + n + k, head + m + k));
        }

        return edits;
    }
}
