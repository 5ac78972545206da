// Compile-time stand-ins for the Amazon.Lambda.*Events packages (public API subset: the event and response types
// handlers take and return), used only by tests. The real packages are not on this environment's NuGet feed; see
// StandIns/README.md. Type and namespace names are those of the packages, so handler discovery (which matches event
// types by metadata name) binds exactly as it would against the real assemblies.
#nullable disable
namespace Amazon.Lambda.SQSEvents
{
    using System.Collections.Generic;

    public class SQSEvent
    {
        public List<SQSMessage> Records { get; set; }

        public class SQSMessage
        {
            public string MessageId { get; set; }
            public string ReceiptHandle { get; set; }
            public string Body { get; set; }
            public string Md5OfBody { get; set; }
            public string EventSourceArn { get; set; }
            public string EventSource { get; set; }
            public string AwsRegion { get; set; }
            public Dictionary<string, string> Attributes { get; set; }
        }
    }

    public class SQSBatchResponse
    {
        public SQSBatchResponse() { }
        public SQSBatchResponse(List<BatchItemFailure> batchItemFailures) { }
        public List<BatchItemFailure> BatchItemFailures { get; set; }

        public class BatchItemFailure
        {
            public string ItemIdentifier { get; set; }
        }
    }
}

namespace Amazon.Lambda.SNSEvents
{
    using System;
    using System.Collections.Generic;

    public class SNSEvent
    {
        public IList<SNSRecord> Records { get; set; }

        public class SNSRecord
        {
            public string EventSource { get; set; }
            public string EventSubscriptionArn { get; set; }
            public string EventVersion { get; set; }
            public SNSMessage Sns { get; set; }
        }

        public class SNSMessage
        {
            public string Message { get; set; }
            public string MessageId { get; set; }
            public string Subject { get; set; }
            public string TopicArn { get; set; }
            public DateTime Timestamp { get; set; }
        }
    }
}

namespace Amazon.Lambda.S3Events
{
    using System.Collections.Generic;

    public class S3Event
    {
        public List<S3EventNotificationRecord> Records { get; set; }

        public class S3EventNotificationRecord
        {
            public string AwsRegion { get; set; }
            public string EventName { get; set; }
            public S3Entity S3 { get; set; }
        }

        public class S3Entity
        {
            public S3BucketEntity Bucket { get; set; }
            public S3ObjectEntity Object { get; set; }
        }

        public class S3BucketEntity
        {
            public string Name { get; set; }
            public string Arn { get; set; }
        }

        public class S3ObjectEntity
        {
            public string Key { get; set; }
            public long Size { get; set; }
            public string ETag { get; set; }
        }
    }
}

namespace Amazon.Lambda.DynamoDBEvents
{
    using System.Collections.Generic;

    public class DynamoDBEvent
    {
        public IList<DynamodbStreamRecord> Records { get; set; }

        public class DynamodbStreamRecord
        {
            public string EventID { get; set; }
            public string EventName { get; set; }
            public string EventSourceArn { get; set; }
            public StreamRecord Dynamodb { get; set; }
        }

        public class StreamRecord
        {
            public Dictionary<string, AttributeValue> Keys { get; set; }
            public Dictionary<string, AttributeValue> NewImage { get; set; }
            public Dictionary<string, AttributeValue> OldImage { get; set; }
            public string SequenceNumber { get; set; }
        }

        public class AttributeValue
        {
            public string S { get; set; }
            public string N { get; set; }
            public bool? BOOL { get; set; }
        }
    }

    public class StreamsEventResponse
    {
        public IList<BatchItemFailure> BatchItemFailures { get; set; }

        public class BatchItemFailure
        {
            public string ItemIdentifier { get; set; }
        }
    }
}

namespace Amazon.Lambda.KinesisEvents
{
    using System.Collections.Generic;
    using System.IO;

    public class KinesisEvent
    {
        public IList<KinesisEventRecord> Records { get; set; }

        public class KinesisEventRecord
        {
            public string EventId { get; set; }
            public string EventName { get; set; }
            public string EventSourceARN { get; set; }
            public Record Kinesis { get; set; }
        }

        public class Record
        {
            public string PartitionKey { get; set; }
            public string SequenceNumber { get; set; }
            public MemoryStream Data { get; set; }
        }
    }

    public class StreamsEventResponse
    {
        public IList<BatchItemFailure> BatchItemFailures { get; set; }

        public class BatchItemFailure
        {
            public string ItemIdentifier { get; set; }
        }
    }
}

namespace Amazon.Lambda.KinesisFirehoseEvents
{
    using System.Collections.Generic;

    public class KinesisFirehoseEvent
    {
        public string InvocationId { get; set; }
        public IList<FirehoseRecord> Records { get; set; }

        public class FirehoseRecord
        {
            public string RecordId { get; set; }
            public string Base64EncodedData { get; set; }
            public string DecodeData() => throw new System.NotSupportedException();
        }
    }

    public class KinesisFirehoseResponse
    {
        public IList<FirehoseRecord> Records { get; set; }

        public class FirehoseRecord
        {
            public string RecordId { get; set; }
            public string Result { get; set; }
            public void EncodeData(string data) { }
        }
    }
}

namespace Amazon.Lambda.CloudWatchEvents
{
    using System;
    using System.Collections.Generic;

    public class CloudWatchEvent<T>
    {
        public string Version { get; set; }
        public string Account { get; set; }
        public string Region { get; set; }
        public T Detail { get; set; }
        public string DetailType { get; set; }
        public string Source { get; set; }
        public DateTime Time { get; set; }
        public string Id { get; set; }
        public List<string> Resources { get; set; }
    }
}

namespace Amazon.Lambda.CloudWatchEvents.ScheduledEvents
{
    public class Detail { }

    public class ScheduledEvent : Amazon.Lambda.CloudWatchEvents.CloudWatchEvent<Detail> { }
}

namespace Amazon.Lambda.CloudWatchLogsEvents
{
    public class CloudWatchLogsEvent
    {
        public Log Awslogs { get; set; }

        public class Log
        {
            public string EncodedData { get; set; }
            public string DecodeData() => throw new System.NotSupportedException();
        }
    }
}

namespace Amazon.Lambda.APIGatewayEvents
{
    using System.Collections.Generic;

    public class APIGatewayProxyRequest
    {
        public string Resource { get; set; }
        public string Path { get; set; }
        public string HttpMethod { get; set; }
        public IDictionary<string, string> Headers { get; set; }
        public IDictionary<string, string> QueryStringParameters { get; set; }
        public IDictionary<string, string> PathParameters { get; set; }
        public string Body { get; set; }
        public bool IsBase64Encoded { get; set; }
    }

    public class APIGatewayProxyResponse
    {
        public int StatusCode { get; set; }
        public IDictionary<string, string> Headers { get; set; }
        public string Body { get; set; }
        public bool IsBase64Encoded { get; set; }
    }

    public class APIGatewayHttpApiV2ProxyRequest
    {
        public string RouteKey { get; set; }
        public string RawPath { get; set; }
        public string RawQueryString { get; set; }
        public IDictionary<string, string> Headers { get; set; }
        public IDictionary<string, string> QueryStringParameters { get; set; }
        public IDictionary<string, string> PathParameters { get; set; }
        public string Body { get; set; }
        public bool IsBase64Encoded { get; set; }
    }

    public class APIGatewayHttpApiV2ProxyResponse
    {
        public int StatusCode { get; set; }
        public IDictionary<string, string> Headers { get; set; }
        public string Body { get; set; }
        public bool IsBase64Encoded { get; set; }
    }

    public class APIGatewayCustomAuthorizerRequest
    {
        public string Type { get; set; }
        public string AuthorizationToken { get; set; }
        public string MethodArn { get; set; }
    }

    public class APIGatewayCustomAuthorizerResponse
    {
        public string PrincipalID { get; set; }
    }
}

namespace Amazon.Lambda.ApplicationLoadBalancerEvents
{
    using System.Collections.Generic;

    public class ApplicationLoadBalancerRequest
    {
        public string HttpMethod { get; set; }
        public string Path { get; set; }
        public Dictionary<string, string> Headers { get; set; }
        public string Body { get; set; }
        public bool IsBase64Encoded { get; set; }
    }

    public class ApplicationLoadBalancerResponse
    {
        public int StatusCode { get; set; }
        public string StatusDescription { get; set; }
        public Dictionary<string, string> Headers { get; set; }
        public string Body { get; set; }
        public bool IsBase64Encoded { get; set; }
    }
}

namespace Amazon.Lambda.LexEvents
{
    using System.Collections.Generic;

    public class LexEvent
    {
        public string InputTranscript { get; set; }
        public IDictionary<string, string> SessionAttributes { get; set; }
    }

    public class LexResponse
    {
        public IDictionary<string, string> SessionAttributes { get; set; }
    }
}

namespace Amazon.Lambda.CognitoEvents
{
    using System.Collections.Generic;

    public abstract class CognitoTriggerEvent<TRequest, TResponse>
    {
        public string Version { get; set; }
        public string Region { get; set; }
        public string UserPoolId { get; set; }
        public string UserName { get; set; }
        public string TriggerSource { get; set; }
        public TRequest Request { get; set; }
        public TResponse Response { get; set; }
    }

    public class CognitoPreSignupRequest
    {
        public Dictionary<string, string> UserAttributes { get; set; }
    }

    public class CognitoPreSignupResponse
    {
        public bool AutoConfirmUser { get; set; }
    }

    public class CognitoPreSignupEvent : CognitoTriggerEvent<CognitoPreSignupRequest, CognitoPreSignupResponse> { }

    public class CognitoPostConfirmationRequest
    {
        public Dictionary<string, string> UserAttributes { get; set; }
    }

    public class CognitoPostConfirmationResponse { }

    public class CognitoPostConfirmationEvent : CognitoTriggerEvent<CognitoPostConfirmationRequest, CognitoPostConfirmationResponse> { }
}
