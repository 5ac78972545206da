using Sharpless.DynamoDB;

namespace Sharpless.Analyzers.Tests.DynamoDB;

public sealed class SLS3002ListStoredAsSetTests
{
    [Fact]
    public Task ListsOfScalars_UnderV1_AreReported() => DynamoDBProject.CreateFor("SLS3002")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3002")
        .WithSourceCode("""
            using System;
            using System.Collections.Generic;
            using Amazon.DynamoDBv2.DataModel;

            public enum Color { Red }

            [DynamoDBTable("Orders")]
            public class Order
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public List<string>? [|Tags|] { get; set; }
                public int[]? [|Numbers|] { get; set; }
                public List<byte[]>? [|Blobs|] { get; set; }
                public List<Guid>? [|Ids|] { get; set; }
                public HashSet<string>? Labels { get; set; }          // a set, and says so
                public List<Color>? Colors { get; set; }              // enums: a list of numbers (L)
                public List<int?>? Maybe { get; set; }                // nullable elements: L
                public List<Line>? Lines { get; set; }                // maps: L
                public List<List<int>>? Matrix { get; set; }          // the outer list is L (the inner one is a set)
            }

            public class Line { public List<string>? [|Notes|] { get; set; } }
            """)
        .ValidateAsync();

    [Fact]
    public Task Message_NamesTheSetType() => DynamoDBProject.CreateFor("SLS3002")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3002")
        .WithSourceCode("""
            using System.Collections.Generic;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Orders")]
            public class Order
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public List<int>? [|Quantities|] { get; set; }
            }
            """)
        .ShouldReportDiagnosticWithMessage("'Order.Quantities' (System.Collections.Generic.List<int>?) is stored as a DynamoDB set (NS) under conversion V1: duplicates are rejected, order is not kept and an empty list is not stored")
        .ValidateAsync();

    [Fact]
    public Task UnderV2_ListsAreLists() => DynamoDBProject.CreateFor("SLS3002")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithSourceCode("""
            using System.Collections.Generic;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Orders", CaseMode.Unset, ConversionSchema.V2)]
            public class Order
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public List<string>? Tags { get; set; }
                public int[]? Numbers { get; set; }
            }
            """)
        .ValidateAsync();

    [Fact]
    public Task ProjectWideV2_FromMSBuild_MakesListsLists_UnlessTheTableSaysV1() => DynamoDBProject.CreateFor("SLS3002")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3002")
        .WithBuildProperty("SharplessDynamoDBConversion", "v2")
        .WithSourceCode("""
            using System.Collections.Generic;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Orders")]
            public class Order
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public List<string>? Tags { get; set; }
            }

            [DynamoDBTable("Legacy", CaseMode.Unset, ConversionSchema.V1)]
            public class Legacy
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public List<string>? [|Tags|] { get; set; }
            }
            """)
        .ValidateAsync();
}
