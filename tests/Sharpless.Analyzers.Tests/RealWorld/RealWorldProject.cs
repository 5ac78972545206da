using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Sharpless.Analyzers.Tests.RealWorld;

/// <summary>What a suite project needs beyond the Lambda stand-ins and the libraries every project gets.</summary>
[Flags]
internal enum Needs
{
    None = 0,

    /// <summary>ASP.NET Core on Lambda: the shared framework and the Amazon.Lambda.AspNetCoreServer(.Hosting) stand-ins.</summary>
    AspNetCore = 1,

    /// <summary>Grpc.Net.Client (real package, found by DLL name in the test output folder).</summary>
    Grpc = 2,

    /// <summary>RabbitMQ.Client 7.x (real package).</summary>
    RabbitMQ = 4,

    /// <summary>Confluent.Kafka (real package).</summary>
    Kafka = 8,

    /// <summary>Elastic.Clients.Elasticsearch (real package).</summary>
    Elasticsearch = 16,
}

/// <summary>A file of a suite project after its markup was read: the plain text and what it expects.</summary>
internal sealed record SuiteFile(string Path, string Text, ImmutableArray<SuiteSpan> Spans, bool IsSource);

/// <summary>
/// One small project of the realistic-shapes suite, written the way a team deploys a .NET function (CDK, Pulumi,
/// Terraform, Serverless Framework, SAM, executables, ASP.NET Core on Lambda, shared libraries). Its sources carry
/// what an expert reviewer expects: <c>{|SLS5001:…|}</c> at the exact expression a diagnostic must point at, and
/// <c>{|quiet:…|}</c> around code that must draw no Sharpless diagnostic at all. Project-level rules whose location is
/// not fixed (SLS4002, SLS4003) are expected or forbidden by ID only.
/// </summary>
internal sealed class RealWorldProject
{
    private readonly List<SuiteFile> _files = [];
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal)
    {
        // What buildTransitive/Sharpless.props makes visible; MSBuild passes an unset property as an empty value.
        // Without them the project-level rules would not run at all, which no project with the package looks like.
        ["PublishReadyToRun"] = string.Empty,
        ["PublishAot"] = string.Empty,
        ["TieredCompilation"] = string.Empty,
        ["AWSProjectType"] = string.Empty,
        ["IsTestProject"] = string.Empty,
    };

    private readonly List<string> _expectedProjectIds = [];
    private readonly List<string> _quietProjectIds = [];

    public RealWorldProject(string name, string shape, string assemblyName)
    {
        Name = name;
        Shape = shape;
        AssemblyName = assemblyName;
    }

    /// <summary>Short unique id, used as the theory's case name and the table's first column.</summary>
    public string Name { get; }

    /// <summary>Which public shape the project stands for (deployment style, handler style), for the table.</summary>
    public string Shape { get; }

    public string AssemblyName { get; }

    public OutputKind OutputKind { get; private set; } = OutputKind.DynamicallyLinkedLibrary;

    public Needs Needs { get; private set; }

    public string? EditorConfig { get; private set; }

    public IReadOnlyList<SuiteFile> Files => _files;

    public IReadOnlyDictionary<string, string> BuildProperties => _properties;

    public IReadOnlyList<string> ExpectedProjectIds => _expectedProjectIds;

    public IReadOnlyList<string> QuietProjectIds => _quietProjectIds;

    /// <summary>A C# source of the project (path relative to the project directory, or rooted).</summary>
    public RealWorldProject Source(string path, string markup) => AddFile(path, markup, isSource: true);

    /// <summary>
    /// A non-compiled file the compiler sees as an AdditionalFile: a deployment file of the solution (CDK stack,
    /// Pulumi program, *.tf, serverless.yml, template.yaml, aws-lambda-tools-defaults.json). Markup is read here too.
    /// </summary>
    public RealWorldProject AdditionalFile(string path, string markup) => AddFile(path, markup, isSource: false);

    public RealWorldProject Property(string name, string value)
    {
        _properties[name] = value;
        return this;
    }

    /// <summary><c>&lt;PublishReadyToRun&gt;true&lt;/PublishReadyToRun&gt;</c>, as the AWS blueprints' project files set it.</summary>
    public RealWorldProject ReadyToRun() => Property("PublishReadyToRun", "true");

    /// <summary><c>&lt;AWSProjectType&gt;Lambda&lt;/AWSProjectType&gt;</c>, as the AWS project templates set it.</summary>
    public RealWorldProject LambdaProjectType() => Property("AWSProjectType", "Lambda");

    public RealWorldProject Executable()
    {
        OutputKind = OutputKind.ConsoleApplication;
        return this;
    }

    public RealWorldProject Needing(Needs needs)
    {
        Needs |= needs;
        return this;
    }

    /// <summary>.editorconfig at the project root.</summary>
    public RealWorldProject WithEditorConfig(string text)
    {
        EditorConfig = text;
        return this;
    }

    /// <summary>The project must get this diagnostic somewhere (or without a location): matched by ID only.</summary>
    public RealWorldProject ExpectInProject(string id)
    {
        _expectedProjectIds.Add(id);
        return this;
    }

    /// <summary>The project must not get this diagnostic anywhere (a class library must not get SLS4002).</summary>
    public RealWorldProject QuietInProject(string id)
    {
        _quietProjectIds.Add(id);
        return this;
    }

    public int ExpectedCount => _files.Sum(f => f.Spans.Count(s => !s.IsQuiet)) + _expectedProjectIds.Count;

    public int QuietSiteCount => _files.Sum(f => f.Spans.Count(s => s.IsQuiet)) + _quietProjectIds.Count;

    public override string ToString() => Name;

    private RealWorldProject AddFile(string path, string markup, bool isSource)
    {
        var rooted = SuitePaths.ToRooted(path);
        if (_files.Any(f => f.Path == rooted))
        {
            throw new ArgumentException($"{Name}: the file '{path}' was added twice.", nameof(path));
        }

        var parsed = SuiteMarkup.Parse(markup, $"{Name}/{path}");
        _files.Add(new SuiteFile(rooted, parsed.Text, parsed.Spans, isSource));
        return this;
    }
}

/// <summary>
/// The TestKit roots test paths under one directory so .editorconfig sections match (its SourcePaths is internal);
/// the suite roots its paths the same way so diagnostics' paths compare equal to the files' paths.
/// </summary>
internal static class SuitePaths
{
    public static string Root { get; } = OperatingSystem.IsWindows() ? @"Z:\src\" : "/src/";

    public static string ToRooted(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return OperatingSystem.IsWindows() ? path.Replace('/', '\\') : path;
        }

        return Root + (OperatingSystem.IsWindows() ? path.Replace('/', '\\') : path.Replace('\\', '/'));
    }

    public static string ToDisplay(string path) =>
        (path.StartsWith(Root, StringComparison.Ordinal) ? path[Root.Length..] : path).Replace('\\', '/');
}
