using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.DynamoDB;

namespace Sharpless.Analyzers.Tests.DynamoDB;

public sealed class ItemMapperGeneratorTests
{
    private const string SmallModel = """
        using System.Collections.Generic;
        using Amazon.DynamoDBv2.DataModel;

        namespace Shop
        {
            [DynamoDBTable("Customers")]
            public class Customer
            {
                [DynamoDBHashKey("pk")]
                public string Id { get; set; } = "";

                [DynamoDBGlobalSecondaryIndexHashKey("ByEmail")]
                public string? Email { get; set; }

                public bool Active { get; set; }
                public int? Age { get; set; }
                public List<string>? Tags { get; set; }
                public Address? Home { get; set; }
            }

            public class Address
            {
                public string? City { get; set; }
            }
        }
        """;

    [Fact]
    public async Task SmallModel_MatchesTheReviewedBaseline_AndCompilesWithoutWarnings()
    {
        var run = await DynamoDBProject.Create()
            .WithGenerator<ItemMapperGenerator>()
            .WithSourceCode(SmallModel)
            .RunGeneratorsAsync();

        run.ShouldHaveNoDiagnostics()
            .ShouldCompileWithoutWarnings()
            .ShouldMatchBaseline("Shop.CustomerMapper.g.cs", "Shop.CustomerMapper.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == ItemMapperRuntimeEmitter.HintName);
    }

    [Fact]
    public async Task EveryGeneratedSource_CompilesWithoutWarnings_ForAModelUsingEverySupportedType()
    {
        var run = await DynamoDBProject.Create()
            .WithGenerator<ItemMapperGenerator>()
            .WithSourceCode("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.DataModel;

                public enum Color : byte { Red, Green }

                [DynamoDBTable("Everything", CaseMode.CamelCase, ConversionSchema.V2)]
                public sealed class Everything
                {
                    [DynamoDBHashKey] public Guid Id { get; set; }
                    [DynamoDBRangeKey] public DateTime At { get; set; }
                    [DynamoDBLocalSecondaryIndexRangeKey("ByScore")] public double Score { get; set; }
                    public string? S { get; set; }
                    public char C { get; set; }
                    public bool B { get; set; }
                    public sbyte I8 { get; set; } public byte U8 { get; set; } public short I16 { get; set; } public ushort U16 { get; set; }
                    public int I32 { get; set; } public uint U32 { get; set; } public long I64 { get; set; } public ulong U64 { get; set; }
                    public float F { get; set; } public decimal M { get; set; }
                    public DateOnly D { get; set; } public TimeOnly T { get; set; }
                    public DateTimeOffset O { get; set; } public TimeSpan? Span { get; set; } public List<TimeSpan>? Spans { get; set; }
                    public Color Color { get; set; } public Color? MaybeColor { get; set; }
                    public byte[]? Bytes { get; set; } public MemoryStream? Stream { get; set; }
                    public int[]? Array { get; set; } public List<byte[]>? Blobs { get; set; } public HashSet<Guid>? Ids { get; set; }
                    public Dictionary<string, Dictionary<string, int?>>? Nested { get; set; }
                    public List<Point>? Points { get; set; }
                    public Point Origin { get; set; }
                    public Money? Price { get; set; }
                    public Everything? Parent { get; set; }
                }

                public struct Point { public int X { get; set; } public int Y { get; set; } }

                public record Money(decimal Amount, string Currency);
                """)
            .RunGeneratorsAsync();

        run.ShouldHaveNoDiagnostics().ShouldCompileWithoutWarnings();
        var mapper = run.GetSource("EverythingMapper.g.cs");
        Assert.Contains("public static global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToKey(global::System.Guid @id, global::System.DateTime @at)", mapper);
        Assert.Contains("ToByScoreKey(global::System.Guid @id, double @score)", mapper);
        Assert.Contains("public const string Score = \"score\";", mapper); // camelCase
        Assert.Contains("new global::Money(p0, p1)", mapper);          // positional record through its constructor
    }

    [Fact]
    public async Task Steps_StayCached_AfterAnUnrelatedEdit()
    {
        var run = await DynamoDBProject.Create()
            .WithGenerator<ItemMapperGenerator>()
            .WithSourceCode(SmallModel)
            .WithSourceCode("""
                namespace Shop
                {
                    public static class Service
                    {
                        public static int Compute() => 1;
                    }
                }
                """, "Service.cs")
            .RunGeneratorsAsync();

        // Editing a method body elsewhere must not regenerate any mapper.
        await run.ShouldStayCachedAsync(compilation =>
        {
            var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Service.cs", StringComparison.Ordinal));
            var edited = tree.WithChangedText(tree.GetText().Replace(tree.GetText().ToString().IndexOf("=> 1", StringComparison.Ordinal), 4, "=> 2"));
            return compilation.ReplaceSyntaxTree(tree, edited);
        });
        await run.ShouldStayCachedAsync();
        Assert.True(run.StepReasons.ContainsKey(ItemMapperGenerator.ModelStep));
    }

    [Fact]
    public async Task WithoutTheAwsSdk_NothingIsGenerated()
    {
        var run = await new Sharpless.TestKit.ProjectBuilder()
            .WithGenerator<ItemMapperGenerator>()
            .WithSourceCode("""
                namespace Amazon.DynamoDBv2.DataModel
                {
                    public sealed class DynamoDBTableAttribute : System.Attribute { public DynamoDBTableAttribute(string name) { } }
                }
                [Amazon.DynamoDBv2.DataModel.DynamoDBTable("T")]
                public class Lonely { public string? Id { get; set; } }
                """)
            .RunGeneratorsAsync();

        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public async Task HalfTypedModels_DoNotCrashTheGenerator()
    {
        var generator = new ItemMapperGenerator().AsSourceGenerator();
        var code = """
            using Amazon.DynamoDBv2.DataModel;
            [DynamoDBTable(
            public class Broken
            {
                [DynamoDBHashKey] public string Id { get; set
                public List<Unknown> Items { get; set; }
                public Missing Thing;
            }
            [DynamoDBTable("")] public class EmptyName { }
            [DynamoDBTable("G")] public class Generic<T> { public T? Value { get; set; } }
            [DynamoDBTable("A")] public abstract class Abstract { }
            """;
        for (var length = 0; length <= code.Length; length += 7)
        {
            var compilation = CSharpCompilation.Create(
                "HalfTyped",
                [CSharpSyntaxTree.ParseText(code[..length])],
                [
                    MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                    MetadataReference.CreateFromFile(typeof(Amazon.DynamoDBv2.Model.AttributeValue).Assembly.Location),
                ]);
            var driver = CSharpGeneratorDriver.Create(generator).RunGenerators(compilation);
            var result = driver.GetRunResult().Results.Single();
            Assert.True(result.Exception is null, $"prefix {length}: {result.Exception}");
        }
    }

    [Fact]
    public async Task ProjectWideConversion_FromMSBuild_AppliesToTablesThatNameNone()
    {
        var run = await DynamoDBProject.Create()
            .WithGenerator<ItemMapperGenerator>()
            .WithBuildProperty("SharplessDynamoDBConversion", "V2")
            .WithSourceCode(SmallModel)
            .RunGeneratorsAsync();

        var mapper = run.ShouldCompileWithoutWarnings().GetSource("CustomerMapper.g.cs");
        Assert.Contains("conversion V2", mapper);
        Assert.Contains("ItemMapperRuntime.Bool(value.Active)", mapper);
        Assert.Contains("{ L = list }", mapper);
    }
}
