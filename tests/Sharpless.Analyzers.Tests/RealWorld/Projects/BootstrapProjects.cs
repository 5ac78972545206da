namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

internal static class BootstrapProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield break;
    }
}
