using static Sharpless.Analyzers.Tests.Events.EventsProject;

namespace Sharpless.Analyzers.Tests.Events;

public sealed class SLS7007StreamWithoutOnFailureTests
{
    private const string StreamHandler = """
        using Amazon.Lambda.DynamoDBEvents;
        using Amazon.Lambda.KinesisEvents;
        namespace Orders;
        public class Function
        {
            public void Handle(DynamoDBEvent evt) { }
        }
        """;

    private static string StreamEvent(string type, string properties, string name = "Changes") => $"""
        {name}:
          Type: {type}
          Properties:
            Stream: {(type == "DynamoDB" ? "!GetAtt OrdersTable.StreamArn" : "!GetAtt Clicks.Arn")}
            StartingPosition: TRIM_HORIZON
        {string.Join("\n", properties.Split('\n').Select(l => l.Length == 0 ? l : "    " + l))}
        """;

    [Fact]
    public Task DynamoDBStream_WithoutAnyBound_IsReportedAtTheEvent() => WithTemplate(StreamHandler, Template(StreamEvent("DynamoDB", "BatchSize: 100", name: "[|Changes|]")))
        .WithDefaultRuleId("SLS7007")
        .ShouldReportDiagnosticWithMessage("Event 'Changes' of template resource 'OrdersFunction' reads a DynamoDB stream with no on-failure destination and no retry limit; one record that always fails blocks its shard until the record expires")
        .ValidateAsync();

    [Fact]
    public Task KinesisStream_WithoutAnyBound_IsReported() => WithTemplate(StreamHandler, Template(StreamEvent("Kinesis", "BisectBatchOnFunctionError: true", name: "[|Changes|]")))
        .WithDefaultRuleId("SLS7007")
        .ShouldReportDiagnosticWithMessage("Event 'Changes' of template resource 'OrdersFunction' reads a Kinesis stream with no on-failure destination and no retry limit; one record that always fails blocks its shard until the record expires")
        .ValidateAsync();

    [Theory]
    [InlineData("MaximumRetryAttempts: -1")]
    [InlineData("MaximumRecordAgeInSeconds: -1")]
    [InlineData("MaximumRetryAttempts: !Ref Retries")]
    public Task InfiniteRetries_AreNoBound(string properties) => WithTemplate(StreamHandler, Template(StreamEvent("DynamoDB", properties, name: "[|Changes|]")) + """

        Parameters:
          Retries:
            Type: Number
            Default: -1
        """)
        .WithDefaultRuleId("SLS7007")
        .ValidateAsync();

    [Theory]
    [InlineData("MaximumRetryAttempts: 3")]
    [InlineData("MaximumRetryAttempts: 0")]
    [InlineData("MaximumRecordAgeInSeconds: 3600")]
    [InlineData("MaximumRetryAttempts: !Ref UndecidedRetries")]
    [InlineData("DestinationConfig:\n  OnFailure:\n    Destination: !GetAtt FailedRecords.Arn\n    Type: SQS")]
    public Task AnyBound_IsQuiet(string properties) => WithTemplate(StreamHandler, Template(StreamEvent("Kinesis", properties)) + """

        Parameters:
          UndecidedRetries:
            Type: Number
        """)
        .ValidateAsync();

    [Fact]
    public Task EventSourceMapping_WithoutAnyBound_IsReportedAtTheResource() => WithTemplate(StreamHandler, """
        Resources:
          OrdersFunction:
            Type: AWS::Lambda::Function
            Properties:
              Handler: TestProject::Orders.Function::Handle
              Runtime: dotnet8
          [|OrdersStreamMapping|]:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !GetAtt OrdersFunction.Arn
              EventSourceArn: !GetAtt OrdersTable.StreamArn
              StartingPosition: LATEST
          BoundedMapping:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !Ref OrdersFunction
              EventSourceArn: !Sub arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/clicks
              StartingPosition: LATEST
              MaximumRetryAttempts: 2
          OrdersTable:
            Type: AWS::DynamoDB::Table
        """)
        .WithDefaultRuleId("SLS7007")
        .ShouldReportDiagnosticWithMessage("Event 'OrdersStreamMapping' of template resource 'OrdersFunction' reads a DynamoDB stream with no on-failure destination and no retry limit; one record that always fails blocks its shard until the record expires")
        .ValidateAsync();

    [Fact]
    public Task FunctionOfAnotherProject_IsQuiet() => WithTemplate(StreamHandler, Template(StreamEvent("DynamoDB", ""), handler: "Projector::Projector.Function::Handle"))
        .ValidateAsync();
}
