using System.ComponentModel.DataAnnotations;
using Amazon.DynamoDBv2.DataModel;

namespace AntiPatterns.DynamoDB;

[DynamoDBTable("Categories")]
public class Category
{
    [DynamoDBHashKey, StringLength(36)]
    public string Id { get; set; } = "";

    public CategoryNode? Root { get; set; }
}

public class CategoryNode
{
    [StringLength(100)]
    public string? Name { get; set; }

    // SLS3006: a node that holds its parent holds the whole chain: its size has no bound, and a cycle in memory
    // (child.Parent = parent, parent.Child = child) cannot be written at all. Store the parent's id instead.
    public CategoryNode? Parent { get; set; }
}
