using Microsoft.CodeAnalysis;
using Sharpless.DynamoDB;

namespace Sharpless.Analyzers.Tests.DynamoDB;

/// <summary>SLS3004–SLS3006 and the worst-case calculator behind them, against hand-computed sizes.</summary>
public sealed class ItemSizeAnalyzerTests
{
    // Id: "Id" 2 + 10 chars × 3 = 32. Description: 11 + 100,000 × 3 = 300,011.
    // Line map: 3 + (1 + "Sku" 3 + 40 × 3) + (1 + "Quantity" 8 + int 7) = 143; Lines: "Lines" 5 + 3 + 1,000 × (1 + 143) = 144,008.
    // Total 444,051 bytes = 434 KB (rounded up); Description 293 KB, Lines 141 KB.
    private const string LargeOrder = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using Amazon.DynamoDBv2.DataModel;
        using Sharpless.DynamoDB;

        [DynamoDBTable("Orders")]
        public class [|Order|]
        {
            [DynamoDBHashKey, MaxLength(10)] public string Id { get; set; } = "";
            [StringLength(100_000)] public string? Description { get; set; }
            [ItemBounds(MaxCount = 1000)] public List<Line>? Lines { get; set; }
        }

        public class Line
        {
            [MaxLength(40)] public string? Sku { get; set; }
            public int Quantity { get; set; }
        }
        """;

    [Fact]
    public Task ItemCanExceed400KB_NamesWorstCaseAndLargestContributors() => DynamoDBProject.CreateFor("SLS3004")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3004")
        .WithSourceCode(LargeOrder)
        .ShouldReportDiagnosticWithMessage("'Order' can reach 434 KB (limit 400 KB): Description 293 KB, Lines 141 KB")
        .ValidateAsync();

    [Fact]
    public Task AsciiOnlyStrings_CountOneBytePerCharacter() => DynamoDBProject.CreateFor("SLS3004")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithBuildProperty("SharplessDynamoDBAsciiStrings", "true")
        .WithSourceCode(LargeOrder.Replace("[|Order|]", "Order", StringComparison.Ordinal)) // 100,000 + 144,008-ish: fits
        .ValidateAsync();

    [Fact]
    public Task BoundedModelsUnderTheLimit_AndNonTables_AreQuiet() => DynamoDBProject.CreateFor("SLS3004", "SLS3005", "SLS3006")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithSourceCode("""
            using System;
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;
            using Sharpless.DynamoDB;

            [DynamoDBTable("Profiles")]
            public class Profile
            {
                [DynamoDBHashKey, MaxLength(36)] public string Id { get; set; } = "";
                [Length(1, 200)] public string? Name { get; set; }
                [MaxLength(20), ItemBounds(ElementMaxLength = 30)] public List<string>? Tags { get; set; }
                [ItemBounds(MaxCount = 10, KeyMaxLength = 20, ElementMaxLength = 50)] public Dictionary<string, string>? Settings { get; set; }
                [ItemBounds(MaxCount = 5, ElementMaxCount = 5)] public List<List<int>>? Grid { get; set; }
                [MaxLength(1024)] public byte[]? Avatar { get; set; }
                [Range(0, 100)] public int Score { get; set; }
                public DateTime Created { get; set; }
                public Guid Reference { get; set; }
                [DynamoDBIgnore] public string? Unbounded { get; set; }
                public string Computed => Name + "!";
            }

            public class NotATable { public string? Anything { get; set; } }
            """)
        .ValidateAsync();

    [Fact]
    public Task UnboundedMembers_AreReportedWhereTheBoundIsMissing() => DynamoDBProject.CreateFor("SLS3005")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3005")
        .WithSourceCode("""
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;
            using Sharpless.DynamoDB;

            [DynamoDBTable("Docs")]
            public class Doc
            {
                [DynamoDBHashKey, MaxLength(10)] public string Id { get; set; } = "";
                public string? [|Body|] { get; set; }
                public byte[]? [|Blob|] { get; set; }
                public List<int>? [|Numbers|] { get; set; }
                [MaxLength(5)] public List<string>? [|Tags|] { get; set; }
                [ItemBounds(MaxCount = 3)] public Dictionary<string, int>? [|Counters|] { get; set; }
                public Section? Section { get; set; }
            }

            public class Section { public string? [|Text|] { get; set; } }
            """)
        .ValidateAsync();

    [Theory]
    [InlineData("public string? [|Body|] { get; set; }", "'Doc.Body' has no size bound (a string without [MaxLength], [StringLength] or [Length]), so 'Doc' items cannot be proven to fit in 400 KB")]
    [InlineData("[MaxLength(5)] public List<string>? [|Tags|] { get; set; }", "'Doc.Tags' has no size bound (string elements without [ItemBounds(ElementMaxLength = …)]), so 'Doc' items cannot be proven to fit in 400 KB")]
    [InlineData("[ItemBounds(MaxCount = 2)] public Dictionary<string, int>? [|Counters|] { get; set; }", "'Doc.Counters' has no size bound (dictionary keys without [ItemBounds(KeyMaxLength = …)]), so 'Doc' items cannot be proven to fit in 400 KB")]
    [InlineData("[ItemBounds(MaxCount = 2)] public List<List<int>>? [|Grid|] { get; set; }", "'Doc.Grid' has no size bound (inner collections without [ItemBounds(ElementMaxCount = …)]), so 'Doc' items cannot be proven to fit in 400 KB")]
    public Task UnboundedMember_Message_SaysWhichBoundIsMissing(string member, string message) => DynamoDBProject.CreateFor("SLS3005")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3005")
        .WithSourceCode($$"""
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;
            using Sharpless.DynamoDB;

            [DynamoDBTable("Docs")]
            public class Doc
            {
                [DynamoDBHashKey, MaxLength(10)] public string Id { get; set; } = "";
                {{member}}
            }
            """)
        .ShouldReportDiagnosticWithMessage(message)
        .ValidateAsync();

    [Fact]
    public Task RecursiveModels_AreReportedOnce_AtTheClosingMember() => DynamoDBProject.CreateFor("SLS3006")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3006")
        .WithSourceCode("""
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Folders")]
            public class Folder
            {
                [DynamoDBHashKey, MaxLength(10)] public string Id { get; set; } = "";
                public Node? Root { get; set; }
            }

            public class Node
            {
                [MaxLength(10)] public string? Name { get; set; }
                public Node? [|Parent|] { get; set; }
                public Leaf? Leaf { get; set; }
            }

            public class Leaf { public Node? [|Owner|] { get; set; } }
            """)
        .ValidateAsync();

    [Theory]
    [InlineData("V1", 74)]
    [InlineData("V2", 79)]
    public async Task WorstCase_FollowsTheConversionSchema(string conversion, long expected)
    {
        // pk: 2 + 4 × 3 = 14. Flag: 4 + (V1 N "1" = 2 | V2 BOOL = 1). Numbers: 7 + (V1 NS 3 × 7 = 21 | V2 L 3 + 3 × (1 + 7) = 27).
        // At: 2 + 24. V1: 14 + 6 + 28 + 26 = 74; V2: 14 + 5 + 34 + 26 = 79.
        var compilation = await DynamoDBProject.Create()
            .WithBuildProperty("SharplessDynamoDBConversion", conversion)
            .WithSourceCode("""
                using System;
                using System.Collections.Generic;
                using System.ComponentModel.DataAnnotations;
                using Amazon.DynamoDBv2.DataModel;

                [DynamoDBTable("T")]
                public class T
                {
                    [DynamoDBHashKey("pk"), MaxLength(4)] public string Id { get; set; } = "";
                    public bool Flag { get; set; }
                    [MaxLength(3)] public List<int>? Numbers { get; set; }
                    public DateTime At { get; set; }
                }
                """)
            .CompileAsync();

        var model = new ItemModelReader(compilation, ItemModelReader.ParseProjectConversion(conversion))
            .Read(compilation.GetTypeByMetadataName("T")!, CancellationToken.None)!;
        var estimate = new ItemSizeCalculator(model, asciiStrings: false).Compute();

        Assert.Empty(estimate.Unbounded);
        Assert.Equal(expected, estimate.BoundedBytes);
    }

    [Fact]
    public Task BoundsOnPositionalRecordParameters_AreRead() => DynamoDBProject.CreateFor("SLS3005")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3005")
        .WithSourceCode("""
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("People")]
            public record Person([property: DynamoDBHashKey, StringLength(36)] string Id, [StringLength(100)] string Name, string [|Notes|]);
            """)
        .ValidateAsync();
}
