using Sharpless.DynamoDB;

namespace Sharpless.Analyzers.Tests.DynamoDB;

public sealed class SLS3001ItemModelAnalyzerTests
{
    [Fact]
    public Task UnsupportedMembers_AreErrors_NamingMemberTypeAndReason() => DynamoDBProject.CreateFor("SLS3001")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithSourceCode("""
            using System;
            using System.Collections.Generic;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Events")]
            public class Event
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public Uri? {|SLS3001:Link|} { get; set; }
                public Half {|SLS3001:Ratio|} { get; set; }
                public IList<string>? {|SLS3001:Tags|} { get; set; }
                public Dictionary<int, string>? {|SLS3001:ByNumber|} { get; set; }
                public HashSet<Detail>? {|SLS3001:Details|} { get; set; }
                public object? {|SLS3001:Anything|} { get; set; }
                private string? {|SLS3001:Secret|} { get; init; }
                [DynamoDBFlatten] public string? {|SLS3001:Flat|} { get; set; }
                [DynamoDBPolymorphicType("d", typeof(Detail))] public Detail? {|SLS3001:Polymorphic|} { get; set; }
                [DynamoDBProperty(StoreAsEpochLong = true)] public string? {|SLS3001:Epoch|} { get; set; }
                [DynamoDBProperty(typeof(object))] public string? {|SLS3001:Converted|} { get; set; }
                public Detail? Nested { get; set; }
            }

            public class Detail
            {
                public Version? {|SLS3001:Inner|} { get; set; }
            }
            """)
        .ValidateAsync();

    [Fact]
    public Task Message_SaysWhatAndWhy() => DynamoDBProject.CreateFor("SLS3001")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithDefaultRuleId("SLS3001")
        .WithSourceCode("""
            using System;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Events")]
            public class Event
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public Uri? [|Link|] { get; set; }
            }
            """)
        .ShouldReportDiagnosticWithMessage("'Event.Link' (System.Uri?) cannot be stored by the generated DynamoDB mapper: a type DynamoDBContext cannot store")
        .ValidateAsync();

    [Fact]
    public Task SupportedModels_AndIgnoredMembers_AreQuiet() => DynamoDBProject.CreateFor("SLS3001")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithSourceCode("""
            using System;
            using System.Collections.Generic;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Orders", CaseMode.CamelCase, ConversionSchema.V2)]
            public class Order
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public List<string>? Tags { get; set; }
                public HashSet<int>? Numbers { get; set; }
                public Dictionary<string, List<Line>>? Lines { get; set; }
                public DateTime At { get; set; }
                public DateTimeOffset Offset { get; set; }
                public TimeSpan Duration { get; set; }
                [DynamoDBIgnore] public Uri? Ignored { get; set; }
                [DynamoDBIgnore] private object? _cache;
                public int Computed => 1;
                public Money? Total { get; set; }
                [DynamoDBFlatten] public Line? Flattened { get; set; }
                [DynamoDBProperty(StoreAsEpochLong = true)] public DateTime? Expires { get; set; }
                private string? ReachedThroughUnsafeAccessor { get; set; }
                public Order? Parent { get; set; }
            }

            public class Line { public string? Sku { get; set; } }

            public record Money(decimal Amount, string Currency);

            // Not a table: never analysed.
            public class NotATable { public Uri? Link { get; set; } }
            """)
        .ValidateAsync();

    [Fact]
    public Task SharedNestedType_IsReportedOnce() => DynamoDBProject.CreateFor("SLS3001")
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithSourceCode("""
            using System;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("A")] public class A { [DynamoDBHashKey] public string Id { get; set; } = ""; public Shared? S { get; set; } }
            [DynamoDBTable("B")] public class B { [DynamoDBHashKey] public string Id { get; set; } = ""; public Shared? S { get; set; } }
            public class Shared { public Uri? {|SLS3001:Bad|} { get; set; } }
            """)
        .ValidateAsync();

    [Fact]
    public Task WithoutTheAwsSdk_NothingIsAnalysed() => new Sharpless.TestKit.ProjectBuilder()
        .WithAnalyzer<ItemModelAnalyzer>()
        .WithSourceCode("""
            namespace Amazon.DynamoDBv2.DataModel
            {
                public sealed class DynamoDBTableAttribute : System.Attribute { public DynamoDBTableAttribute(string name) { } }
            }
            [Amazon.DynamoDBv2.DataModel.DynamoDBTable("T")]
            public class Lonely { public System.Uri? Link { get; set; } }
            """)
        .ValidateAsync();
}
