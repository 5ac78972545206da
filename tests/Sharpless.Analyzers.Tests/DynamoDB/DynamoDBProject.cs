using Amazon.DynamoDBv2.Model;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.DynamoDB;

/// <summary>Test projects that reference the real AWSSDK.DynamoDBv2 (and AWSSDK.Core) assemblies, as a user's would.</summary>
internal static class DynamoDBProject
{
    private static readonly string[] ModelRules = ["SLS3001", "SLS3002", "SLS3003", "SLS3004", "SLS3005", "SLS3006"];

    public static ProjectBuilder Create() =>
        new ProjectBuilder()
            .WithReference(typeof(AttributeValue).Assembly)
            .WithReference(typeof(Amazon.Runtime.AmazonServiceClient).Assembly);

    /// <summary>A project where only the given model rules run, so each rule's tests state just that rule's findings.</summary>
    public static ProjectBuilder CreateFor(params string[] ruleIds) =>
        Create().WithEditorConfig(
            "root = true\n\n[*.cs]\n" +
            string.Concat(ModelRules.Except(ruleIds).Select(id => $"dotnet_diagnostic.{id}.severity = none\n")));
}
