using System.ComponentModel.DataAnnotations;
using Amazon.DynamoDBv2.DataModel;
using Sharpless.DynamoDB;

namespace AntiPatterns.DynamoDB;

[DynamoDBTable("Articles")]
public class Article
{
    [DynamoDBHashKey, StringLength(36)]
    public string Id { get; set; } = "";

    // SLS3002: under the default conversion (V1) a List<string> is stored as a string set (SS), as DynamoDBContext
    // stores it: duplicates are rejected, order is lost, an empty list is not stored. Use a HashSet<string> if a set
    // is meant, or conversion V2, where lists are lists (L): [DynamoDBTable("Articles", CaseMode.Unset, ConversionSchema.V2)].
    [MaxLength(20), ItemBounds(ElementMaxLength = 40)]
    public List<string>? Tags { get; set; }
}
