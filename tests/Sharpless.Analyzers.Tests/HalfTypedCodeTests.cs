using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Connections;
using Sharpless.DynamoDB;

namespace Sharpless.Analyzers.Tests;

/// <summary>
/// Code being typed is the normal input: every analyzer and generator the package ships runs over prefixes of real
/// files (every C# file of the samples, the repository's DynamoDB test models) and must never throw — an exception is
/// AD0001 or CS8785 in a user's build.
/// </summary>
public sealed class HalfTypedCodeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string RepositoryRoot = typeof(HalfTypedCodeTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SharplessRepositoryRoot").Value!;

    /// <summary>Every C# file of the samples (each a user project) and the DynamoDB test models.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot, "tests", "Sharpless.DynamoDB.Tests", "Models"), "*.cs")
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "samples"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            data.Add(Path.GetRelativePath(RepositoryRoot, file));
        }

        return data;
    }

    /// <summary>SHARPLESS_FULL_SWEEP=1: the prefix ending at every token and 200 deletions per file, instead of CI's bounded subset.</summary>
    private static bool FullSweep => Environment.GetEnvironmentVariable("SHARPLESS_FULL_SWEEP") is "1" or "true";

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EveryPrefix_AndTokenDeletions_AnalyzersAndGenerators_NeverThrow(string relativePath)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, relativePath));
        var references = ReferenceAssemblies();
        // Every analyzer the package ships, so a new one is covered without editing this test.
        var analyzers = typeof(ItemModelAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        // The code as it looks while being typed: its prefixes. The full sweep cuts after every token (trivia stays
        // with the token before it); CI cuts at 60 evenly spaced characters, mid-token included.
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
        var cuts = FullSweep
            ? tokens.Select(t => t.Span.End).Prepend(0).Append(text.Length).Distinct().ToArray()
            : Enumerable.Range(0, 61).Select(i => Math.Min(text.Length, i * Math.Max(1, text.Length / 60))).Append(text.Length).Distinct().ToArray();
        var prefixes = 0;
        foreach (var length in cuts)
        {
            await RunAsync(text[..length], $"{relativePath}, prefix {length}");
            prefixes++;
        }

        // The code as it looks while being edited: one token deleted, chosen by a seed fixed per file so a failure
        // reproduces.
        var random = new Random(StableSeed(relativePath));
        var deletions = 0;
        for (var i = 0; i < (FullSweep ? 200 : 10) && tokens.Length > 0; i++)
        {
            var token = tokens[random.Next(tokens.Length)];
            await RunAsync(text.Remove(token.SpanStart, token.Span.Length), $"{relativePath}, without '{token.Text}' at {token.SpanStart}");
            deletions++;
        }

        var runs = prefixes + deletions;
        output.WriteLine($"SWEEP {relativePath}: {text.Length} chars, {tokens.Length} tokens, {prefixes} prefixes, {deletions} deletions, {runs} compilations × {analyzers.Length} analyzers and {Generators.Length} generators");
        Assert.True(runs > 10, $"{relativePath}: only {runs} runs");

        async Task RunAsync(string code, string what)
        {
            var compilation = CSharpCompilation.Create(
                "HalfTyped",
                [CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic;\n" + code)],
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var exceptions = new List<string>();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            Assert.True(exceptions.Count == 0, $"{what}: {string.Join("\n", exceptions)}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

            // Every generator the package ships: an exception is CS8785 (all generated code gone), and a diagnostic that
            // is not one of ours is a generator reporting the compiler's business.
            var run = CSharpGeneratorDriver.Create(Generators).RunGenerators(compilation).GetRunResult();
            foreach (var result in run.Results)
            {
                Assert.True(result.Exception is null, $"{what}: {result.Generator.GetGeneratorType().Name}: {result.Exception}");
            }

            Assert.All(run.Diagnostics, d => Assert.StartsWith("SLS", d.Id, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("[LambdaFunction]")]
    [InlineData("[HttpApi(LambdaHttpMethod.Get, \"/orders\")]")]
    public void A_function_left_outside_its_class_by_a_missing_brace_gets_no_handler_instead_of_CS8785(string attribute)
    {
        // With the class's opening brace deleted, the compiler puts the method in the unnameable "<invalid-global-code>"
        // type; a handler named after it made AddSource throw (found by the token-deletion sweep above).
        var code = $$"""
            using Sharpless;
            namespace Shop;
            public class Orders
                {{attribute}}
                public string Place(string order) => order;
            }
            """;
        var compilation = CSharpCompilation.Create("HalfTyped", [CSharpSyntaxTree.ParseText(code)], ReferenceAssemblies(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var run = CSharpGeneratorDriver.Create(Generators).RunGenerators(compilation).GetRunResult();

        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.Contains("Place", StringComparison.Ordinal));
    }

    private static int StableSeed(string text)
    {
        var hash = 17;
        foreach (var c in text.Replace('\\', '/'))
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }

    private static IIncrementalGenerator[] Generators => typeof(ItemModelAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.IsDefined(typeof(GeneratorAttribute), inherit: false))
        .Select(t => (IIncrementalGenerator)Activator.CreateInstance(t)!)
        .ToArray();

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
