using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.CodeFixes.Common;
using Sharpless.Common;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.Common;

/// <summary>
/// Test projects for the per-invocation rules: the analyzer and its fix, the Amazon.Lambda stand-ins, and the real
/// libraries a Lambda project would reference (AWS SDK, Npgsql, Newtonsoft.Json, Microsoft.Extensions.*, gRPC;
/// RabbitMQ, Confluent.Kafka and Elasticsearch/NEST through <see cref="CreateWithConnectionOwners"/>).
/// </summary>
internal static class PerInvocationProject
{
    private static readonly Lazy<MetadataReference[]> LibraryReferences = new(() => References(name =>
        name.StartsWith("AWSSDK.", StringComparison.Ordinal) ||
        name.StartsWith("Npgsql", StringComparison.Ordinal) ||
        name.StartsWith("Grpc.", StringComparison.Ordinal) || // small, and the Grpc.Core stand-in derives from Grpc.Core.Api
        name == "Newtonsoft.Json.dll" ||
        name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)));

    // Referenced only by the SLS5006 projects: Elastic.Clients.Elasticsearch and NEST alone are 20 MB of metadata, which
    // every other test compilation (and the test host's memory) would pay for nothing.
    private static readonly Lazy<MetadataReference[]> ConnectionOwnerReferences = new(() => References(name =>
        name == "RabbitMQ.Client.dll" ||
        name.StartsWith("Confluent.", StringComparison.Ordinal) ||
        name.StartsWith("Elastic", StringComparison.Ordinal) ||
        name == "Nest.dll"));

    private static readonly Lazy<MetadataReference> AwsSetupLibrary = new(CompileAwsSetupStandIn);

    /// <summary>The real libraries of a Lambda project that this feed restores (AWS SDK, Npgsql, Newtonsoft.Json, Microsoft.Extensions.*,
    /// Grpc.Net.Client).</summary>
    public static IReadOnlyList<MetadataReference> Libraries => LibraryReferences.Value;

    public static ProjectBuilder Create(string code, string? defaultRuleId = null) => Create(code, defaultRuleId, LibraryReferences.Value);

    /// <summary>
    /// A project on RabbitMQ.Client 6.8.1 (the real assembly, downloaded by the test project into RabbitMQ6/) instead of
    /// 7.x: 6.x has the synchronous <c>ConnectionFactory.CreateConnection()</c>, and the two cannot be referenced together.
    /// </summary>
    public static ProjectBuilder CreateWithRabbitMQ6(string code, string? defaultRuleId = null) =>
        Create(
            code,
            defaultRuleId,
            LibraryReferences.Value.Append(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "RabbitMQ6", "RabbitMQ.Client.dll"))));

    /// <summary>With the real RabbitMQ.Client 7, Confluent.Kafka, Elastic.Clients.Elasticsearch, NEST and Elasticsearch.Net.</summary>
    public static ProjectBuilder CreateWithConnectionOwners(string code, string? defaultRuleId = null) =>
        Create(code, defaultRuleId, LibraryReferences.Value.Concat(ConnectionOwnerReferences.Value));

    private static MetadataReference[] References(Func<string, bool> isWanted) =>
        Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => isWanted(Path.GetFileName(path)))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();

    private static ProjectBuilder Create(string code, string? defaultRuleId, IEnumerable<MetadataReference> libraries)
    {
        var builder = new ProjectBuilder()
            .WithAnalyzer<PerInvocationWorkAnalyzer>()
            .WithCodeFixProvider<HoistToFieldFixer>()
            .WithLambdaStandIns()
            .WithThirdPartyStandIns()
            .WithSourceCode(code);
        foreach (var reference in libraries)
        {
            builder.WithReference(reference);
        }

        return defaultRuleId is null ? builder : builder.WithDefaultRuleId(defaultRuleId);
    }

    /// <summary>
    /// A compiled stand-in for AWSSDK.Extensions.NETCore.Setup's <c>AWSOptions.CreateServiceClient&lt;T&gt;()</c> (public
    /// API subset; the package is not on this feed). It must be a referenced assembly, not source: factories in the
    /// user's own source are followed by the call graph instead.
    /// </summary>
    public static MetadataReference AwsSetup => AwsSetupLibrary.Value;

    private static MetadataReference CompileAwsSetupStandIn()
    {
        const string source = """
            namespace Amazon.Extensions.NETCore.Setup
            {
                public class AWSOptions
                {
                    public T CreateServiceClient<T>() where T : Amazon.Runtime.IAmazonService => throw new System.NotSupportedException();
                }
            }
            """;
        var compilation = CSharpCompilation.Create(
            "AWSSDK.Extensions.NETCore.Setup",
            [CSharpSyntaxTree.ParseText(source)],
            [.. Basic.Reference(), .. LibraryReferences.Value],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static class Basic
    {
        public static IEnumerable<MetadataReference> Reference() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
    }
}
