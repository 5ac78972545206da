namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

internal static class DelegateAndContainerProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield break;
    }
}
