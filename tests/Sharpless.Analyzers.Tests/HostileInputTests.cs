using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests;

/// <summary>
/// Inputs no one writes on purpose but every build meets sooner or later: each runs every generator and analyzer the
/// package ships, as a build does, and must finish within its time bound with no exception (AD0001, CS8785) and no
/// generator diagnostic that is not Sharpless's. Correct diagnostics or none; never a crash or a hang.
/// <para>
/// The bound is about Sharpless's own time, so these run alone, after the parallel tests: on CI's two cores, beside
/// the realistic-shapes suite and the typing sweeps, the 10,000-route case waited past 60 s for a thread it did not get
/// (7 s alone).
/// </para>
/// </summary>
[Collection(nameof(HostileInputTests))]
public sealed class HostileInputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private const string Usings = "using System; using System.Collections.Generic; using System.Threading.Tasks; using Sharpless; using Sharpless.Http; using Amazon.DynamoDBv2.DataModel;\n";

    public static TheoryData<string> Cases() => new(HostileSources.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, Func<string>> HostileSources = new()
    {
        ["enormous file: 2,000 functions in one class"] = () =>
            Usings + "namespace Big; public class Functions {\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"[LambdaFunction] public string F{i}(string s) => s;\n")) + "}",
        ["deeply nested expression"] = () =>
            Usings + "namespace Deep; public class F { [LambdaFunction] public int Handle(int x) => " + string.Concat(Enumerable.Repeat("(x + ", 400)) + "1" + new string(')', 400) + "; }",
        ["10,000 attributes on one method"] = () =>
            Usings + "namespace Many; public class F {\n" + string.Concat(Enumerable.Range(0, 10000).Select(i => $"[HttpApi(LambdaHttpMethod.Get, \"/r{i}\")]\n")) + "public string Handle() => \"\"; }",
        ["mutually recursive DynamoDB models"] = () =>
            Usings + """
                namespace Rec;
                [DynamoDBTable("A")] public class A { [DynamoDBHashKey] public string Id { get; set; } = ""; public B? Child { get; set; } public List<A> Peers { get; set; } = new(); }
                public class B { public A? Parent { get; set; } public Dictionary<string, B> Children { get; set; } = new(); }
                """,
        ["generic DynamoDB models"] = () =>
            Usings + """
                namespace Gen;
                [DynamoDBTable("G")] public class Box<T> { [DynamoDBHashKey] public string Id { get; set; } = ""; public T? Value { get; set; } }
                [DynamoDBTable("H")] public class Holder { [DynamoDBHashKey] public string Id { get; set; } = ""; public Box<Holder>? Self { get; set; } public Box<int>? Number { get; set; } }
                """,
        ["partial class across #if regions"] = () =>
            Usings + """
                namespace Part;
                public partial class Orders
                {
                #if DEBUG
                    [LambdaFunction] public string Debug(string s) => s;
                #else
                    [LambdaFunction] public string Release(string s) => s;
                #endif
                }
                public partial class Orders { [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")] public string Get(string id) => id; }
                """,
        ["nullable-oblivious code"] = () =>
            "#nullable disable\n" + Usings + """
                namespace Obl;
                [DynamoDBTable("O")] public class O { [DynamoDBHashKey] public string Id { get; set; } public string Name { get; set; } public List<string> Tags { get; set; } }
                public class F { [LambdaFunction] public O Handle(O o) => o; }
                """,
        ["C# 12/13: primary constructors, collection expressions, params spans"] = () =>
            Usings + """
                namespace Modern;
                public class Store(string table) { public string Table => table; }
                public class Orders(Store store)
                {
                    [HttpApi(LambdaHttpMethod.Get, "/orders")]
                    public List<string> List() => [store.Table, .. Extra()];
                    static string[] Extra(params ReadOnlySpan<string> more) => [.. more];
                    [LambdaFunction] public int Count(int[] xs) => xs is [var first, ..] ? first : 0;
                }
                """,
        ["a function class nested in a generic type"] = () =>
            Usings + "namespace Nest; public class Outer<T> { public class Inner { [LambdaFunction] public string Handle(string s) => s; } }",
        ["a record struct model and a positional record handler payload"] = () =>
            Usings + """
                namespace Rec2;
                [DynamoDBTable("P")] public record struct Point([property: DynamoDBHashKey] string Id, int X, int Y);
                public record Move(string Id, int Dx);
                public class F { [LambdaFunction] public Task<Point> Handle(Move move) => Task.FromResult(new Point(move.Id, move.Dx, 0)); }
                """,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_code_builds_without_a_crash_within_its_bound(string name)
    {
        var code = HostileSources[name]();
        var compilation = SweepRun.Compile("Hostile", CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)), [MetadataReference.CreateFromFile(typeof(Amazon.DynamoDBv2.DataModel.DynamoDBTableAttribute).Assembly.Location), MetadataReference.CreateFromFile(typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location)]);

        await SweepRun.BuildAsync(compilation, [], name).WaitAsync(Bound);
    }

    // Theory rows carry only the case's name: xunit serializes theory data at discovery, and a 12 MB byte[] row
    // serialized element by element took the test host to 17 GB before a single test ran.
    public static TheoryData<string> DeploymentFiles() => new(HostileDeploymentFiles.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, (string Path, Func<byte[]> Content, bool IsReadableTemplate)> HostileDeploymentFiles = new()
    {
        ["a template that is not YAML"] = ("/src/template.yaml", () => Encoding.UTF8.GetBytes("<html><body>this is not a template</body></html>"), false),
        ["an empty template"] = ("/src/template.yaml", () => [], false),
        ["an empty serverless.template"] = ("/src/serverless.template", () => [], false),
        ["binary garbage as aws-lambda-tools-defaults.json"] = ("/src/aws-lambda-tools-defaults.json", () => Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 256)).ToArray(), false),
        ["a YAML bomb of aliases (valid YAML: read without expanding)"] = ("/src/template.yaml", () => Encoding.UTF8.GetBytes(Bomb()), true),
        ["a template nested 5,000 levels deep"] = ("/src/template.yaml", () => Encoding.UTF8.GetBytes("Resources:\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => new string(' ', i) + "a:\n"))), false),
        ["an empty appsettings.json"] = ("/src/appsettings.json", () => [], false),
    };

    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public async Task Hostile_deployment_files_are_reported_or_ignored_never_a_crash(string name)
    {
        var (path, makeContent, isReadableTemplate) = HostileDeploymentFiles[name];
        var content = makeContent();
        var code = Usings + "namespace Orders; public class F { [LambdaFunction(MemorySize = 512)] public string Handle(string s) => s; [HttpApi(LambdaHttpMethod.Get, \"/x\")] public string X() => \"\"; }";
        var compilation = SweepRun.Compile("Hostile", CSharpSyntaxTree.ParseText(code), [MetadataReference.CreateFromFile(typeof(Amazon.DynamoDBv2.DataModel.DynamoDBTableAttribute).Assembly.Location), MetadataReference.CreateFromFile(typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location)]);

        var diagnostics = await SweepRun.BuildAsync(compilation, [(path, Encoding.UTF8.GetString(content))], name).WaitAsync(Bound);

        // Garbage is reported as SLS6006 (cannot be read) or ignored, never judged by the drift rules; a readable
        // template that declares neither function is drift, reported once per function.
        var drift = diagnostics.Where(d => d.Id is "SLS1016" or "SLS1017" or "SLS1018" or "SLS1019" or "SLS1020").Select(d => d.Id).ToArray();
        Assert.Equal(isReadableTemplate ? ["SLS1016", "SLS1016"] : [], drift);
    }

    /// <summary>Nine levels of aliases, each naming the one before nine times: 9^9 nodes if anything expanded them.</summary>
    private static string Bomb()
    {
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }

        return text.Append("Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: *a9\n").ToString();
    }
}

[CollectionDefinition(nameof(HostileInputTests), DisableParallelization = true)]
public sealed class HostileInputCollection;
