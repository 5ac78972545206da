namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

internal static class AspNetCoreProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield break;
    }
}
