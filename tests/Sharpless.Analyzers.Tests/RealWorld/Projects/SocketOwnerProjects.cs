namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

internal static class SocketOwnerProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield break;
    }
}
