using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Sharpless.Analyzers.Tests.RealWorld;

/// <summary>
/// The realistic-shapes projects as they look while being typed: every analyzer over each C# file of each project cut
/// at evenly spaced prefixes and with single tokens deleted, the rest of the project (other files, deployment files,
/// packages, .editorconfig) intact. The handler discovery, delegate and container walks and deployment-code scan of
/// issue #22 meet half-written code here first; none may throw (AD0001 in a user's build). The prefixes cut mid-token.
/// </summary>
public sealed class RealWorldHalfTypedTests(ITestOutputHelper output)
{
    // Bounded for CI: about 10 analyses per file. SHARPLESS_FULL_SWEEP=1 cuts after every token instead.
    private const int Cuts = 8;
    private const int Deletions = 2;

    private static bool FullSweep => Environment.GetEnvironmentVariable("SHARPLESS_FULL_SWEEP") is "1" or "true";

    public static TheoryData<string> ProjectNames => RealWorldSuiteTests.ProjectNames;

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public async Task Prefixes_AndTokenDeletions_OfEachFile_NeverThrow(string name)
    {
        var project = RealWorldSuite.Projects.Single(p => p.Name == name);
        var runs = 0;
        foreach (var file in project.Files.Where(f => f.IsSource))
        {
            var text = file.Text;
            var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
            var cuts = FullSweep
                ? tokens.Select(t => t.Span.End).Prepend(0).Distinct().ToArray()
                : Enumerable.Range(0, Cuts).Select(i => i * text.Length / Cuts).Distinct().ToArray();
            foreach (var length in cuts)
            {
                runs += await AnalyzeAsync(project, file.Path, text[..length]);
            }

            var random = new Random(StableSeed(name + file.Path));
            for (var i = 0; i < (FullSweep ? 100 : Deletions) && tokens.Length > 0; i++)
            {
                var token = tokens[random.Next(tokens.Length)];
                runs += await AnalyzeAsync(project, file.Path, text.Remove(token.SpanStart, token.Span.Length));
            }
        }

        output.WriteLine($"{name}: {runs} half-typed analyses");
        Assert.True(runs >= Cuts, $"{name}: only {runs} analyses ran (a dependency missing?)");
    }

    private static async Task<int> AnalyzeAsync(RealWorldProject project, string path, string text)
    {
        // AnalyzeHalfTypedAsync fails the test with the analyzer's exception; null only when the project cannot run.
        var diagnostics = await SuiteRunner.AnalyzeHalfTypedAsync(project, path, text);
        if (diagnostics is null)
        {
            return 0;
        }

        Assert.DoesNotContain(diagnostics.Value, d => d.Id == "AD0001");
        return 1;
    }

    private static int StableSeed(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }
}
