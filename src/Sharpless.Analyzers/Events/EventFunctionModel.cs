using Sharpless.Common;
using Sharpless.Functions;

namespace Sharpless.Events
{
    internal enum EventSourceKind
    {
        Sqs,
        DynamoDB,
        Sns,
        S3,
        Kinesis,
        Schedule,
        EventBridge,
    }

    /// <summary>Where an event function's parameter comes from.</summary>
    internal enum EventParameterSource
    {
        /// <summary>The message (SQS, SNS), the record's data (Kinesis) or the event's detail (EventBridge): typed through JSON, a string, or bytes.</summary>
        Body,

        /// <summary>What the item carries besides its body: SqsMessage, SnsMessage, KinesisRecordInfo, S3ObjectEvent, EventBridgeEnvelope.</summary>
        Details,

        /// <summary>A stream record's image before the change.</summary>
        OldImage,

        /// <summary>A stream record's image after the change.</summary>
        NewImage,

        /// <summary><c>Sharpless.Events.DynamoDBChange&lt;T&gt;</c>.</summary>
        Change,
        LambdaContext,
        CancellationToken,
        Service,
    }

    internal sealed record EventParameter(EventParameterSource Source, TypeRef Type, string Name);

    /// <summary>
    /// The trigger as the template gets it. Zero means "AWS's default"; references are <c>@LogicalId</c> or ARNs.
    /// Kept apart from the shape so that changing a batch size rewrites the manifest, never the handler.
    /// </summary>
    internal sealed record EventTrigger(
        EventSourceKind Kind,
        string Source,
        string EventName,
        int BatchSize,
        int MaximumBatchingWindowInSeconds,
        int MaximumConcurrency,
        string? StartingPosition,
        int MaximumRetryAttempts,
        string? OnFailure,
        EquatableArray<string> Filters,
        bool Enabled)
    {
        /// <summary>SNS: the subscription's filter policy (JSON).</summary>
        public string? FilterPolicy { get; init; }

        /// <summary>S3: the event types; EventBridge: the sources.</summary>
        public EquatableArray<string> Events { get; init; } = EquatableArray<string>.Empty;

        /// <summary>S3: the key prefix filter.</summary>
        public string? Prefix { get; init; }

        /// <summary>S3: the key suffix filter.</summary>
        public string? Suffix { get; init; }

        /// <summary>Schedule: the rule's description.</summary>
        public string? Description { get; init; }

        /// <summary>EventBridge: the detail types.</summary>
        public EquatableArray<string> DetailTypes { get; init; } = EquatableArray<string>.Empty;

        /// <summary>EventBridge: the event bus (<c>@LogicalId</c> or a name); null for the default bus.</summary>
        public string? EventBus { get; init; }

        /// <summary>
        /// Whether the handler answers with batch item failures (queues and streams): always for generated handlers, and
        /// for a method taking the whole event only when it returns a batch response.
        /// </summary>
        public bool ReportsBatchFailures { get; init; } = true;
    }

    /// <summary>Everything an event handler's code depends on that the method determines.</summary>
    internal sealed record EventFunctionShape(
        EventSourceKind Kind,
        string Name,
        string Namespace,
        string HandlerTypeName,
        string HandlerString,
        string ContainingType,
        string MethodName,
        string MethodDisplay,
        bool IsStatic,
        EquatableArray<TypeRef> ConstructorServices,
        EquatableArray<EventParameter> Parameters,
        InvocationKind Invocation,
        WireFormat BodyFormat,
        TypeRef? BodyType,
        string? MapperType,
        int MaxInBatchConcurrency,
        JsonContextModel? ExplicitJsonContext,
        string HintName)
    {
        /// <summary>
        /// A method that takes the whole <c>Amazon.Lambda.*Events</c> event (<c>SQSEvent</c>, …), as AWS's Annotations
        /// framework writes them: its handler is a plain function's (the event read through the JSON context, the
        /// result written back), and only the trigger comes from the attribute.
        /// </summary>
        public FunctionShape? PassThrough { get; init; }

        /// <summary>An SQS method that takes the batch as <c>IReadOnlyList&lt;T&gt;</c> (<see cref="BodyType"/> is T).</summary>
        public bool WholeBatch { get; init; }

        public bool NeedsContainer => PassThrough?.NeedsContainer ?? (!ConstructorServices.Items.IsEmpty || HasParameter(EventParameterSource.Service));

        public bool HasParameter(EventParameterSource source)
        {
            foreach (var parameter in Parameters)
            {
                if (parameter.Source == source)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One event-source method as the reader sees it.</summary>
    internal sealed record EventFunctionDeclaration(EventFunctionShape Shape, FunctionDeployment Deployment, EventTrigger Trigger)
    {
        public string Name => Shape.Name;
    }

    /// <summary>The handler the emitter writes: the shape and what the project decided (JSON context, ILambdaContext, container).</summary>
    internal sealed record EventHandlerModel(EventFunctionShape Shape, JsonTypeSource? BodyJson, bool HasLambdaContext, bool HasContainer)
    {
        /// <summary>The plain-function handler of a method that takes the whole event (<see cref="EventFunctionShape.PassThrough"/>).</summary>
        public FunctionHandlerModel? PassThrough { get; init; }
    }
}
