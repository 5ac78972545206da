using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sharpless.Common;
using Sharpless.Deployment.Templates;

namespace Sharpless.Events
{
    /// <summary>
    /// Finds the SQS, DynamoDB Streams and Kinesis triggers of the functions a template deploys from this project: SAM
    /// events first, then <c>AWS::Lambda::EventSourceMapping</c> resources whose <c>FunctionName</c> names a function
    /// of the same template. A function belongs to this project when its handler string names this assembly (or, for
    /// an executable, is not a class-library handler at all); a template shared by several projects is otherwise
    /// judged once per project, and its diagnostics would repeat.
    /// </summary>
    internal static class TemplateTriggerReader
    {
        private const string EventSourceMappingType = "AWS::Lambda::EventSourceMapping";

        public static ImmutableArray<TemplateTrigger> Read(Compilation compilation, DeploymentDocuments documents, CancellationToken cancellationToken)
        {
            var triggers = ImmutableArray.CreateBuilder<TemplateTrigger>();
            foreach (var template in documents.Templates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadSamEvents(compilation, template, triggers);
                ReadEventSourceMappings(compilation, template, triggers);
            }

            return triggers.ToImmutable();
        }

        public static bool IsDeployedFromThisProject(Compilation compilation, TemplateFunction function)
        {
            var assemblyName = compilation.AssemblyName;
            if (function.Handler is not { } handler || assemblyName is null)
            {
                return false;
            }

            if (HandlerString.TryParse(handler, out var parsed))
            {
                // The runtime loads the assembly by name, which .NET compares case-insensitively.
                return string.Equals(parsed.Assembly, assemblyName, StringComparison.OrdinalIgnoreCase);
            }

            // An executable (custom runtime, Native AOT) is named by its assembly, or by `bootstrap`.
            return string.Equals(handler.Trim(), assemblyName, StringComparison.OrdinalIgnoreCase) ||
                compilation.Options.OutputKind == OutputKind.ConsoleApplication;
        }

        private static void ReadSamEvents(Compilation compilation, DeploymentTemplate template, ImmutableArray<TemplateTrigger>.Builder triggers)
        {
            foreach (var function in template.Functions)
            {
                if (function.Events.IsEmpty || !IsDeployedFromThisProject(compilation, function))
                {
                    continue;
                }

                foreach (var samEvent in function.Events)
                {
                    if (samEvent.Properties is not { } properties || SourceOfSamEvent(samEvent.Type) is not { } source)
                    {
                        continue;
                    }

                    var arn = properties.Get(source == TriggerSource.Sqs ? "Queue" : "Stream");
                    triggers.Add(new TemplateTrigger(source, samEvent.Name, samEvent.KeyNode, properties, arn, template, function));
                }
            }
        }

        private static void ReadEventSourceMappings(Compilation compilation, DeploymentTemplate template, ImmutableArray<TemplateTrigger>.Builder triggers)
        {
            Dictionary<string, TemplateFunction>? functions = null;
            foreach (var resource in template.Resources)
            {
                if (resource.Type != EventSourceMappingType || resource.Properties is not { } properties)
                {
                    continue;
                }

                functions ??= IndexFunctions(template);
                var arn = properties.Get("EventSourceArn");
                if (FunctionLogicalId(properties.Get("FunctionName")) is not { } functionId ||
                    !functions.TryGetValue(functionId, out var function) ||
                    !IsDeployedFromThisProject(compilation, function) ||
                    SourceOfArn(template, arn) is not { } source)
                {
                    continue;
                }

                triggers.Add(new TemplateTrigger(source, resource.LogicalId, resource.KeyNode, properties, arn, template, function));
            }
        }

        private static Dictionary<string, TemplateFunction> IndexFunctions(DeploymentTemplate template)
        {
            var functions = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
            foreach (var function in template.Functions)
            {
                functions[function.LogicalId] = function;
            }

            return functions;
        }

        private static TriggerSource? SourceOfSamEvent(string? type) => type switch
        {
            "SQS" => TriggerSource.Sqs,
            "DynamoDB" => TriggerSource.DynamoDB,
            "Kinesis" => TriggerSource.Kinesis,
            _ => null,
        };

        /// <summary><c>FunctionName: !Ref Fn</c>, <c>!GetAtt Fn.Arn</c> or the bare logical id.</summary>
        private static string? FunctionLogicalId(TemplateNode? node)
        {
            if (Intrinsic.TryRead(node, out var intrinsic))
            {
                if (intrinsic.TryGetRefTarget(out var target))
                {
                    return target;
                }

                return intrinsic.TryGetGetAtt(out var logicalId, out _) ? logicalId : null;
            }

            return node is TemplateScalar { IsNull: false } scalar ? scalar.Value.Trim() : null;
        }

        /// <summary>
        /// Which service an event source mapping reads: from the resource its <c>EventSourceArn</c> names in the template,
        /// else from the service in a literal or <c>!Sub</c> ARN (<c>arn:${AWS::Partition}:sqs:…</c>).
        /// </summary>
        private static TriggerSource? SourceOfArn(DeploymentTemplate template, TemplateNode? arn)
        {
            if (Intrinsic.TryRead(arn, out var intrinsic))
            {
                if (intrinsic.TryGetGetAtt(out var logicalId, out _) && template.TryGetResource(logicalId, out var resource))
                {
                    return resource.Type switch
                    {
                        "AWS::SQS::Queue" => TriggerSource.Sqs,
                        "AWS::DynamoDB::Table" or "AWS::DynamoDB::GlobalTable" => TriggerSource.DynamoDB,
                        "AWS::Kinesis::Stream" or "AWS::Kinesis::StreamConsumer" => TriggerSource.Kinesis,
                        _ => null,
                    };
                }

                return intrinsic.TryGetSub(out var text, out _) ? SourceOfArnText(text) : null;
            }

            return arn is TemplateScalar { IsNull: false } scalar ? SourceOfArnText(scalar.Value) : null;
        }

        private static TriggerSource? SourceOfArnText(string text)
        {
            if (!text.StartsWith("arn:", StringComparison.Ordinal))
            {
                return null;
            }

            if (text.IndexOf(":sqs:", StringComparison.Ordinal) > 0)
            {
                return TriggerSource.Sqs;
            }

            if (text.IndexOf(":kinesis:", StringComparison.Ordinal) > 0)
            {
                return TriggerSource.Kinesis;
            }

            // A table's stream: arn:aws:dynamodb:region:account:table/Name/stream/label.
            return text.IndexOf(":dynamodb:", StringComparison.Ordinal) > 0 ? TriggerSource.DynamoDB : null;
        }
    }
}
