using static Sharpless.Analyzers.Tests.Events.EventsProject;

namespace Sharpless.Analyzers.Tests.Events;

public sealed class SLS7006QueueWithoutDeadLetterTests
{
    private const string ReportsFailures = "FunctionResponseTypes: [ReportBatchItemFailures]";

    [Fact]
    public Task QueueWithoutRedrivePolicy_IsReportedAtTheQueue() => WithTemplate(BatchResponseHandler, Template(SqsEvent(ReportsFailures), """
        [|OrdersQueue|]:
          Type: AWS::SQS::Queue
          Properties:
            VisibilityTimeout: 180
        """))
        .WithDefaultRuleId("SLS7006")
        .ShouldReportDiagnosticWithMessage("Queue 'OrdersQueue' consumed by function 'OrdersFunction' has no RedrivePolicy; a message that always fails is retried until it expires after the retention period")
        .ValidateAsync();

    [Fact]
    public Task QueueWithoutProperties_IsReportedOnce_AlongsideItsVisibilityTimeout() => WithTemplate(BatchResponseHandler, Template(
        SqsEvent(ReportsFailures) + "\n" + SqsEvent(ReportsFailures, name: "MoreMessages"),
        "{|SLS7005:{|SLS7006:OrdersQueue|}|}:\n  Type: AWS::SQS::Queue"))
        .ValidateAsync();

    [Theory]
    [InlineData("RedrivePolicy:\n      deadLetterTargetArn: !GetAtt OrdersDeadLetters.Arn\n      maxReceiveCount: 3")]
    [InlineData("RedrivePolicy: !If [HasDlq, { deadLetterTargetArn: !Ref DlqArn, maxReceiveCount: 3 }, !Ref AWS::NoValue]")]
    [InlineData("RedrivePolicy: '{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:dlq\",\"maxReceiveCount\":3}'")]
    public Task QueueWithARedrivePolicy_IsQuiet(string redrive) => WithTemplate(BatchResponseHandler, Template(SqsEvent(ReportsFailures), $"""
        OrdersQueue:
          Type: AWS::SQS::Queue
          Properties:
            VisibilityTimeout: 180
            {redrive}
        OrdersDeadLetters:
          Type: AWS::SQS::Queue
        """))
        .ValidateAsync();

    [Fact]
    public Task ConsumerOfADeadLetterQueue_IsQuiet() => WithTemplate(BatchResponseHandler, Template("""
        DeadLetters:
          Type: SQS
          Properties:
            Queue: !GetAtt OrdersDeadLetters.Arn
            FunctionResponseTypes: [ReportBatchItemFailures]
        """, GoodQueue + "\n  Properties:\n    VisibilityTimeout: 180"))
        .ValidateAsync();

    [Theory]
    [InlineData("!Ref QueueArn")]
    [InlineData("!ImportValue orders-queue-arn")]
    [InlineData("arn:aws:sqs:eu-west-1:123456789012:orders")]
    public Task QueueOfAnotherStack_IsQuiet(string queue) => WithTemplate(BatchResponseHandler, Template($"""
        OrdersMessages:
          Type: SQS
          Properties:
            Queue: {queue}
            {ReportsFailures}
        """))
        .ValidateAsync();
}
