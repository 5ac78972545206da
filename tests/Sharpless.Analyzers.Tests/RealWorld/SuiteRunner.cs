using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Analyzers.Tests.Common;
using Sharpless.Common;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.RealWorld;

internal enum ProjectStatus
{
    Ran,

    /// <summary>A dependency (a package DLL, a TestKit stand-in) is missing: shown as a row, its expectations count as missed.</summary>
    NotRunnable,

    /// <summary>The project did not compile or an analyzer threw: a suite or analyzer bug, never a pass.</summary>
    Failed,
}

/// <summary>A diagnostic as the table reports it.</summary>
internal sealed record Finding(string Id, string Where, DiagnosticSeverity Severity, string Message, string? Note = null)
{
    public override string ToString() => $"{Id} ({Severity}) at {Where}: {Message}{(Note is null ? "" : $" [{Note}]")}";
}

internal sealed record ProjectResult(
    RealWorldProject Project,
    ProjectStatus Status,
    string? Reason,
    int Expected,
    int Found,
    ImmutableArray<string> Missed,
    ImmutableArray<Finding> QuietFalsePositives,
    ImmutableArray<Finding> UnexpectedWarnings,
    ImmutableArray<Finding> UnexpectedInfos)
{
    /// <summary>False positives: a diagnostic at a quiet site, or a warning/error nobody expected.</summary>
    public int FalsePositives => QuietFalsePositives.Length + UnexpectedWarnings.Length;
}

/// <summary>
/// Runs every Sharpless analyzer (each <see cref="DiagnosticAnalyzer"/> in Sharpless.Analyzers; not the generators) over
/// a suite project and sorts each diagnostic into: an expected one found, a false positive at a quiet site, or an
/// unexpected one (warnings and errors count as false positives; info-level advice is listed only).
/// </summary>
internal static class SuiteRunner
{
    private static readonly Lazy<ImmutableArray<Type>> AnalyzerTypes = new(() =>
        typeof(PerInvocationWorkAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToImmutableArray());

    /// <summary>Package DLLs each need is satisfied by, looked up by file name in the test output folder.</summary>
    private static readonly (Needs Need, string[] Dlls)[] PackageDlls =
    [
        (Needs.Grpc, ["Grpc.Net.Client.dll", "Grpc.Net.Common.dll", "Grpc.Core.Api.dll"]),
        (Needs.RabbitMQ, ["RabbitMQ.Client.dll"]),
        (Needs.Kafka, ["Confluent.Kafka.dll"]),
        (Needs.Elasticsearch, ["Elastic.Clients.Elasticsearch.dll", "Elastic.Transport.dll"]),
    ];

    private static readonly Lazy<ImmutableHashSet<string>> AspNetCoreFrameworkNames = new(FindAspNetCoreFrameworkNames);

    public static IReadOnlyList<Type> Analyzers => AnalyzerTypes.Value;

    public static async Task<ProjectResult> RunAsync(RealWorldProject project, CancellationToken ct = default)
    {
        var (builder, missing) = CreateBuilder(project);
        if (missing is not null)
        {
            return NotRan(project, ProjectStatus.NotRunnable, missing);
        }

        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = await builder!.AnalyzeAsync(ct);
        }
        catch (VerificationException e)
        {
            return NotRan(project, ProjectStatus.Failed, e.Message);
        }

        return Classify(project, diagnostics);
    }

    /// <summary>
    /// Every analyzer over the project with one source file replaced by <paramref name="text"/> (the file as it looks
    /// while being typed): compiler errors allowed, an analyzer exception fails. Null when the project cannot run.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>?> AnalyzeHalfTypedAsync(RealWorldProject project, string path, string text, CancellationToken ct = default)
    {
        var (builder, missing) = CreateBuilder(project, file => file.Path == path ? text : file.Text);
        return missing is null ? await builder!.AnalyzeHalfTypedAsync(ct) : null;
    }

    private static (ProjectBuilder? Builder, string? Missing) CreateBuilder(RealWorldProject project, Func<SuiteFile, string>? textOf = null)
    {
        var builder = new ProjectBuilder()
            .WithAssemblyName(project.AssemblyName)
            .WithOutputKind(project.OutputKind)
            .WithLambdaStandIns()
            .WithThirdPartyStandIns();

        foreach (var type in AnalyzerTypes.Value)
        {
            builder.WithAnalyzer((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
        }

        var aspNetCore = project.Needs.HasFlag(Needs.AspNetCore);
        if (aspNetCore)
        {
            builder.WithAspNetCoreOnLambda();
        }

        foreach (var reference in PerInvocationProject.Libraries)
        {
            // The ASP.NET Core shared framework carries its own Microsoft.Extensions.*; two versions of one assembly
            // would make every type in it ambiguous.
            if (aspNetCore && reference is PortableExecutableReference { FilePath: { } path } && AspNetCoreFrameworkNames.Value.Contains(Path.GetFileName(path)))
            {
                continue;
            }

            builder.WithReference(reference);
        }

        foreach (var (need, dlls) in PackageDlls)
        {
            if (!project.Needs.HasFlag(need))
            {
                continue;
            }

            foreach (var dll in dlls)
            {
                var path = Path.Combine(AppContext.BaseDirectory, dll);
                if (!File.Exists(path))
                {
                    return (null, $"{dll} is not in the test output folder (package not referenced by Sharpless.Analyzers.Tests yet)");
                }

                builder.WithReference(MetadataReference.CreateFromFile(path));
            }
        }

        foreach (var file in project.Files)
        {
            if (file.IsSource)
            {
                builder.WithSourceCode(textOf?.Invoke(file) ?? file.Text, file.Path);
            }
            else
            {
                builder.WithAdditionalFile(file.Path, file.Text);
            }
        }

        foreach (var (name, value) in project.BuildProperties)
        {
            builder.WithBuildProperty(name, value);
        }

        if (project.EditorConfig is { } editorConfig)
        {
            builder.WithEditorConfig(editorConfig);
        }

        return (builder, null);
    }

    private static ProjectResult Classify(RealWorldProject project, ImmutableArray<Diagnostic> diagnostics)
    {
        var expected = project.Files
            .SelectMany(f => f.Spans.Where(s => !s.IsQuiet).Select(s => (File: f, Span: s)))
            .ToList();
        var quiet = project.Files
            .SelectMany(f => f.Spans.Where(s => s.IsQuiet).Select(s => (File: f, Span: s)))
            .ToList();
        var matched = new bool[expected.Count];
        var projectIdsFound = new HashSet<string>(StringComparer.Ordinal);
        var quietHits = ImmutableArray.CreateBuilder<Finding>();
        var warnings = ImmutableArray.CreateBuilder<Finding>();
        var infos = ImmutableArray.CreateBuilder<Finding>();

        foreach (var diagnostic in diagnostics)
        {
            var (path, span) = PathAndSpan(diagnostic.Location);
            var index = expected.FindIndex(e => e.File.Path == path && e.Span.Span == span && e.Span.Id == diagnostic.Id);
            if (index >= 0 && !matched[index])
            {
                matched[index] = true;
                continue;
            }

            var finding = Describe(diagnostic, project, path, span);
            if (index >= 0)
            {
                warnings.Add(finding with { Note = "reported twice at the same site" });
                continue;
            }

            if (project.ExpectedProjectIds.Contains(diagnostic.Id))
            {
                projectIdsFound.Add(diagnostic.Id);
                continue;
            }

            if (project.QuietProjectIds.Contains(diagnostic.Id))
            {
                quietHits.Add(finding with { Note = "this project must never get " + diagnostic.Id });
                continue;
            }

            var quietSite = path is null ? -1 : quiet.FindIndex(q => q.File.Path == path && q.Span.Span.Contains(span.Start));
            if (quietSite >= 0)
            {
                quietHits.Add(finding with { Note = $"quiet site at line {quiet[quietSite].Span.Line}" });
                continue;
            }

            // A diagnostic of an expected ID overlapping an expected span that found nothing: same finding, other span.
            var near = expected.Where((e, i) => !matched[i] && e.File.Path == path && e.Span.Id == diagnostic.Id && e.Span.Span.OverlapsWith(span)).ToList();
            if (near.Count > 0)
            {
                finding = finding with { Note = $"overlaps the expected span at line {near[0].Span.Line}: location differs" };
            }

            (diagnostic.Severity >= DiagnosticSeverity.Warning ? warnings : infos).Add(finding);
        }

        var missed = expected.Where((e, i) => !matched[i])
            .Select(e => $"{e.Span.Id} at {SuitePaths.ToDisplay(e.File.Path)}:{e.Span.Line} `{Excerpt(e.File.Text, e.Span.Span)}`")
            .Concat(project.ExpectedProjectIds.Where(id => !projectIdsFound.Contains(id)).Select(id => $"{id} (project-level)"))
            .ToImmutableArray();

        return new ProjectResult(
            project,
            ProjectStatus.Ran,
            null,
            project.ExpectedCount,
            project.ExpectedCount - missed.Length,
            missed,
            quietHits.ToImmutable(),
            warnings.ToImmutable(),
            infos.ToImmutable());
    }

    private static ProjectResult NotRan(RealWorldProject project, ProjectStatus status, string reason) =>
        new(project, status, reason, project.ExpectedCount, 0, ["all " + project.ExpectedCount + " (" + status + ")"], [], [], []);

    private static (string? Path, Microsoft.CodeAnalysis.Text.TextSpan Span) PathAndSpan(Location location) => location.Kind switch
    {
        LocationKind.SourceFile => (location.SourceTree!.FilePath, location.SourceSpan),
        LocationKind.ExternalFile => (location.GetLineSpan().Path, location.SourceSpan),
        _ => (null, default),
    };

    private static Finding Describe(Diagnostic diagnostic, RealWorldProject project, string? path, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var where = "(project)";
        if (path is not null)
        {
            var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
            var file = project.Files.FirstOrDefault(f => f.Path == path);
            where = $"{SuitePaths.ToDisplay(path)}:{line}" + (file is null ? string.Empty : $" `{Excerpt(file.Text, span)}`");
        }

        return new Finding(diagnostic.Id, where, diagnostic.Severity, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Excerpt(string text, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        if (span.End > text.Length)
        {
            return string.Empty;
        }

        var excerpt = string.Join(" ", text.Substring(span.Start, span.Length).Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return excerpt.Length > 70 ? excerpt[..67] + "..." : excerpt;
    }

    private static ImmutableHashSet<string> FindAspNetCoreFrameworkNames()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> <dotnet>/shared/Microsoft.AspNetCore.App/<version>
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var shared = runtimeDirectory is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory));
        var aspNetCore = shared is null ? null : Path.Combine(shared, "Microsoft.AspNetCore.App");
        if (aspNetCore is null || !Directory.Exists(aspNetCore))
        {
            return ImmutableHashSet<string>.Empty;
        }

        return Directory.GetDirectories(aspNetCore)
            .SelectMany(d => Directory.GetFiles(d, "*.dll"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
