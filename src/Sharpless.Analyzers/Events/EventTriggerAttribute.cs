using System.Threading;
using Microsoft.CodeAnalysis;
using Sharpless.Deployment;
using Sharpless.Functions;

namespace Sharpless.Events
{
    /// <summary>
    /// An event-source attribute read for the template drift rules: what the writer writes for it (<see cref="CodeTrigger"/>),
    /// through the generator's own reader, so drift compares against exactly what a local build would write.
    /// </summary>
    internal static class EventTriggerAttribute
    {
        public static CodeTrigger? Read(Compilation compilation, IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken)
        {
            if (EventSourceAttributes.KindOf(attribute.AttributeClass) is not { } kind ||
                attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() is not { IsInSource: true } location ||
                new EventFunctionReader(compilation).ReadTriggerOnly(kind, attribute, method.Name) is not { } trigger)
            {
                return null;
            }

            var sourceProperty = kind switch
            {
                EventSourceKind.Sqs => "Queue",
                EventSourceKind.DynamoDB or EventSourceKind.Kinesis => "Stream",
                EventSourceKind.Sns => "Topic",
                EventSourceKind.S3 => "Bucket",
                EventSourceKind.Schedule => "Schedule",
                _ => string.Empty,
            };
            var reportsBatchFailures = kind is EventSourceKind.Sqs or EventSourceKind.DynamoDB or EventSourceKind.Kinesis &&
                (!EventFunctionReader.TakesWholeEvent(method) || BatchResponseTypes.Classify(method) == BatchResponseKind.BatchResponse);
            return new CodeTrigger(trigger.EventName, EventManifest.SamType(kind), sourceProperty, sourceProperty.Length == 0 ? null : trigger.Source, reportsBatchFailures, location);
        }
    }
}
