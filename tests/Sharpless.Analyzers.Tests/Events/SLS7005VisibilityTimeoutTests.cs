using static Sharpless.Analyzers.Tests.Events.EventsProject;

namespace Sharpless.Analyzers.Tests.Events;

public sealed class SLS7005VisibilityTimeoutTests
{
    private const string ReportsFailures = "FunctionResponseTypes: [ReportBatchItemFailures]";

    private static string Queue(string visibilityTimeout) => $$"""
        OrdersQueue:
          Type: AWS::SQS::Queue
          Properties:
        {{visibilityTimeout}}
            RedrivePolicy:
              deadLetterTargetArn: !GetAtt OrdersDeadLetters.Arn
              maxReceiveCount: 5
        OrdersDeadLetters:
          Type: AWS::SQS::Queue
        """;

    [Fact]
    public Task ShorterThanTheFunctionTimeout_IsReportedAtTheValue_AsRejected() => WithTemplate(
        BatchResponseHandler,
        Template(SqsEvent(ReportsFailures), Queue("    VisibilityTimeout: [|20|]")))
        .WithDefaultRuleId("SLS7005")
        .ShouldReportDiagnosticWithMessage("Queue 'OrdersQueue' has a visibility timeout of 20 s, but function 'OrdersFunction' may run 30 s; Lambda rejects the trigger when it is shorter than the function timeout")
        .ValidateAsync();

    [Fact]
    public Task ShorterThanSixTimesTheTimeoutPlusTheBatchingWindow_IsReported_WithTheRecommendation() => WithTemplate(
        BatchResponseHandler,
        Template(SqsEvent(ReportsFailures + "\nMaximumBatchingWindowInSeconds: 10"), Queue("    VisibilityTimeout: [|180|]")))
        .WithDefaultRuleId("SLS7005")
        .ShouldReportDiagnosticWithMessage("Queue 'OrdersQueue' has a visibility timeout of 180 s, but function 'OrdersFunction' may run 30 s; AWS recommends at least 6 × timeout + batching window = 190 s")
        .ValidateAsync();

    [Fact]
    public Task DefaultVisibilityTimeout_IsReportedAtTheQueue() => WithTemplate(BatchResponseHandler, Template(SqsEvent(ReportsFailures), """
        [|OrdersQueue|]:
          Type: AWS::SQS::Queue
          Properties:
            RedrivePolicy:
              deadLetterTargetArn: !GetAtt OrdersDeadLetters.Arn
              maxReceiveCount: 5
        OrdersDeadLetters:
          Type: AWS::SQS::Queue
        """))
        .WithDefaultRuleId("SLS7005")
        .ShouldReportDiagnosticWithMessage("Queue 'OrdersQueue' has a visibility timeout of 30 s, but function 'OrdersFunction' may run 30 s; AWS recommends at least 6 × timeout + batching window = 180 s")
        .ValidateAsync();

    [Theory]
    [InlineData("    VisibilityTimeout: 180")]
    [InlineData("    VisibilityTimeout: '900'")]
    [InlineData("    VisibilityTimeout: !Ref QueueVisibility")]
    [InlineData("    VisibilityTimeout: !Ref UndecidedVisibility")]
    [InlineData("    VisibilityTimeout: !If [IsProd, 60, 900]")]
    public Task SixTimesTheTimeout_OrAValueOnlyDeployTimeDecides_IsQuiet(string visibilityTimeout) => WithTemplate(
        BatchResponseHandler,
        Template(SqsEvent(ReportsFailures), Queue(visibilityTimeout)) + """

        Parameters:
          QueueVisibility:
            Type: Number
            Default: 300
          UndecidedVisibility:
            Type: Number
        """)
        .ValidateAsync();

    [Fact]
    public Task ParameterDefault_IsWhatTheDeploymentGets() => WithTemplate(
        BatchResponseHandler,
        Template(SqsEvent(ReportsFailures), Queue("    VisibilityTimeout: [|!Ref QueueVisibility|]")) + """

        Parameters:
          QueueVisibility:
            Type: Number
            Default: 60
        """)
        .WithDefaultRuleId("SLS7005")
        .ValidateAsync();

    [Fact]
    public Task TimeoutFromGlobals_AndTheSamDefault_AreUsed() => WithTemplate(
        BatchResponseHandler,
        Template(SqsEvent(ReportsFailures), Queue("    VisibilityTimeout: [|100|]"), functionProperties: "", globals: "Timeout: 20"))
        .WithDefaultRuleId("SLS7005")
        .ShouldReportDiagnosticWithMessage("Queue 'OrdersQueue' has a visibility timeout of 100 s, but function 'OrdersFunction' may run 20 s; AWS recommends at least 6 × timeout + batching window = 120 s")
        .ValidateAsync();

    [Fact]
    public Task DefaultThreeSecondTimeout_NeedsEighteenSeconds() => WithTemplate(
        BatchResponseHandler,
        Template(SqsEvent(ReportsFailures), Queue("    VisibilityTimeout: 18"), functionProperties: ""))
        .ValidateAsync();

    [Theory]
    [InlineData("Queue: !GetAtt [OrdersQueue, Arn]")]
    [InlineData("Queue: { 'Fn::GetAtt': [OrdersQueue, Arn] }")]
    [InlineData("Queue: !Sub '${OrdersQueue.Arn}'")]
    public Task EveryWayToNameTheQueue_IsFollowed(string queue) => WithTemplate(BatchResponseHandler, Template($"""
        OrdersMessages:
          Type: SQS
          Properties:
            {queue}
            {ReportsFailures}
        """, Queue("    VisibilityTimeout: {|SLS7005:20|}")))
        .ValidateAsync();

    [Theory]
    [InlineData("Queue: !Ref QueueArn")]
    [InlineData("Queue: !ImportValue shared-orders-queue-arn")]
    [InlineData("Queue: arn:aws:sqs:eu-west-1:123456789012:orders")]
    [InlineData("Queue: !GetAtt OrdersQueue.QueueName")]
    public Task QueueOfAnotherStack_IsQuiet(string queue) => WithTemplate(BatchResponseHandler, Template($"""
        OrdersMessages:
          Type: SQS
          Properties:
            {queue}
            {ReportsFailures}
        """, "OrdersQueue:\n  Type: AWS::SQS::Queue\n  Properties:\n    VisibilityTimeout: 5"))
        .ValidateAsync();
}
