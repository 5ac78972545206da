using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Sharpless.Deployment.Templates;

namespace Sharpless.Events
{
    /// <summary>
    /// An <c>AWS::SQS::Queue</c> of the template that a trigger reads (<c>Queue: !GetAtt OrdersQueue.Arn</c>, the long
    /// <c>Fn::GetAtt</c> form, or <c>!Sub '${OrdersQueue.Arn}'</c>). A queue given by parameter, import or literal ARN is
    /// another stack's, and its settings are unknown here: no rule judges it.
    /// </summary>
    internal sealed class SqsQueueResource
    {
        private const string QueueType = "AWS::SQS::Queue";

        /// <summary>SQS's default visibility timeout, in seconds, when the queue does not set one.</summary>
        private const int DefaultVisibilityTimeout = 30;

        private SqsQueueResource(DeploymentTemplate template, TemplateResource resource)
        {
            Template = template;
            Resource = resource;
        }

        public DeploymentTemplate Template { get; }

        public TemplateResource Resource { get; }

        public string LogicalId => Resource.LogicalId;

        /// <summary>The queue's <c>VisibilityTimeout</c> node, or null when it is absent (the default applies).</summary>
        public TemplateNode? VisibilityTimeoutNode => Resource.Properties?.Get("VisibilityTimeout");

        public bool HasRedrivePolicy => Resource.Properties?.Get("RedrivePolicy") is { } policy && policy is not TemplateScalar { IsNull: true, Tag: null };

        /// <summary>Where a finding about the visibility timeout belongs: the value when written, else the queue's logical id.</summary>
        public Location VisibilityTimeoutLocation => (VisibilityTimeoutNode ?? Resource.KeyNode).GetLocation(Template.Path);

        public static SqsQueueResource? Find(DeploymentTemplate template, TemplateNode? queueArn)
        {
            if (!Intrinsic.TryRead(queueArn, out var intrinsic))
            {
                return null;
            }

            string? logicalId = null;
            if (intrinsic.TryGetGetAtt(out var getAttId, out var attribute))
            {
                logicalId = attribute == "Arn" ? getAttId : null;
            }
            else if (intrinsic.TryGetSub(out var text, out var variables) && variables is null)
            {
                logicalId = SubstitutedQueueArn(text);
            }

            return logicalId is not null && template.TryGetResource(logicalId, out var resource) && resource.Type == QueueType
                ? new SqsQueueResource(template, resource)
                : null;
        }

        /// <summary>The effective visibility timeout in seconds, or null when only deploy time decides it.</summary>
        public int? VisibilityTimeout
        {
            get
            {
                var node = VisibilityTimeoutNode;
                if (node is null || node is TemplateScalar { IsNull: true, Tag: null })
                {
                    return DefaultVisibilityTimeout;
                }

                return Template.TryResolveString(node, out var text) &&
                    int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                        ? seconds
                        : null;
            }
        }

        /// <summary>Whether another queue of the template names this one as its dead-letter target (a DLQ's own consumer).</summary>
        public bool IsDeadLetterQueueOfAnotherQueue()
        {
            foreach (var resource in Template.Resources)
            {
                if (resource.Type == QueueType &&
                    resource.Properties?.GetMapping("RedrivePolicy")?.Get("deadLetterTargetArn") is { } target &&
                    Find(Template, target) is { } deadLetter &&
                    string.Equals(deadLetter.LogicalId, LogicalId, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>${Queue.Arn}</c> and nothing else.</summary>
        private static string? SubstitutedQueueArn(string text)
        {
            const string Suffix = ".Arn}";
            var trimmed = text.Trim();
            return trimmed.StartsWith("${", StringComparison.Ordinal) &&
                trimmed.EndsWith(Suffix, StringComparison.Ordinal) &&
                trimmed.Length > 2 + Suffix.Length &&
                trimmed.IndexOf('$', 1) < 0
                    ? trimmed.Substring(2, trimmed.Length - 2 - Suffix.Length)
                    : null;
        }
    }
}
