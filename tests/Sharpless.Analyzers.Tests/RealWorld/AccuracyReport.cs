using System.Globalization;
using System.Text;

namespace Sharpless.Analyzers.Tests.RealWorld;

/// <summary>
/// The suite's precision/recall table (markdown), written to <c>$SHARPLESS_ACCURACY_REPORT</c> when set (eng/test.sh
/// sets it and prints the file before its closing <c>Tests:</c> line), else to TestResults/accuracy.md in the test
/// output folder.
/// </summary>
internal static class AccuracyReport
{
    public static string ReportPath =>
        Environment.GetEnvironmentVariable("SHARPLESS_ACCURACY_REPORT") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "accuracy.md");

    public static (int Expected, int Found, int QuietSites, int QuietFalsePositives, int UnexpectedWarnings, int UnexpectedInfos) Totals(IReadOnlyList<ProjectResult> results) => (
        results.Sum(r => r.Expected),
        results.Sum(r => r.Found),
        results.Sum(r => r.Project.QuietSiteCount),
        results.Sum(r => r.QuietFalsePositives.Length),
        results.Sum(r => r.UnexpectedWarnings.Length),
        results.Sum(r => r.UnexpectedInfos.Length));

    public static double Recall(int expected, int found) => expected == 0 ? 1 : (double)found / expected;

    public static double Precision(int found, int falsePositives) => found + falsePositives == 0 ? 1 : (double)found / (found + falsePositives);

    public static string Render(IReadOnlyList<ProjectResult> results)
    {
        var text = new StringBuilder();
        var t = Totals(results);
        text.Append("## Realistic-shapes suite: precision and recall\n\n");
        text.Append(Invariant($"{results.Count} projects, every Sharpless analyzer. Recall = expected diagnostics found at their exact site / expected; precision = found / (found + false positives), a false positive being a diagnostic at a quiet site (or a project-level ID the project must not get) or an unexpected warning/error. Unexpected info-level diagnostics are listed, not counted.\n\n"));
        text.Append("| Project | Shape | Expected | Found | Recall | Quiet sites | FP at quiet sites | Unexpected warnings | Unexpected info | Status |\n");
        text.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in results)
        {
            text.Append(Invariant($"| {r.Project.Name} | {r.Project.Shape} | {r.Expected} | {r.Found} | {Percent(Recall(r.Expected, r.Found))} | {r.Project.QuietSiteCount} | {r.QuietFalsePositives.Length} | {r.UnexpectedWarnings.Length} | {r.UnexpectedInfos.Length} | {Status(r)} |\n"));
        }

        var falsePositives = t.QuietFalsePositives + t.UnexpectedWarnings;
        text.Append(Invariant($"| **Total** | {results.Count} projects | {t.Expected} | {t.Found} | **{Percent(Recall(t.Expected, t.Found))}** | {t.QuietSites} | {t.QuietFalsePositives} | {t.UnexpectedWarnings} | {t.UnexpectedInfos} | precision **{Percent(Precision(t.Found, falsePositives))}** |\n\n"));

        var details = results.Where(r => r.Status != ProjectStatus.Ran || r.Missed.Length > 0 || r.QuietFalsePositives.Length > 0 || r.UnexpectedWarnings.Length > 0 || r.UnexpectedInfos.Length > 0).ToList();
        if (details.Count > 0)
        {
            text.Append("### Details\n\n");
            foreach (var r in details)
            {
                text.Append("- **").Append(r.Project.Name).Append("**");
                if (r.Reason is not null)
                {
                    text.Append(" — ").Append(r.Status == ProjectStatus.NotRunnable ? "not runnable: " : "failed: ").Append(FirstLine(r.Reason));
                }

                text.Append('\n');
                if (r.Status == ProjectStatus.Ran)
                {
                    Append(text, "missed", r.Missed);
                }

                Append(text, "false positive (quiet site)", r.QuietFalsePositives.Select(f => f.ToString()));
                Append(text, "false positive (unexpected warning)", r.UnexpectedWarnings.Select(f => f.ToString()));
                Append(text, "unexpected info (not counted)", r.UnexpectedInfos.Select(f => f.ToString()));
            }
        }

        return text.ToString();
    }

    public static void Write(string report)
    {
        var path = ReportPath;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, report);
    }

    private static void Append(StringBuilder text, string label, IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            text.Append("  - ").Append(label).Append(": ").Append(item.Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal)).Append('\n');
        }
    }

    private static string Status(ProjectResult r) => r.Status switch
    {
        ProjectStatus.NotRunnable => "**not runnable**",
        ProjectStatus.Failed => "**failed**",
        _ => r.FalsePositives > 0 ? "false positives" : r.Found < r.Expected ? "misses" : "ok",
    };

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? text;
        var rest = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Take(3);
        return string.Join(" / ", new[] { line }.Concat(rest)).Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
