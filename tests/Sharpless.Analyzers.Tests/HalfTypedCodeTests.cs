using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Connections;
using Sharpless.DynamoDB;

namespace Sharpless.Analyzers.Tests;

/// <summary>
/// Code being typed is the normal input: every analyzer and the generator run over prefixes of real model and handler
/// files (the repository's own DynamoDB test models and the SLS5002 sample) and must never throw — an exception is
/// AD0001 or CS8785 in a user's build.
/// </summary>
public sealed class HalfTypedCodeTests
{
    private static readonly string RepositoryRoot = typeof(HalfTypedCodeTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SharplessRepositoryRoot").Value!;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "tests", "Sharpless.DynamoDB.Tests", "Models"), "*.cs").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot, file));
        }

        data.Add(Path.Combine("samples", "AntiPatterns", "Connections", "HttpClientPerInvocation.cs"));
        data.Add(Path.Combine("samples", "AntiPatterns", "Connections", "ClientsPerInvocation.cs"));
        data.Add(Path.Combine("samples", "AntiPatterns", "ColdStart", "WorkThatBelongsInInit.cs"));
        data.Add(Path.Combine("samples", "AntiPatterns", "Networking", "DatabaseOutsideTheVpc.cs"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EveryPrefix_AnalyzersAndGenerator_NeverThrow(string relativePath)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, relativePath));
        var references = ReferenceAssemblies();
        // Every analyzer the package ships, so a new one is covered without editing this test.
        var analyzers = typeof(ItemModelAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var step = Math.Max(1, text.Length / 60);

        for (var length = 0; length <= text.Length; length += step)
        {
            var compilation = CSharpCompilation.Create(
                "HalfTyped",
                [CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic;\n" + text[..length])],
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var exceptions = new List<string>();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            Assert.True(exceptions.Count == 0, $"{relativePath}, prefix {length}: {string.Join("\n", exceptions)}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

            var driver = CSharpGeneratorDriver.Create(new ItemMapperGenerator()).RunGenerators(compilation);
            var result = driver.GetRunResult().Results.Single();
            Assert.True(result.Exception is null, $"{relativePath}, prefix {length}: {result.Exception}");
        }
    }

    private static ImmutableArray<MetadataReference> ReferenceAssemblies()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        return [
            .. trusted,
            MetadataReference.CreateFromFile(typeof(Amazon.DynamoDBv2.Model.AttributeValue).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Sharpless.LambdaFunctionAttribute).Assembly.Location),
        ];
    }
}
