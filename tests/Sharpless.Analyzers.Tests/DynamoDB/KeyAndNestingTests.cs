using System.Text;
using Sharpless.DynamoDB;

namespace Sharpless.Analyzers.Tests.DynamoDB;

public sealed class KeyAndNestingTests
{
    [Fact]
    public Task KeysOverTheirLimits_AreReported_ForTableAndIndexKeys() => DynamoDBProject.CreateFor("SLS3007")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3007")
        .WithSourceCode("""
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Events")]
            public class Event
            {
                [DynamoDBHashKey, StringLength(682)] public string Tenant { get; set; } = "";    // 2,046 bytes: fits 2,048
                [DynamoDBRangeKey, StringLength(342)] public string [|Sort|] { get; set; } = "";  // 1,026 bytes: over 1,024
                [DynamoDBGlobalSecondaryIndexHashKey("ByUser"), StringLength(683)] public string? [|User|] { get; set; } // 2,049
                [DynamoDBLocalSecondaryIndexRangeKey("ByTime"), StringLength(341)] public string? Time { get; set; }    // 1,023
                public string? NotAKey { get; set; }
            }
            """)
        .ValidateAsync();

    [Fact]
    public Task KeyMessage_GivesRoleSizeAndLimit() => DynamoDBProject.CreateFor("SLS3007")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3007")
        .WithSourceCode("""
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Events")]
            public class Event
            {
                [DynamoDBHashKey, StringLength(10)] public string Tenant { get; set; } = "";
                [DynamoDBRangeKey, StringLength(342)] public string [|Sort|] { get; set; } = "";
            }
            """)
        .ShouldReportDiagnosticWithMessage("'Event.Sort' is the sort key; it can reach 1,026 bytes, over DynamoDB's 1,024-byte limit for it")
        .ValidateAsync();

    [Fact]
    public Task AsciiStrings_BringAKeyWithinItsLimit() => DynamoDBProject.CreateFor("SLS3007")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithBuildProperty("SharplessDynamoDBAsciiStrings", "true")
        .WithSourceCode("""
            using System.ComponentModel.DataAnnotations;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Events")]
            public class Event
            {
                [DynamoDBHashKey, StringLength(2000)] public string Tenant { get; set; } = "";
                [DynamoDBRangeKey, StringLength(1000)] public string Sort { get; set; } = "";
            }
            """)
        .ValidateAsync();

    [Theory]
    [InlineData(31, false)]
    [InlineData(32, true)]
    public Task NestingOf32LevelsOrMore_IsReported(int levels, bool reported) => DynamoDBProject.CreateFor("SLS3008")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3008")
        .WithSourceCode(Nested(levels, reported))
        .ValidateAsync();

    [Fact]
    public Task NestingMessage_GivesTheDepth() => DynamoDBProject.CreateFor("SLS3008")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3008")
        .WithSourceCode(Nested(33, reported: true))
        .ShouldReportDiagnosticWithMessage("'Root.Next' nests 33 levels of lists and maps; DynamoDB supports nested attributes up to 32 levels deep")
        .ValidateAsync();

    /// <summary>A table whose member Next holds Level1 → Level2 → … → LevelN: N nested maps.</summary>
    private static string Nested(int levels, bool reported)
    {
        var source = new StringBuilder("using Amazon.DynamoDBv2.DataModel;\n");
        source.Append("[DynamoDBTable(\"Deep\")] public class Root { [DynamoDBHashKey] public string Id { get; set; } = \"\"; ");
        source.Append(reported ? "public Level1? [|Next|] { get; set; } }\n" : "public Level1? Next { get; set; } }\n");
        for (var i = 1; i < levels; i++)
        {
            source.Append($"public class Level{i} {{ public Level{i + 1}? Next {{ get; set; }} }}\n");
        }

        source.Append($"public class Level{levels} {{ public int Value {{ get; set; }} }}\n");
        return source.ToString();
    }
}
