using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.TestKit;

/// <summary>
/// Builds an AdhocWorkspace project equal to the test compilation (same paths, options, references, additional
/// and config files): code fixes need Documents, and they must see the diagnostics the analyzer check saw.
/// </summary>
internal static class WorkspaceFactory
{
    public static (AdhocWorkspace Workspace, ProjectId ProjectId) Create(TestProject project)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId(project.Spec.AssemblyName);

        var info = ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                name: project.Spec.AssemblyName,
                assemblyName: project.Spec.AssemblyName,
                language: LanguageNames.CSharp,
                filePath: SourcePaths.Root + project.Spec.AssemblyName + ".csproj",
                compilationOptions: project.CompilationOptions,
                parseOptions: project.ParseOptions,
                documents: project.Spec.Sources.Select(s => Document(projectId, s.Path, s.Text)),
                metadataReferences: project.Spec.References,
                additionalDocuments: project.Spec.AdditionalFiles.Select(f => Document(projectId, f.Path, f.Text)))
            .WithAnalyzerConfigDocuments(project.ConfigFiles.Select(f => Document(projectId, f.Path, f.Text)));

        workspace.AddProject(info);
        return (workspace, projectId);
    }

    private static DocumentInfo Document(ProjectId projectId, string path, string text) =>
        DocumentInfo.Create(
            DocumentId.CreateNewId(projectId, path),
            Path.GetFileName(path),
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text, System.Text.Encoding.UTF8), VersionStamp.Create(), path)),
            filePath: path);
}
