using Amazon.DynamoDBv2.Model;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.DynamoDB;

/// <summary>Test projects that reference the real AWSSDK.DynamoDBv2 (and AWSSDK.Core) assemblies, as a user's would.</summary>
internal static class DynamoDBProject
{
    public static ProjectBuilder Create() =>
        new ProjectBuilder()
            .WithReference(typeof(AttributeValue).Assembly)
            .WithReference(typeof(Amazon.Runtime.AmazonServiceClient).Assembly);
}
