using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Sharpless.Deployment.Templates;

namespace Sharpless.Events
{
    /// <summary>
    /// SLS7005–SLS7007 and SLS7011: what the template alone says about a trigger — the SQS queue's visibility timeout and
    /// dead-letter queue, a stream's retry bounds and starting position. Reported in the template; a value only deploy time decides is never judged.
    /// </summary>
    internal sealed class TriggerTemplateRules
    {
        /// <summary>SAM's and Lambda's default function timeout, in seconds.</summary>
        private const int DefaultFunctionTimeout = 3;

        /// <summary>"Set the source queue's visibility timeout to at least six times the timeout of your function."</summary>
        private const int RecommendedTimeoutFactor = 6;

        private readonly HashSet<string> _queuesReported = new HashSet<string>(System.StringComparer.Ordinal);
        private readonly HashSet<string> _visibilityReported = new HashSet<string>(System.StringComparer.Ordinal);

        public void Check(TemplateTrigger trigger, List<Diagnostic> diagnostics)
        {
            if (trigger.IsStream)
            {
                CheckStream(trigger, diagnostics);
            }
            else if (SqsQueueResource.Find(trigger.Template, trigger.SourceArn) is { } queue)
            {
                CheckVisibilityTimeout(trigger, queue, diagnostics);
                CheckDeadLetterQueue(trigger, queue, diagnostics);
            }
        }

        private void CheckVisibilityTimeout(TemplateTrigger trigger, SqsQueueResource queue, List<Diagnostic> diagnostics)
        {
            if (queue.VisibilityTimeout is not { } visibility ||
                FunctionTimeout(trigger) is not { } timeout ||
                BatchingWindow(trigger) is not { } window)
            {
                return;
            }

            var recommended = RecommendedTimeoutFactor * timeout + window;
            if (visibility >= recommended ||
                !_visibilityReported.Add(trigger.Template.Path + "|" + queue.LogicalId + "|" + trigger.Function.LogicalId))
            {
                return;
            }

            var why = visibility < timeout
                ? "Lambda rejects the trigger when it is shorter than the function timeout"
                : string.Format(
                    CultureInfo.InvariantCulture,
                    "AWS recommends at least 6 × timeout + batching window = {0} s",
                    recommended);
            diagnostics.Add(Diagnostic.Create(
                EventRules.VisibilityTimeoutTooShort,
                queue.VisibilityTimeoutLocation,
                queue.LogicalId,
                visibility,
                trigger.Function.LogicalId,
                timeout,
                why));
        }

        private void CheckDeadLetterQueue(TemplateTrigger trigger, SqsQueueResource queue, List<Diagnostic> diagnostics)
        {
            // A dead-letter queue's own consumer (a redrive or alerting function) is where failures end up already.
            if (queue.HasRedrivePolicy ||
                !_queuesReported.Add(trigger.Template.Path + "|" + queue.LogicalId) ||
                queue.IsDeadLetterQueueOfAnotherQueue())
            {
                return;
            }

            diagnostics.Add(Diagnostic.Create(
                EventRules.QueueWithoutDeadLetter,
                queue.Resource.KeyNode.GetLocation(trigger.Template.Path),
                queue.LogicalId,
                trigger.Function.LogicalId));
        }

        private static void CheckStream(TemplateTrigger trigger, List<Diagnostic> diagnostics)
        {
            var properties = trigger.Properties;
            if (properties.Get("StartingPosition") is null)
            {
                diagnostics.Add(Diagnostic.Create(
                    EventRules.StreamWithoutStartingPosition,
                    trigger.KeyNode.GetLocation(trigger.Template.Path),
                    trigger.Name,
                    trigger.Function.LogicalId,
                    trigger.SourceDisplay));
            }

            if (properties.GetMapping("DestinationConfig")?.Get("OnFailure") is not null ||
                !IsUnbounded(trigger, properties.Get("MaximumRetryAttempts")) ||
                !IsUnbounded(trigger, properties.Get("MaximumRecordAgeInSeconds")))
            {
                return;
            }

            diagnostics.Add(Diagnostic.Create(
                EventRules.StreamWithoutOnFailure,
                trigger.KeyNode.GetLocation(trigger.Template.Path),
                trigger.Name,
                trigger.Function.LogicalId,
                trigger.SourceDisplay));
        }

        /// <summary>Absent, or -1 (Lambda's "infinite"): no bound. Anything else, or a deploy-time value, is taken as one.</summary>
        private static bool IsUnbounded(TemplateTrigger trigger, TemplateNode? node)
        {
            if (node is null || node is TemplateScalar { IsNull: true, Tag: null })
            {
                return true;
            }

            return trigger.Template.TryResolveString(node, out var text) && text.Trim() == "-1";
        }

        /// <summary>The function's timeout: its own or Globals' (already merged), else the default; null when deploy time decides.</summary>
        private static int? FunctionTimeout(TemplateTrigger trigger)
        {
            var node = trigger.Function.Properties.Get("Timeout");
            return node is null || node is TemplateScalar { IsNull: true, Tag: null } ? DefaultFunctionTimeout : trigger.Function.Timeout;
        }

        private static int? BatchingWindow(TemplateTrigger trigger)
        {
            var node = trigger.Properties.Get("MaximumBatchingWindowInSeconds");
            if (node is null || node is TemplateScalar { IsNull: true, Tag: null })
            {
                return 0;
            }

            return trigger.Template.TryResolveString(node, out var text) &&
                int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    ? seconds
                    : null;
        }
    }
}
