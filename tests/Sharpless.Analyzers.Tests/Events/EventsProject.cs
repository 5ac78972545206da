using Sharpless.Events;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.Events;

/// <summary>
/// Test projects for the trigger-configuration rules: <see cref="TriggerConfigurationAnalyzer"/> alone, the
/// Amazon.Lambda stand-ins, and a SAM template (template.yaml) whose function <c>OrdersFunction</c> runs
/// <c>TestProject::Orders.Function::Handle</c>.
/// </summary>
internal static class EventsProject
{
    public const string TemplatePath = "/src/template.yaml";

    /// <summary>A consumer that reports failed messages, as the AWS partial-batch sample writes it.</summary>
    public const string BatchResponseHandler = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        namespace Orders;
        public class Function
        {
            public async Task<SQSBatchResponse> Handle(SQSEvent evt, ILambdaContext context)
            {
                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in evt.Records)
                {
                    try { await Task.Yield(); }
                    catch (System.Exception) { failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId }); }
                }

                return new SQSBatchResponse(failures);
            }
        }
        """;

    /// <summary>A consumer that fails the whole batch by throwing.</summary>
    public const string PlainHandler = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        namespace Orders;
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context) => Task.CompletedTask;
        }
        """;

    /// <summary>A queue with a dead-letter queue and a visibility timeout of 6 × 30 s, the correct configuration.</summary>
    public const string GoodQueue = """
        OrdersQueue:
          Type: AWS::SQS::Queue
          Properties:
            VisibilityTimeout: 180
            RedrivePolicy:
              deadLetterTargetArn: !GetAtt OrdersDeadLetters.Arn
              maxReceiveCount: 5
        OrdersDeadLetters:
          Type: AWS::SQS::Queue
        """;

    public static ProjectBuilder Create(string code) => new ProjectBuilder()
        .WithAnalyzer<TriggerConfigurationAnalyzer>()
        .WithLambdaStandIns()
        .WithSourceCode(code);

    public static ProjectBuilder WithTemplate(string code, string templateMarkup) =>
        Create(code).WithAdditionalFileMarkup(TemplatePath, templateMarkup);

    /// <summary>
    /// A SAM template with <c>OrdersFunction</c> (timeout 30 s unless <paramref name="functionProperties"/> says
    /// otherwise), its <paramref name="events"/> and extra <paramref name="resources"/>.
    /// </summary>
    public static string Template(string events, string resources = "", string functionProperties = "Timeout: 30", string globals = "", string handler = "TestProject::Orders.Function::Handle") => $$"""
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: dotnet8
            MemorySize: 512
        {{Indent(globals, 4)}}
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: {{handler}}
              CodeUri: ./
        {{Indent(functionProperties, 6)}}
              Events:
        {{Indent(events, 8)}}
        {{Indent(resources, 2)}}
        """;

    /// <summary>An SQS event reading <c>OrdersQueue</c>, with extra event properties.</summary>
    public static string SqsEvent(string properties = "", string name = "OrdersMessages") => $"""
        {name}:
          Type: SQS
          Properties:
            Queue: !GetAtt OrdersQueue.Arn
        {Indent(properties, 4)}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));
}
