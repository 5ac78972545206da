using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Analyzers.Tests.Common;
using Sharpless.Events;
using static Sharpless.Analyzers.Tests.Events.EventsProject;

namespace Sharpless.Analyzers.Tests.Events;

/// <summary>
/// Templates and handlers are read while being edited: every prefix of a template with every kind of trigger (and
/// every 11th prefix of the handler) analyzes without an exception, and the complete files give what they should.
/// </summary>
public sealed class TriggerConfigurationRobustnessTests
{
    private static readonly string FullTemplate = Template(
        SqsEvent("FunctionResponseTypes: [ReportBatchItemFailures]\nMaximumBatchingWindowInSeconds: !Ref Window") + """

        Changes:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt OrdersTable.StreamArn
            StartingPosition: LATEST
            FunctionResponseTypes: [ReportBatchItemFailures]
            DestinationConfig:
              OnFailure:
                Destination: !GetAtt OrdersDeadLetters.Arn
        """,
        GoodQueue + """

        Mapping:
          Type: AWS::Lambda::EventSourceMapping
          Properties:
            FunctionName: !Ref OrdersFunction
            EventSourceArn: !GetAtt Clicks.Arn
            StartingPosition: TRIM_HORIZON
            FunctionResponseTypes: [ReportBatchItemFailures]
        Clicks:
          Type: AWS::Kinesis::Stream
        """) + """

        Parameters:
          Window:
            Type: Number
            Default: 5
        """;

    [Fact]
    public async Task EveryPrefixOfTheTemplate_NeverThrows()
    {
        var compilation = await Create(BatchResponseHandler).CompileAsync();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TriggerConfigurationAnalyzer());
        for (var length = 0; length <= FullTemplate.Length; length++)
        {
            await SweepRun.AnalyzeAsync(compilation, analyzers, [(TemplatePath, FullTemplate[..length])], $"template prefix {length}");
        }

        // The complete template: the visibility timeout (180 s) is short of 6 × 30 s + the 5 s window, and the
        // Kinesis mapping has no bound; the rest is configured correctly.
        var diagnostics = await SweepRun.AnalyzeAsync(compilation, analyzers, [(TemplatePath, FullTemplate)], "complete template");
        Assert.Equal(["SLS7005", "SLS7007"], diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryPrefixOfTheHandler_NeverThrows()
    {
        for (var length = 0; length <= BatchResponseHandler.Length; length += 11)
        {
            await WithTemplate(BatchResponseHandler[..length], FullTemplate).AnalyzeHalfTypedAsync();
        }
    }

    [Theory]
    [InlineData("Resources:\n  OrdersFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Orders.Function::Handle\n      Events:\n        Q:\n          Type: SQS\n")]
    [InlineData("Resources:\n  OrdersFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Orders.Function::Handle\n      Timeout: [30]\n      Events: [SQS]\n")]
    [InlineData("Resources:\n  OrdersFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Orders.Function::Handle\n      Events:\n        Q:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt\n            FunctionResponseTypes: ~\n")]
    [InlineData("Resources:\n  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      FunctionName: [x]\n      EventSourceArn: !GetAtt [a, b, c]\n")]
    [InlineData("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 99999999999999999999\n  OrdersFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Orders.Function::Handle\n      Events:\n        Q:\n          Type: SQS\n          Properties:\n            Queue: !Sub '${.Arn}'\n")]
    public Task BrokenTemplates_AreQuiet(string template) => Create(PlainHandler)
        .WithAdditionalFile(TemplatePath, template)
        .ValidateAsync();
}
