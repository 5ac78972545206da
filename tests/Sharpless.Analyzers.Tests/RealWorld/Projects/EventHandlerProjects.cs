namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

internal static class EventHandlerProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield break;
    }
}
