using Sharpless.TestKit;
using static Sharpless.Analyzers.Tests.Functions.DriftProject;

namespace Sharpless.Analyzers.Tests.Functions;

/// <summary>SLS7010 on hand-written templates: the forms users write for the same trigger are in step; a different one drifts.</summary>
public sealed class SLS7010TriggerDriftTests
{
    private const string Consumer = """
        using Sharpless;
        namespace Shop;
        public class Consumers
        {
            [{|#0:SQSEvent("@OrdersQueue", ResourceName = "Orders")|}]
            public void Ship(string body) { }
        }
        """;

    private static string Template(string queue, string responseTypes = "            FunctionResponseTypes: [ReportBatchItemFailures]\n") => $$"""
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          LegacyQueueArn:
            Type: String
        Resources:
          OrdersQueue:
            Type: AWS::SQS::Queue
          Ship:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Orders::Shop.Consumers_Ship_Handler::Handle
              Runtime: dotnet8
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: {{queue}}
        {{responseTypes}}
        """;

    [Theory]
    [InlineData("!GetAtt OrdersQueue.Arn")]
    [InlineData("!GetAtt [OrdersQueue, Arn]")]
    [InlineData("{ \"Fn::GetAtt\": [\"OrdersQueue\", \"Arn\"] }")]
    [InlineData("!Sub '${OrdersQueue.Arn}'")]
    [InlineData("!Ref LegacyQueueArn")]
    public Task TheSameQueueInAnyForm_OrOneDecidedAtDeployTime_IsInStep(string queue) =>
        Create(Consumer.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}]", "]", StringComparison.Ordinal), Template(queue.Replace("!Ref LegacyQueueArn", "!Ref OrdersQueue", StringComparison.Ordinal)))
            .ValidateAsync();

    [Fact]
    public Task AnotherQueue_IsReportedAtTheAttribute() =>
        Create(Consumer.Replace("{|#0:", "{|SLS7010:", StringComparison.Ordinal), Template("arn:aws:sqs:eu-west-1:123456789012:legacy"))
            .ShouldReportDiagnosticWithMessage("Trigger 'Orders' of function 'Ship' reads @OrdersQueue in the code but arn:aws:sqs:eu-west-1:123456789012:legacy in template resource 'Ship'")
            .ValidateAsync();

    [Fact]
    public Task AHandWrittenEventWithoutBatchReporting_IsReported() =>
        Create(Consumer.Replace("{|#0:", "{|SLS7010:", StringComparison.Ordinal), Template("!GetAtt OrdersQueue.Arn", responseTypes: string.Empty))
            .ShouldReportDiagnosticWithMessage("Trigger 'Orders' of function 'Ship' reports failed items in the code, but has no FunctionResponseTypes: [ReportBatchItemFailures] (Lambda ignores them and the failed items are lost) in template resource 'Ship'")
            .ValidateAsync();
}
