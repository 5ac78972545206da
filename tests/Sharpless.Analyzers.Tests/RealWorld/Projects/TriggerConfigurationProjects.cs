namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

/// <summary>
/// SQS and DynamoDB Streams consumers deployed with a SAM template, in the shapes of the AWS serverless-snippets
/// partial-batch samples (`lambda-function-sqs-report-batch-item-failures`, the DynamoDB equivalent) and the
/// `sam init` queue templates: one consumer whose template forgot `FunctionResponseTypes`, two configured correctly.
/// </summary>
internal static class TriggerConfigurationProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield return new RealWorldProject("sqs-batch-response-no-report-setting", "SQSBatchResponse handler, SAM SQS event without ReportBatchItemFailures", "OrderIntake")
            .AdditionalFile("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Description: Order intake queue consumer

                Globals:
                  Function:
                    Runtime: dotnet8
                    MemorySize: 512
                    Timeout: 30

                Resources:
                  OrderQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 180
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt OrderDeadLetterQueue.Arn
                        maxReceiveCount: 5

                  OrderDeadLetterQueue:
                    Type: AWS::SQS::Queue

                  OrderIntakeFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: OrderIntake::OrderIntake.Function::FunctionHandler
                      CodeUri: ./src/OrderIntake/
                      Policies:
                        - SQSPollerPolicy:
                            QueueName: !GetAtt OrderQueue.QueueName
                      Events:
                        OrderMessages:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt OrderQueue.Arn
                            BatchSize: 10
                """)
            .Source("Function.cs", """
                using System;
                using System.Collections.Generic;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.SQSEvents;

                namespace OrderIntake;

                public record Order(string OrderId, decimal Total);

                public class Function
                {
                    public async {|SLS7003:Task<SQSBatchResponse>|} FunctionHandler(SQSEvent evnt, ILambdaContext context)
                    {
                        var batchItemFailures = new List<SQSBatchResponse.BatchItemFailure>();
                        foreach (var message in evnt.Records)
                        {
                            try
                            {
                                await ProcessMessageAsync(message, context);
                            }
                            catch (Exception)
                            {
                                batchItemFailures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                            }
                        }

                        return new SQSBatchResponse(batchItemFailures);
                    }

                    private static async Task ProcessMessageAsync(SQSEvent.SQSMessage message, ILambdaContext context)
                    {
                        var order = JsonSerializer.Deserialize<Order>(message.Body) ?? throw new InvalidOperationException("empty order");
                        context.Logger.LogLine($"Processed order {order.OrderId}");
                        await Task.CompletedTask;
                    }
                }
                """)
            .ReadyToRun()
            .LambdaProjectType()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("dynamodb-stream-on-failure-destination", "StreamsEventResponse handler, SAM DynamoDB event with retries bounded and OnFailure (correct)", "OrderProjection")
            .AdditionalFile("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31

                Resources:
                  OrdersTable:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions:
                        - AttributeName: pk
                          AttributeType: S
                      KeySchema:
                        - AttributeName: pk
                          KeyType: HASH
                      StreamSpecification:
                        StreamViewType: NEW_AND_OLD_IMAGES

                  ProjectionFailures:
                    Type: AWS::SQS::Queue

                  ProjectionFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: OrderProjection::OrderProjection.Function::FunctionHandler
                      Runtime: dotnet8
                      Timeout: 60
                      Events:
                        {|quiet:OrderChanges|}:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt OrdersTable.StreamArn
                            StartingPosition: TRIM_HORIZON
                            BatchSize: 100
                            MaximumRetryAttempts: 3
                            BisectBatchOnFunctionError: true
                            FunctionResponseTypes:
                              - ReportBatchItemFailures
                            DestinationConfig:
                              OnFailure:
                                Type: SQS
                                Destination: !GetAtt ProjectionFailures.Arn
                """)
            .Source("Function.cs", """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.DynamoDBEvents;

                namespace OrderProjection;

                public class Function
                {
                    public async {|quiet:Task<StreamsEventResponse>|} FunctionHandler(DynamoDBEvent dynamoEvent, ILambdaContext context)
                    {
                        var batchItemFailures = new List<StreamsEventResponse.BatchItemFailure>();
                        string? curRecordSequenceNumber = string.Empty;
                        foreach (var record in dynamoEvent.Records)
                        {
                            try
                            {
                                curRecordSequenceNumber = record.Dynamodb.SequenceNumber;
                                context.Logger.LogLine($"{record.EventName}: {record.Dynamodb.Keys["pk"].S}");
                                await Task.CompletedTask;
                            }
                            catch (Exception)
                            {
                                batchItemFailures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = curRecordSequenceNumber });
                                return new StreamsEventResponse { BatchItemFailures = batchItemFailures };
                            }
                        }

                        return new StreamsEventResponse { BatchItemFailures = batchItemFailures };
                    }
                }
                """)
            .ReadyToRun()
            .LambdaProjectType()
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("sqs-queue-with-dlq-and-visibility", "SQS consumer, queue with DLQ and 6 × timeout visibility (correct)", "EmailSender")
            .AdditionalFile("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31

                Parameters:
                  FunctionTimeout:
                    Type: Number
                    Default: 20

                Globals:
                  Function:
                    Timeout: !Ref FunctionTimeout
                    Runtime: dotnet8

                Resources:
                  {|quiet:EmailQueue|}:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: {|quiet:120|}
                      MessageRetentionPeriod: 345600
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt EmailDeadLetterQueue.Arn
                        maxReceiveCount: 5

                  EmailDeadLetterQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      MessageRetentionPeriod: 1209600

                  EmailSenderFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: EmailSender::EmailSender.Function::FunctionHandler
                      CodeUri: ./
                      Events:
                        EmailRequests:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt EmailQueue.Arn
                            BatchSize: 5
                """)
            .Source("Function.cs", """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.SQSEvents;

                namespace EmailSender;

                public class Function
                {
                    public async {|quiet:Task|} FunctionHandler(SQSEvent evnt, ILambdaContext context)
                    {
                        foreach (var message in evnt.Records)
                        {
                            context.Logger.LogLine($"sending {message.MessageId}");
                            await Task.CompletedTask;
                        }
                    }
                }
                """)
            .ReadyToRun()
            .LambdaProjectType()
            .QuietInProject("SLS4002");
    }
}
