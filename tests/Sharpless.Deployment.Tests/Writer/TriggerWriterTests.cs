using Sharpless.Deployment.Manifest;
using Sharpless.Deployment.Templates;
using Sharpless.Deployment.Tests.Schema;
using Sharpless.TestKit;
using static Sharpless.Deployment.Tests.TemplateWriterFixtures;

namespace Sharpless.Deployment.Tests;

/// <summary>
/// [SQSEvent] and [DynamoDBEvent] triggers written as SAM events: references become the attributes SAM expects, partial
/// batch responses are switched on, and the result has the shape the CloudFormation specification requires.
/// </summary>
public sealed class TriggerWriterTests
{
    private static readonly string BaselineDirectory = Baselines.GetDirectory(typeof(TriggerWriterTests).Assembly);

    /// <summary>As the generator writes it for a queue consumer and a stream projector (see the Functions tests' baseline).</summary>
    public const string TriggersManifest = """
        {"version":1,"functions":[
          {"name":"ProjectOrders","handler":"Orders::Shop.Fulfilment_ProjectOrders_Handler::Handle","method":"Shop.Fulfilment.Project",
           "memorySize":null,"timeout":30,"role":null,"policies":[],"vpcConfig":null,"events":[
             {"type":"DynamoDB","name":"OrdersTableStream","properties":{"Stream":"@OrdersTable","StartingPosition":"TRIM_HORIZON","BatchSize":100,
              "MaximumRetryAttempts":3,"DestinationConfig":{"OnFailure":{"Destination":"@ProjectionFailures","Type":"SQS"}},
              "FilterCriteria":{"Filters":[{"Pattern":"{\"eventName\": [\"INSERT\", \"MODIFY\"]}"}]},"FunctionResponseTypes":["ReportBatchItemFailures"]}}]},
          {"name":"Ship","handler":"Orders::Shop.Fulfilment_Ship_Handler::Handle","method":"Shop.Fulfilment.Ship",
           "memorySize":null,"timeout":null,"role":null,"policies":[],"vpcConfig":null,"events":[
             {"type":"SQS","name":"OrdersQueue","properties":{"Queue":"@OrdersQueue","BatchSize":100,"MaximumBatchingWindowInSeconds":5,
              "ScalingConfig":{"MaximumConcurrency":5},"Enabled":false,"FunctionResponseTypes":["ReportBatchItemFailures"]}},
             {"type":"SQS","name":"SQSEvent","properties":{"Queue":"arn:aws:sqs:eu-west-1:123456789012:legacy","FunctionResponseTypes":["ReportBatchItemFailures"]}}]}]}
        """;

    private const string Resources = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersQueue:
            Type: AWS::SQS::Queue
          ProjectionFailures:
            Type: AWS::SQS::Queue
          OrdersTable:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions:
                - AttributeName: Id
                  AttributeType: S
              KeySchema:
                - AttributeName: Id
                  KeyType: HASH
              StreamSpecification:
                StreamViewType: NEW_AND_OLD_IMAGES

        """;

    private static FunctionManifest Triggers => FunctionManifestReader.FromJson(TriggersManifest);

    /// <summary>The other sources, as the generator writes them (EventManifest).</summary>
    public const string OtherSourcesManifest = """
        {"version":1,"functions":[
          {"name":"Cleanup","handler":"Orders::Shop.Jobs_Cleanup_Handler::Handle","method":"Shop.Jobs.Cleanup",
           "memorySize":null,"timeout":null,"role":null,"policies":[],"vpcConfig":null,"events":[
             {"type":"Schedule","name":"Schedule","properties":{"Schedule":"cron(0 3 * * ? *)","Description":"nightly cleanup","Enabled":false}}]},
          {"name":"OnClick","handler":"Orders::Shop.Clicks_OnClick_Handler::Handle","method":"Shop.Clicks.OnClick",
           "memorySize":null,"timeout":null,"role":null,"policies":[],"vpcConfig":null,"events":[
             {"type":"Kinesis","name":"ClickStream","properties":{"Stream":"@ClickStream","StartingPosition":"TRIM_HORIZON","MaximumRetryAttempts":2,
              "DestinationConfig":{"OnFailure":{"Destination":"@ClickFailures","Type":"SQS"}},"FunctionResponseTypes":["ReportBatchItemFailures"]}}]},
          {"name":"OnObject","handler":"Orders::Shop.Uploads_OnObject_Handler::Handle","method":"Shop.Uploads.OnObject",
           "memorySize":null,"timeout":null,"role":null,"policies":[],"vpcConfig":null,"events":[
             {"type":"S3","name":"UploadsBucket","properties":{"Bucket":"@UploadsBucket","Events":["s3:ObjectCreated:*"],
              "Filter":{"S3Key":{"Rules":[{"Name":"prefix","Value":"incoming/"},{"Name":"suffix","Value":".csv"}]}}}}]},
          {"name":"OnOrder","handler":"Orders::Shop.Notifications_OnOrder_Handler::Handle","method":"Shop.Notifications.OnOrder",
           "memorySize":null,"timeout":null,"role":null,"policies":[],"vpcConfig":null,"events":[
             {"type":"SNS","name":"OrderEvents","properties":{"Topic":"@OrderEvents","FilterPolicy":{"kind":["OrderPlaced"]}}}]},
          {"name":"OnPlaced","handler":"Orders::Shop.Rules_OnPlaced_Handler::Handle","method":"Shop.Rules.OnPlaced",
           "memorySize":null,"timeout":null,"role":null,"policies":[],"vpcConfig":null,"events":[
             {"type":"EventBridgeRule","name":"EventBridgeRule","properties":{"Pattern":{"source":["com.shop.orders"],"detail-type":["OrderPlaced"]},"EventBusName":"@OrdersBus"}}]}]}
        """;

    [Theory]
    [InlineData(TemplateFormat.Yaml, "other-triggers.yaml")]
    [InlineData(TemplateFormat.Json, "other-triggers.template")]
    public void SnsS3KinesisScheduleAndEventBridgeTriggers_AreWrittenAsSamEvents(TemplateFormat format, string baseline)
    {
        var manifest = FunctionManifestReader.FromJson(OtherSourcesManifest);

        var written = Write(null, format, manifest);

        Baselines.Verify(written, Path.Combine(BaselineDirectory, baseline));
        Assert.Equal(written, Write(written, format, manifest));
        var errors = TemplateShapeValidator.Validate(written, format);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData(TemplateFormat.Yaml, "triggers.yaml")]
    [InlineData(TemplateFormat.Json, "triggers.template")]
    public void Triggers_AreWrittenAsSamEvents_AndASecondRunChangesNothing(TemplateFormat format, string baseline)
    {
        var written = Write(null, format, Triggers);

        Baselines.Verify(written, Path.Combine(BaselineDirectory, baseline));
        Assert.Equal(written, Write(written, format, Triggers));
        var errors = TemplateShapeValidator.Validate(written, format);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Triggers_InATemplateThatDeclaresTheirResources_ResolveEveryReference()
    {
        var written = Write(Resources, TemplateFormat.Yaml, Triggers);

        Assert.Empty(TemplateShapeValidator.Validate(written, TemplateFormat.Yaml));
        Assert.Empty(TemplateShapeValidator.UndeclaredReferences(TemplateDocument.Parse(written, TemplateFormat.Yaml)));
        Assert.StartsWith(Resources, written, StringComparison.Ordinal);
    }

    [Fact]
    public void ATriggerRemovedFromCode_IsRemovedFromTheTemplate_AndAChangedSettingIsRewritten()
    {
        var before = Write(Resources, TemplateFormat.Yaml, Triggers);
        var edited = new FunctionManifest(Triggers.Functions
            .Select(f => f.Name == "Ship" ? f with { Events = [f.Events[0] with { Properties = FunctionManifestReader.FromJson(TriggersManifest.Replace("\"BatchSize\":100,\"MaximumBatchingWindowInSeconds\"", "\"BatchSize\":10,\"MaximumBatchingWindowInSeconds\"", StringComparison.Ordinal)).Functions[1].Events[0].Properties }] } : f)
            .ToArray());

        var after = Write(before, TemplateFormat.Yaml, edited);

        Assert.DoesNotContain("SQSEvent:", after, StringComparison.Ordinal);
        Assert.DoesNotContain("legacy", after, StringComparison.Ordinal);
        Assert.Contains("BatchSize: 10\n", after, StringComparison.Ordinal);
        Assert.DoesNotContain("BatchSize: 100\n            MaximumBatchingWindowInSeconds", after, StringComparison.Ordinal);
        Assert.Empty(TemplateShapeValidator.Validate(after, TemplateFormat.Yaml));
    }
}
