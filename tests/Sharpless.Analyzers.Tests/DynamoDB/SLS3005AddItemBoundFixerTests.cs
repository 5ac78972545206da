using Sharpless.CodeFixes.DynamoDB;
using Sharpless.DynamoDB;

namespace Sharpless.Analyzers.Tests.DynamoDB;

public sealed class SLS3005AddItemBoundFixerTests
{
    // One fix at a time and Fix All must give the same code.
    private const string Bounded = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using Amazon.DynamoDBv2.DataModel;
        using Sharpless.DynamoDB;

        [DynamoDBTable("Docs")]
        public class Doc
        {
            [DynamoDBHashKey]
            public string Id { get; set; } = "";

            [StringLength(256)]
            public string? Notes { get; set; }

            [ItemBounds(MaxLength = 4096)]
            public byte[]? Blob { get; set; }

            [ItemBounds(MaxCount = 100)]
            public List<int>? Numbers { get; set; }

            [ItemBounds(MaxCount = 100, KeyMaxLength = 64)]
            public Dictionary<string, int>? Counters { get; set; }
        }
        """;

    [Fact]
    public Task Fix_AddsABoundToEachUnboundedMember() => DynamoDBProject.CreateFor("SLS3005")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithCodeFixProvider<AddItemBoundFixer>()
        .WithDefaultRuleId("SLS3005")
        .WithSourceCode("""
            using System.Collections.Generic;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Docs")]
            public class Doc
            {
                [DynamoDBHashKey]
                public string Id { get; set; } = "";

                public string? [|Notes|] { get; set; }

                public byte[]? [|Blob|] { get; set; }

                public List<int>? [|Numbers|] { get; set; }

                public Dictionary<string, int>? [|Counters|] { get; set; }
            }
            """)
        .ShouldFixCodeWith(Bounded)
        .ShouldBatchFixCodeWith(Bounded)
        .ValidateAsync();

    [Fact]
    public Task NoFix_WhenOnlyAnElementBoundIsMissing() => DynamoDBProject.CreateFor("SLS3005")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithCodeFixProvider<AddItemBoundFixer>()
        .WithDefaultRuleId("SLS3005")
        .WithSourceCode("""
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Docs")]
            public class Doc
            {
                [DynamoDBHashKey, StringLength(10)] public string Id { get; set; } = "";
                [MaxLength(5)] public List<string>? [|Tags|] { get; set; }
            }
            """)
        .ShouldNotOfferCodeFix()
        .ValidateAsync();
}
