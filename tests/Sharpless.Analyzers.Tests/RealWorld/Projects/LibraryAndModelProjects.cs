namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

internal static class LibraryAndModelProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield break;
    }
}
