using System.Globalization;
using Xunit.Abstractions;

namespace Sharpless.Analyzers.Tests.RealWorld;

/// <summary>
/// The realistic-shapes suite of issue #22 (docs/accuracy.md): small projects shaped like public AWS samples, each
/// saying which diagnostics an expert expects and where Sharpless must stay quiet. One theory case per project makes a
/// failure readable; the gate asserts the suite's recall and that no quiet site draws a diagnostic.
/// </summary>
public sealed class RealWorldSuiteTests(ITestOutputHelper output)
{
    private const double RecallGate = 0.95;

    public static TheoryData<string> ProjectNames => new(RealWorldSuite.Projects.Select(p => p.Name));

    /// <summary>
    /// A project must run (its dependencies present, its code compiling, no analyzer throwing) and draw no false
    /// positive: nothing at a quiet site, no project-level ID it must not get, no warning nobody expected. Its misses
    /// are printed here and counted by <see cref="Suite_FindsAtLeast95PercentOfExpectedDiagnostics_AndNothingAtQuietSites"/>.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProjectNames))]
    public async Task Project_RunsWithoutFalsePositives(string name)
    {
        var result = (await RealWorldSuite.ResultsAsync()).Single(r => r.Project.Name == name);
        foreach (var miss in result.Missed)
        {
            output.WriteLine("missed: " + miss);
        }

        foreach (var info in result.UnexpectedInfos)
        {
            output.WriteLine("unexpected info (not counted): " + info);
        }

        Assert.True(result.Status == ProjectStatus.Ran, $"{name} did not run ({result.Status}): {result.Reason}");
        Assert.True(
            result.FalsePositives == 0,
            $"{name} has {result.FalsePositives} false positive(s):\n" +
            string.Join("\n", result.QuietFalsePositives.Concat(result.UnexpectedWarnings).Select(f => "  " + f)) +
            $"\n(found {result.Found} of {result.Expected} expected)");
    }

    [Fact]
    public async Task Suite_FindsAtLeast95PercentOfExpectedDiagnostics_AndNothingAtQuietSites()
    {
        var results = await RealWorldSuite.ResultsAsync();
        var report = AccuracyReport.Render(results);
        output.WriteLine(report);
        output.WriteLine("written to " + AccuracyReport.ReportPath);

        var totals = AccuracyReport.Totals(results);
        var recall = AccuracyReport.Recall(totals.Expected, totals.Found);
        Assert.True(totals.QuietFalsePositives == 0, $"{totals.QuietFalsePositives} diagnostic(s) at quiet sites; see the details in the report:\n{report}");
        Assert.True(recall >= RecallGate, string.Create(CultureInfo.InvariantCulture, $"Recall {recall:P1} is below {RecallGate:P0} ({totals.Found} of {totals.Expected} expected diagnostics found); see the report:\n{report}"));
    }

    [Fact]
    public void Suite_HasAtLeast40Projects_EachSayingWhatItExpectsAndWhereItMustStayQuiet()
    {
        var projects = RealWorldSuite.Projects;
        Assert.True(projects.Length >= 40, $"The suite has {projects.Length} projects; issue #22 asks for at least 40.");
        var silent = projects.Where(p => p.ExpectedCount == 0 && p.QuietSiteCount == 0).Select(p => p.Name).ToList();
        Assert.True(silent.Count == 0, "Projects that state nothing to check: " + string.Join(", ", silent));
        Assert.True(projects.Sum(p => p.QuietSiteCount) > 0 && projects.Sum(p => p.ExpectedCount) > 0);
    }
}
