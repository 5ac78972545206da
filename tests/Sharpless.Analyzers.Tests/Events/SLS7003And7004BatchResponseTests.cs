using static Sharpless.Analyzers.Tests.Events.EventsProject;

namespace Sharpless.Analyzers.Tests.Events;

public sealed class SLS7003And7004BatchResponseTests
{
    private const string ReportsFailures = "FunctionResponseTypes: [ReportBatchItemFailures]";

    [Fact]
    public Task BatchResponse_WithoutReportBatchItemFailures_IsReportedAtTheReturnType() => WithTemplate("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        namespace Orders;
        public class Function
        {
            public async [|Task<SQSBatchResponse>|] Handle(SQSEvent evt, ILambdaContext context)
            {
                await Task.Yield();
                return new SQSBatchResponse();
            }
        }
        """, Template(SqsEvent(), GoodQueue))
        .WithDefaultRuleId("SLS7003")
        .ShouldReportDiagnosticWithMessage("'Function.Handle' returns batch item failures, but event 'OrdersMessages' of template resource 'OrdersFunction' does not set FunctionResponseTypes: [ReportBatchItemFailures]; Lambda treats the batch as a success and the failed messages are lost")
        .ValidateAsync();

    [Theory]
    [InlineData("Amazon.Lambda.SQSEvents.SQSBatchResponse")]
    [InlineData("System.Threading.Tasks.ValueTask<Amazon.Lambda.SQSEvents.SQSBatchResponse>")]
    [InlineData("Amazon.Lambda.DynamoDBEvents.StreamsEventResponse")]
    [InlineData("System.Threading.Tasks.Task<Amazon.Lambda.KinesisEvents.StreamsEventResponse>")]
    [InlineData("Orders.MyBatchResponse")]
    [InlineData("Orders.RenamedBatchResponse")]
    public Task EveryBatchResponseShape_IsReported(string returnType) => WithTemplate($$"""
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Amazon.Lambda.SQSEvents;
        namespace Orders;
        public class MyBatchResponse { public List<string> BatchItemFailures { get; set; } = new(); }
        public class RenamedBatchResponse { [JsonPropertyName("batchItemFailures")] public List<string> Failed { get; set; } = new(); }
        public class Function
        {
            public {|SLS7003:{{returnType}}|} Handle(SQSEvent evt) => default!;
        }
        """, Template(SqsEvent(), GoodQueue))
        .ValidateAsync();

    [Fact]
    public Task StreamEvents_WithoutReportBatchItemFailures_AreReported_AsLostRecords() => WithTemplate("""
        using Amazon.Lambda.DynamoDBEvents;
        namespace Orders;
        public class Function
        {
            public [|StreamsEventResponse|] Handle(DynamoDBEvent evt) => new StreamsEventResponse();
        }
        """, Template("""
            TableChanges:
              Type: DynamoDB
              Properties:
                Stream: !GetAtt OrdersTable.StreamArn
                StartingPosition: LATEST
                MaximumRetryAttempts: 3
            """))
        .WithDefaultRuleId("SLS7003")
        .ShouldReportDiagnosticWithMessage("'Function.Handle' returns batch item failures, but event 'TableChanges' of template resource 'OrdersFunction' does not set FunctionResponseTypes: [ReportBatchItemFailures]; Lambda treats the batch as a success and the failed records are lost")
        .ValidateAsync();

    [Fact]
    public Task BatchResponse_WithReportBatchItemFailures_IsQuiet() => WithTemplate(BatchResponseHandler, Template(SqsEvent(ReportsFailures), GoodQueue))
        .ValidateAsync();

    [Theory]
    [InlineData("FunctionResponseTypes:\n  - ReportBatchItemFailures")]
    [InlineData("FunctionResponseTypes: !Ref ResponseTypes")]
    [InlineData("FunctionResponseTypes: !If [IsProd, [ReportBatchItemFailures], !Ref AWS::NoValue]")]
    public Task ReportBatchItemFailures_AsABlockList_OrDecidedAtDeployTime_IsQuiet(string responseTypes) => WithTemplate(
        BatchResponseHandler,
        Template(SqsEvent(responseTypes), GoodQueue) + "\nParameters:\n  ResponseTypes:\n    Type: CommaDelimitedList\n    Default: ReportBatchItemFailures\n")
        .ValidateAsync();

    [Fact]
    public Task SameFunctionInTwoTemplates_IsReportedOnce() => WithTemplate("""
        using Amazon.Lambda.SQSEvents;
        namespace Orders;
        public class Function
        {
            public [|SQSBatchResponse|] Handle(SQSEvent evt) => new SQSBatchResponse();
        }
        """, Template(SqsEvent(), GoodQueue))
        .WithAdditionalFile("/src/serverless.template", """
            {
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "OrdersFunction": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Orders.Function::Handle",
                    "Timeout": 30,
                    "Events": { "OrdersMessages": { "Type": "SQS", "Properties": { "Queue": "arn:aws:sqs:eu-west-1:123456789012:orders" } } }
                  }
                }
              }
            }
            """)
        .WithDefaultRuleId("SLS7003")
        .ValidateAsync();

    [Fact]
    public Task HandlerNotInTheTemplate_IsQuiet() => WithTemplate(
        BatchResponseHandler,
        Template(SqsEvent(), GoodQueue, handler: "TestProject::Orders.OtherFunction::Handle"))
        .ValidateAsync();

    [Fact]
    public Task HandlerOfAnotherAssembly_IsQuiet() => WithTemplate(
        BatchResponseHandler,
        Template(SqsEvent(), GoodQueue, handler: "Billing::Orders.Function::Handle"))
        .ValidateAsync();

    [Fact]
    public Task NoTemplate_IsQuiet() => Create(BatchResponseHandler).ValidateAsync();

    [Fact]
    public Task OtherEventTypes_AreQuiet() => WithTemplate(BatchResponseHandler, Template("""
        Nightly:
          Type: Schedule
          Properties:
            Schedule: rate(1 day)
        """))
        .ValidateAsync();

    [Fact]
    public Task ReportBatchItemFailures_WithAHandlerThatReturnsNothing_IsReportedAtTheMethod() => WithTemplate("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        namespace Orders;
        public class Function
        {
            public Task [|Handle|](SQSEvent evt, ILambdaContext context) => Task.CompletedTask;
        }
        """, Template(SqsEvent(ReportsFailures), GoodQueue))
        .WithDefaultRuleId("SLS7004")
        .ShouldReportDiagnosticWithMessage("Event 'OrdersMessages' of template resource 'OrdersFunction' sets ReportBatchItemFailures, but 'Function.Handle' returns Task; one failed message still retries the whole batch")
        .ValidateAsync();

    [Theory]
    [InlineData("void")]
    [InlineData("System.Threading.Tasks.ValueTask")]
    [InlineData("int")]
    [InlineData("System.Threading.Tasks.Task<bool>")]
    [InlineData("Orders.Receipt")]
    public Task ReportBatchItemFailures_WithANonBatchResult_IsReported(string returnType) => WithTemplate($$"""
        using Amazon.Lambda.SQSEvents;
        namespace Orders;
        public record Receipt(int Count);
        public class Function
        {
            public {{returnType}} {|SLS7004:Handle|}(SQSEvent evt) => throw new System.NotImplementedException();
        }
        """, Template(SqsEvent(ReportsFailures), GoodQueue))
        .ValidateAsync();

    [Theory]
    [InlineData("System.IO.Stream")]
    [InlineData("System.Threading.Tasks.Task<System.IO.MemoryStream>")]
    [InlineData("object")]
    [InlineData("string")]
    [InlineData("dynamic")]
    [InlineData("System.Text.Json.JsonElement")]
    [InlineData("System.Text.Json.Nodes.JsonObject")]
    [InlineData("System.Collections.Generic.Dictionary<string, object>")]
    [InlineData("System.Collections.Generic.IDictionary<string, object>")]
    public Task ReportBatchItemFailures_WithAResultThatMayCarryAnyJson_IsQuiet(string returnType) => WithTemplate($$"""
        using Amazon.Lambda.SQSEvents;
        namespace Orders;
        public class Function
        {
            public {{returnType}} Handle(SQSEvent evt) => throw new System.NotImplementedException();
        }
        """, Template(SqsEvent(ReportsFailures), GoodQueue))
        .ValidateAsync();

    [Fact]
    public Task TwoFunctions_EachJudgedByItsOwnEvents() => WithTemplate("""
        using System.Threading.Tasks;
        using Amazon.Lambda.SQSEvents;
        namespace Orders;
        public class Function
        {
            public Task<SQSBatchResponse> Handle(SQSEvent evt) => Task.FromResult(new SQSBatchResponse());
            public {|SLS7003:Task<SQSBatchResponse>|} Audit(SQSEvent evt) => Task.FromResult(new SQSBatchResponse());
        }
        """, Template(SqsEvent(ReportsFailures), GoodQueue + """

        AuditFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: TestProject::Orders.Function::Audit
            Timeout: 30
            Events:
              AuditMessages:
                Type: SQS
                Properties:
                  Queue: !GetAtt OrdersQueue.Arn
        """))
        .ValidateAsync();

    [Fact]
    public Task EventSourceMappingResource_IsCheckedLikeASamEvent() => WithTemplate("""
        using Amazon.Lambda.SQSEvents;
        namespace Orders;
        public class Function
        {
            public [|SQSBatchResponse|] Handle(SQSEvent evt) => new SQSBatchResponse();
        }
        """, """
        Resources:
          OrdersFunction:
            Type: AWS::Lambda::Function
            Properties:
              Handler: TestProject::Orders.Function::Handle
              Runtime: dotnet8
              Timeout: 30
          OrdersMapping:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !Ref OrdersFunction
              EventSourceArn: !GetAtt OrdersQueue.Arn
        """ + "\n" + string.Join("\n", GoodQueue.Split('\n').Select(l => "  " + l)))
        .WithDefaultRuleId("SLS7003")
        .ValidateAsync();
}
