namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

/// <summary>
/// Projects that are not functions themselves — a shared library that references Amazon.Lambda.Core for its logger,
/// a data library of DynamoDB models — and the DynamoDB model shapes SLS3004/SLS3005 judge: plain scalar models
/// (quiet: keys are bounded by DynamoDB, a Name or Email does not grow), models with members that grow (lists, maps,
/// binary, free-text bodies: reported), and a bounded model whose worst case is over 400 KB.
/// </summary>
internal static class LibraryAndModelProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield return new RealWorldProject("shared-library-lambda-core", "Class library referencing Amazon.Lambda.Core (logging helpers, repository)", "Shop.Shared")
            .Source("LoggerExtensions.cs", """
                using Amazon.Lambda.Core;

                namespace Shop.Shared;

                public static class LoggerExtensions
                {
                    public static void Event(this ILambdaLogger logger, string name, string id) =>
                        logger.LogLine($"{{\"event\":\"{name}\",\"id\":\"{id}\"}}");
                }
                """)
            .Source("OrderRepository.cs", """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                namespace Shop.Shared;

                public class OrderRepository
                {
                    private readonly IAmazonDynamoDB _db;

                    public OrderRepository(IAmazonDynamoDB db) => _db = db;

                    public OrderRepository() : this({|quiet:new AmazonDynamoDBClient()|}) { }

                    public Task<GetItemResponse> GetAsync(string id) =>
                        _db.GetItemAsync("Orders", new Dictionary<string, AttributeValue> { ["PK"] = new AttributeValue { S = id } });
                }
                """)
            .QuietInProject("SLS4002")
            .QuietInProject("SLS4003");

        yield return new RealWorldProject("models-scalar", "DynamoDB data library: plain scalar models with keys and short strings", "Shop.Data")
            .Source("Customer.cs", """
                using System;
                using Amazon.DynamoDBv2.DataModel;

                namespace Shop.Data;

                [DynamoDBTable("Customers")]
                public class {|quiet:Customer|}
                {
                    [DynamoDBHashKey] public string {|quiet:Id|} { get; set; } = "";
                    public string {|quiet:Name|} { get; set; } = "";
                    public string {|quiet:Email|} { get; set; } = "";
                    public string? {|quiet:Phone|} { get; set; }
                    public int Age { get; set; }
                    public bool Active { get; set; }
                    public DateTime CreatedAt { get; set; }
                }
                """)
            .Source("Order.cs", """
                using Amazon.DynamoDBv2.DataModel;

                namespace Shop.Data;

                [DynamoDBTable("Shop")]
                public class {|quiet:Order|}
                {
                    [DynamoDBHashKey("PK")] public string {|quiet:CustomerKey|} { get; set; } = "";
                    [DynamoDBRangeKey("SK")] public string {|quiet:OrderKey|} { get; set; } = "";
                    public string {|quiet:Status|} { get; set; } = "NEW";
                    public string {|quiet:Currency|} { get; set; } = "EUR";
                    public decimal Total { get; set; }
                    [DynamoDBIgnore] public string {|quiet:Display|} => $"{OrderKey} {Total} {Currency}";
                }
                """)
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("models-growing", "DynamoDB model with lists, maps, binary and free-text members", "Support.Data")
            .Source("Ticket.cs", """
                using System;
                using System.Collections.Generic;
                using Amazon.DynamoDBv2.DataModel;

                namespace Support.Data;

                [DynamoDBTable("Tickets")]
                public class Ticket
                {
                    [DynamoDBHashKey] public string {|quiet:TicketId|} { get; set; } = "";
                    public string {|quiet:Title|} { get; set; } = "";
                    public string {|SLS3005:Body|} { get; set; } = "";
                    public List<Comment> {|SLS3005:Comments|} { get; set; } = new();
                    public Dictionary<string, string> {|SLS3005:Metadata|} { get; set; } = new();
                    public byte[]? {|SLS3005:Attachment|} { get; set; }
                    public DateTime OpenedAt { get; set; }
                }

                public class Comment
                {
                    public string {|quiet:Author|} { get; set; } = "";
                    public string Message { get; set; } = "";
                    public DateTime At { get; set; }
                }
                """)
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("models-index-keys-and-streams", "DynamoDB model with GSI/LSI keys, notes and a MemoryStream", "Media.Data")
            .Source("Asset.cs", """
                using System.IO;
                using Amazon.DynamoDBv2.DataModel;

                namespace Media.Data;

                [DynamoDBTable("Assets")]
                public class Asset
                {
                    [DynamoDBHashKey] public string {|quiet:OwnerId|} { get; set; } = "";
                    [DynamoDBRangeKey] public string {|quiet:AssetKey|} { get; set; } = "";
                    [DynamoDBGlobalSecondaryIndexHashKey("ByChecksum")] public string {|quiet:Checksum|} { get; set; } = "";
                    [DynamoDBLocalSecondaryIndexRangeKey("ByUploadedAt")] public string {|quiet:UploadedAt|} { get; set; } = "";
                    public string {|quiet:ContentType|} { get; set; } = "";
                    public long SizeBytes { get; set; }
                    public string? {|SLS3005:Notes|} { get; set; }
                    public MemoryStream? {|SLS3005:Thumbnail|} { get; set; }
                }
                """)
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("models-worst-case-over-limit", "Bounded DynamoDB model whose worst case exceeds 400 KB", "Cms.Data")
            .Source("Page.cs", """
                using System.Collections.Generic;
                using System.ComponentModel.DataAnnotations;
                using Amazon.DynamoDBv2.DataModel;
                using Sharpless.DynamoDB;

                namespace Cms.Data;

                [DynamoDBTable("Pages")]
                public class {|SLS3004:Page|}
                {
                    [DynamoDBHashKey, StringLength(200)] public string {|quiet:Slug|} { get; set; } = "";
                    [StringLength(120)] public string {|quiet:Title|} { get; set; } = "";
                    [StringLength(250_000)] public string {|quiet:Html|} { get; set; } = "";
                    [ItemBounds(MaxCount = 500, ElementMaxLength = 300)] public List<string> Links { get; set; } = new();
                }
                """)
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("models-strict-mode", "DynamoDB model, .editorconfig sharpless.item_size.strict = true", "Audit.Data")
            .WithEditorConfig("""
                root = true

                [*.cs]
                sharpless.item_size.strict = true
                """)
            .Source("AuditEntry.cs", """
                using Amazon.DynamoDBv2.DataModel;

                namespace Audit.Data;

                [DynamoDBTable("Audit")]
                public class AuditEntry
                {
                    [DynamoDBHashKey] public string EntryId { get; set; } = "";
                    public string {|SLS3005:Actor|} { get; set; } = "";
                    public string {|SLS3005:Action|} { get; set; } = "";
                    public long At { get; set; }
                }
                """)
            .QuietInProject("SLS4002");
    }
}
