using System.Collections.Immutable;
using Sharpless.Analyzers.Tests.RealWorld.Projects;

namespace Sharpless.Analyzers.Tests.RealWorld;

/// <summary>Every suite project, and their results computed once per test run (the theory cases and the gate share them).</summary>
internal static class RealWorldSuite
{
    private static readonly Lazy<ImmutableArray<RealWorldProject>> Catalog = new(() =>
    {
        var projects = CdkProjects.All()
            .Concat(DeploymentFileProjects.All())
            .Concat(EventHandlerProjects.All())
            .Concat(BootstrapProjects.All())
            .Concat(AspNetCoreProjects.All())
            .Concat(DelegateAndContainerProjects.All())
            .Concat(LibraryAndModelProjects.All())
            .Concat(SocketOwnerProjects.All())
            .Concat(TriggerConfigurationProjects.All())
            .ToImmutableArray();
        var duplicate = projects.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? projects : throw new InvalidOperationException($"Two suite projects are named '{duplicate.Key}'.");
    });

    private static readonly Lazy<Task<ImmutableArray<ProjectResult>>> Results = new(RunAllAsync);

    public static ImmutableArray<RealWorldProject> Projects => Catalog.Value;

    public static Task<ImmutableArray<ProjectResult>> ResultsAsync() => Results.Value;

    private static async Task<ImmutableArray<ProjectResult>> RunAllAsync()
    {
        var results = ImmutableArray.CreateBuilder<ProjectResult>();
        foreach (var project in Projects)
        {
            results.Add(await SuiteRunner.RunAsync(project));

            // A project's compilation is garbage once its diagnostics are sorted. Collecting here keeps the test host's
            // peak near one compilation (the suite compiles dozens, each against the AWS SDK and the framework), which
            // matters on machines that run several test hosts at once.
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var all = results.ToImmutable();
        AccuracyReport.Write(AccuracyReport.Render(all));
        return all;
    }
}
