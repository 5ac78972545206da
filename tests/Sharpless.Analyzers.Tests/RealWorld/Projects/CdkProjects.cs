namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

internal static class CdkProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield break;
    }
}
