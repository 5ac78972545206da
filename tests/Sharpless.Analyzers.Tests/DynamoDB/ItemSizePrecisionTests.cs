using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.DynamoDB;

namespace Sharpless.Analyzers.Tests.DynamoDB;

/// <summary>
/// Issue #22, "Precision": SLS3005 names what grows (collections, maps, binary, free-text strings) and leaves plain
/// scalars and keys alone unless strict mode is on; keys count at DynamoDB's key limits in the worst case (SLS3004);
/// a model whose table name does not bind yet is still analysed.
/// </summary>
public sealed class ItemSizePrecisionTests
{
    // A model as teams write it: keys, index keys and short scalar strings, none bounded.
    private const string ScalarModel = """
        using System;
        using Amazon.DynamoDBv2.DataModel;

        [DynamoDBTable("Customers")]
        public class Customer
        {
            [DynamoDBHashKey] public string PK { get; set; } = "";
            [DynamoDBRangeKey] public string SK { get; set; } = "";
            [DynamoDBGlobalSecondaryIndexHashKey("ByEmail")] public string? {|#0:Email|} { get; set; }
            [DynamoDBGlobalSecondaryIndexRangeKey("ByEmail")] public string? {|#1:Status|} { get; set; }
            public string? {|#2:Name|} { get; set; }
            public string? {|#3:MessageId|} { get; set; }
            public string? {|#4:ContentType|} { get; set; }
            public int Age { get; set; }
            public DateTime Created { get; set; }
            public Address? Home { get; set; }
        }

        public class Address { public string? {|#5:City|} { get; set; } }
        """;

    [Fact]
    public Task ScalarModel_WithoutCollectionsMapsOrBinary_IsQuietByDefault() => DynamoDBProject.CreateFor("SLS3004", "SLS3005")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithSourceCode(Unmarked(ScalarModel))
        .ValidateAsync();

    [Fact]
    public Task StrictMode_FromEditorConfig_ReportsEveryUnboundedMember_ButNotTheKeys() => DynamoDBProject.CreateFor("SLS3005")
        .WithEditorConfig("sharpless.item_size.strict = true\n")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3005")
        .WithSourceCode(MarkedForStrict(ScalarModel))
        .ValidateAsync();

    [Fact]
    public Task StrictMode_FromMSBuild_ReportsEveryUnboundedMember() => DynamoDBProject.CreateFor("SLS3005")
        .WithBuildProperty("SharplessItemSizeStrict", "true")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3005")
        .WithSourceCode(MarkedForStrict(ScalarModel))
        .ValidateAsync();

    [Fact]
    public Task StrictModeOff_IsTheDefault_EvenWhenTheSwitchSaysFalse() => DynamoDBProject.CreateFor("SLS3005")
        .WithEditorConfig("sharpless.item_size.strict = false\n")
        .WithBuildProperty("SharplessItemSizeStrict", "false")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithSourceCode(Unmarked(ScalarModel))
        .ValidateAsync();

    [Fact]
    public Task WhatGrows_IsReportedByDefault() => DynamoDBProject.CreateFor("SLS3005")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3005")
        .WithSourceCode("""
            using System.Collections.Generic;
            using System.IO;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Orders")]
            public class Order
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public string? Name { get; set; }
                public string? [|OrderNotes|] { get; set; }
                public string? [|BodyHtml|] { get; set; }
                public string? [|Description|] { get; set; }
                [DynamoDBProperty("payload")] public string? [|Raw|] { get; set; }
                public string? [|raw_json|] { get; set; }
                public List<string>? [|Tags|] { get; set; }
                public Dictionary<string, string>? [|Attributes|] { get; set; }
                public byte[]? [|Image|] { get; set; }
                public MemoryStream? [|Archive|] { get; set; }
                public List<Line>? [|Lines|] { get; set; }
                public Line? Last { get; set; }
            }

            public class Line
            {
                public string? Sku { get; set; }
                public string? [|Comment|] { get; set; }
            }
            """)
        .ValidateAsync();

    [Theory]
    [InlineData("OrderNotes", true)]
    [InlineData("BodyHtml", true)]
    [InlineData("HTMLBody", true)]
    [InlineData("raw_json", true)]
    [InlineData("Description", true)]
    [InlineData("UserData", true)]
    [InlineData("messages", true)]
    [InlineData("Id", false)]
    [InlineData("Name", false)]
    [InlineData("Email", false)]
    [InlineData("Status", false)]
    [InlineData("MessageId", false)]
    [InlineData("ContentType", false)]
    [InlineData("Context", false)]
    [InlineData("Metadata", false)]
    [InlineData("", false)]
    public void FreeTextNames_MatchTheHeadWordOnly(string name, bool freeText) =>
        Assert.Equal(freeText, FreeTextNames.IsFreeText(name));

    // Id: "Id" 2 + partition-key limit 2,048 = 2,050. Description: 11 + 136,000 × 3 = 408,011. Total 410,061 = 401 KB.
    [Fact]
    public Task UnboundedKey_CountsAtTheKeyLimit_InTheWorstCase() => DynamoDBProject.CreateFor("SLS3004")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3004")
        .WithSourceCode("""
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Docs")]
            public class [|Doc|]
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                [StringLength(136_000)] public string? Description { get; set; }
            }
            """)
        .ShouldReportDiagnosticWithMessage("'Doc' can reach 401 KB (limit 400 KB): Description 399 KB, Id 3 KB")
        .ValidateAsync();

    // 2,050 + 11 + 135,000 × 3 = 407,061 bytes: fits.
    [Fact]
    public Task UnboundedKey_UnderTheLimit_IsQuiet() => DynamoDBProject.CreateFor("SLS3004", "SLS3005")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithSourceCode("""
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Docs")]
            public class Doc
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                [StringLength(135_000)] public string? Description { get; set; }
            }
            """)
        .ValidateAsync();

    [Fact]
    public async Task Keys_AreBoundedByDynamoDB_ForTheAnalyzer_ButNotForTheMappersMaxItemSize()
    {
        // pk "Id" 2 + 2,048; sk "Sk" 2 + 1,024; GSI partition key "Email" 5 + 2,048; GSI sort key "Age" int 3 + 7;
        // "Small" bounded 5 + 10 × 3 = 35 but over no limit. Declared 3,000 chars on the LSI sort key "Big" counts at 1,024: 3 + 1,024.
        var compilation = await DynamoDBProject.Create()
            .WithSourceCode("""
                using System.ComponentModel.DataAnnotations;
                using Amazon.DynamoDBv2.DataModel;

                [DynamoDBTable("T")]
                public class T
                {
                    [DynamoDBHashKey] public string Id { get; set; } = "";
                    [DynamoDBRangeKey] public string Sk { get; set; } = "";
                    [DynamoDBGlobalSecondaryIndexHashKey("ByEmail")] public string? Email { get; set; }
                    [DynamoDBGlobalSecondaryIndexRangeKey("ByEmail")] public int Age { get; set; }
                    [DynamoDBLocalSecondaryIndexRangeKey("ByBig"), StringLength(3000)] public string? Big { get; set; }
                    [StringLength(10)] public string? Small { get; set; }
                }
                """)
            .CompileAsync();

        var model = new ItemModelReader(compilation).Read(compilation.GetTypeByMetadataName("T")!, CancellationToken.None)!;
        var analyzed = new ItemSizeCalculator(model, asciiStrings: false, keysBoundedByService: true).Compute();
        Assert.Empty(analyzed.Unbounded);
        Assert.Equal(2050 + 1026 + 2053 + 10 + 1027 + 35, analyzed.BoundedBytes);
        Assert.Equal("Big", Assert.Single(analyzed.OversizedKeys).Member);

        // The generated MaxItemSize promises what filling every declared bound reaches: unbounded keys keep it absent.
        var mapper = new ItemSizeCalculator(model, asciiStrings: false).Compute();
        Assert.Equal(["Email", "Id", "Sk"], mapper.Unbounded.Select(u => u.Member).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TableNameThatDoesNotBindYet_IsStillAnalysed_AndGetsNoMapper()
    {
        // [DynamoDBTable(Tables.Orders)] while Tables is in a file not yet written: CS0103, and the model is analysed.
        var code = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable(Tables.Orders)]
            public class Order
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public string? Name { get; set; }
                public string? Notes { get; set; }
                [StringLength(140_000)] public string? Description { get; set; }
            }
            """;
        var trustedPlatform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var compilation = CSharpCompilation.Create(
            "Unbound",
            [CSharpSyntaxTree.ParseText(code, path: "Order.cs")],
            trustedPlatform.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(Amazon.DynamoDBv2.Model.AttributeValue).Assembly.Location))
                .Append(MetadataReference.CreateFromFile(typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS0103");

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ItemModelAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var found = diagnostics.Select(d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList();
        // 2,050 (Id at the key limit) + 11 + 420,000 (Description) = 422,061 bytes = 413 KB; Notes grows, Name does not.
        Assert.Equal(
            [
                "SLS3004 'Order' can reach 413 KB (limit 400 KB): Description 411 KB, Id 3 KB",
                "SLS3005 'Order.Notes' has no size bound (a string without [MaxLength], [StringLength] or [Length]), so 'Order' items cannot be proven to fit in 400 KB",
            ],
            found);

        var run = CSharpGeneratorDriver.Create(new ItemMapperGenerator().AsSourceGenerator()).RunGenerators(compilation).GetRunResult();
        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(run.GeneratedTrees);
    }

    private static string Unmarked(string markup) =>
        System.Text.RegularExpressions.Regex.Replace(markup, @"\{\|#\d:(\w+)\|\}", "$1");

    // Strict: every unbounded non-key member (#2 Name, #3 MessageId, #4 ContentType, #5 City); the index keys (#0, #1)
    // stay bounded by DynamoDB's key limits.
    private static string MarkedForStrict(string markup) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(markup, @"\{\|#[01]:(\w+)\|\}", "$1"),
            @"\{\|#[2-5]:(\w+)\|\}",
            "[|$1|]");
}
