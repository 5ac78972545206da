namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

internal static class DeploymentFileProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield break;
    }
}
