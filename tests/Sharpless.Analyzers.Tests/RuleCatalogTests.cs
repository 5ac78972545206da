using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Common;

namespace Sharpless.Analyzers.Tests;

/// <summary>
/// Every shipped rule carries what design.md requires: an SLS ID in its domain's range, a help link to its docs page,
/// the page itself, and a release-tracking line. Walks the real analyzer assembly, so a new rule cannot skip any.
/// </summary>
public sealed partial class RuleCatalogTests
{
    private static readonly string RepositoryRoot = typeof(RuleCatalogTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SharplessRepositoryRoot").Value!;

    private static readonly Dictionary<char, string> CategoryByRange = new()
    {
        ['1'] = RuleCategories.Functions,
        ['2'] = RuleCategories.Http,
        ['3'] = RuleCategories.DynamoDB,
        ['4'] = RuleCategories.ColdStart,
        ['5'] = RuleCategories.Connections,
        ['6'] = RuleCategories.Networking,
        ['7'] = RuleCategories.Events,
    };

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Descriptors().Select(d => d.Id).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void TheAnalyzerAssemblyExportsRules()
    {
        Assert.Contains(Descriptors(), d => d.Id == "SLS5002");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleIsComplete(string id)
    {
        var descriptor = Descriptors().First(d => d.Id == id);

        Assert.Matches(IdPattern(), id);
        Assert.Equal(CategoryByRange[id[3]], descriptor.Category);
        Assert.Equal(RuleDescriptors.GetHelpUri(id), descriptor.HelpLinkUri);
        Assert.EndsWith($"docs/rules/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));

        var page = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing docs page {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: ", text, StringComparison.Ordinal);
        Assert.Contains(descriptor.Category, text, StringComparison.Ordinal);
        Assert.Contains("severity = none", text, StringComparison.Ordinal); // how to suppress

        var releases = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "Sharpless.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "Sharpless.Analyzers", "AnalyzerReleases.Shipped.md")));
        Assert.Contains(releases, line => line.StartsWith(id + " ", StringComparison.Ordinal) && line.Contains($"docs/rules/{id}.md", StringComparison.Ordinal));

        // The README's rules table is where users look first.
        Assert.Contains($"| [{id}](docs/rules/{id}.md) |", File.ReadAllText(Path.Combine(RepositoryRoot, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFixerFixesAShippedRule()
    {
        var ids = Descriptors().Select(d => d.Id).ToHashSet();
        var fixers = typeof(Sharpless.CodeFixes.Common.HoistToFieldFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();

        Assert.NotEmpty(fixers);
        Assert.All(fixers, f =>
        {
            Assert.NotNull(f.GetFixAllProvider());
            Assert.All(f.FixableDiagnosticIds, id => Assert.Contains(id, ids));
        });
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(RuleDescriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);

    [GeneratedRegex("^SLS[1-7][0-9]{3}$")]
    private static partial Regex IdPattern();
}
