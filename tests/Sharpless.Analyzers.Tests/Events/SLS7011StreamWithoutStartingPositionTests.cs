using static Sharpless.Analyzers.Tests.Events.EventsProject;

namespace Sharpless.Analyzers.Tests.Events;

public sealed class SLS7011StreamWithoutStartingPositionTests
{
    private const string StreamHandler = """
        using Amazon.Lambda.DynamoDBEvents;
        namespace Orders;
        public class Function
        {
            public void Handle(DynamoDBEvent evt) { }
        }
        """;

    private static string StreamEvent(string type, string startingPosition, string name = "Changes") => $"""
        {name}:
          Type: {type}
          Properties:
            Stream: {(type == "DynamoDB" ? "!GetAtt OrdersTable.StreamArn" : "!GetAtt Clicks.Arn")}
        {startingPosition}    MaximumRetryAttempts: 3
        """;

    [Theory]
    [InlineData("DynamoDB")]
    [InlineData("Kinesis")]
    public Task StreamEventWithoutStartingPosition_IsReportedAtTheEvent(string type) => WithTemplate(StreamHandler, Template(StreamEvent(type, string.Empty, name: "[|Changes|]")))
        .WithDefaultRuleId("SLS7011")
        .ShouldReportDiagnosticWithMessage($"Event 'Changes' of template resource 'OrdersFunction' reads a {type} stream without StartingPosition; Lambda requires it for stream sources, so the deployment fails")
        .ValidateAsync();

    [Theory]
    [InlineData("    StartingPosition: LATEST\n")]
    [InlineData("    StartingPosition: !Ref Position\n")]
    public Task AnyStartingPosition_IsQuiet(string startingPosition) => WithTemplate(StreamHandler, Template(StreamEvent("DynamoDB", startingPosition)) + """

        Parameters:
          Position:
            Type: String
        """)
        .WithDefaultRuleId("SLS7011")
        .ValidateAsync();
}
