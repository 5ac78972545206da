using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sharpless.Events
{
    /// <summary>Which shared event runtimes a project's event handlers need (a class: see the note on EquatableArray).</summary>
    internal sealed record EventRuntimeNeeds(bool Any, bool Sqs, bool Stream, bool Notification, bool Kinesis, bool EventBridge, bool Reflection);

    /// <summary>
    /// The shared runtime of the generated event handlers: C# kept as embedded templates (Events/Templates) and emitted
    /// once per assembly, only for the event sources the project uses, so each handler stays a few lines.
    /// </summary>
    internal static class EventRuntimeEmitter
    {
        public const string BatchHintName = "Sharpless.Generated.EventBatchRuntime.g.cs";
        public const string SqsHintName = "Sharpless.Generated.SqsEventRuntime.g.cs";
        public const string ReflectionHintName = "Sharpless.Generated.EventReflection.g.cs";
        public const string StreamHintName = "Sharpless.Generated.DynamoDBStreamRuntime.g.cs";
        public const string NotificationHintName = "Sharpless.Generated.NotificationEventRuntime.g.cs";
        public const string KinesisHintName = "Sharpless.Generated.KinesisEventRuntime.g.cs";
        public const string EventBridgeHintName = "Sharpless.Generated.EventBridgeRuntime.g.cs";

        public static EventRuntimeNeeds Needs(IEnumerable<(EventSourceKind Kind, bool Reflection)> handlers)
        {
            var all = handlers.ToList();
            return new EventRuntimeNeeds(
                Any: all.Count > 0,
                Sqs: all.Any(h => h.Kind == EventSourceKind.Sqs),
                Stream: all.Any(h => h.Kind == EventSourceKind.DynamoDB),
                Notification: all.Any(h => h.Kind is EventSourceKind.Sns or EventSourceKind.S3),
                Kinesis: all.Any(h => h.Kind == EventSourceKind.Kinesis),
                EventBridge: all.Any(h => h.Kind is EventSourceKind.Schedule or EventSourceKind.EventBridge),
                Reflection: all.Any(h => h.Reflection));
        }

        public static void AddSources(SourceProductionContext output, EventRuntimeNeeds needs, string version)
        {
            Add(output, needs.Any, BatchHintName, "EventBatchRuntime.cs", version);
            Add(output, needs.Sqs, SqsHintName, "SqsEventRuntime.cs", version);
            Add(output, needs.Stream, StreamHintName, "DynamoDBStreamRuntime.cs", version);
            Add(output, needs.Notification, NotificationHintName, "NotificationEventRuntime.cs", version);
            Add(output, needs.Kinesis, KinesisHintName, "KinesisEventRuntime.cs", version);
            Add(output, needs.EventBridge, EventBridgeHintName, "EventBridgeRuntime.cs", version);
            Add(output, needs.Reflection, ReflectionHintName, "EventReflection.cs", version);
        }

        private static void Add(SourceProductionContext output, bool needed, string hintName, string template, string version)
        {
            if (needed)
            {
                output.AddSource(hintName, Template(template, version));
            }
        }

        private static string Template(string name, string version)
        {
            using var stream = typeof(EventRuntimeEmitter).Assembly.GetManifestResourceStream("Sharpless.Templates." + name)
                ?? throw new InvalidOperationException("Missing template " + name);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("$VERSION$", version).Replace("\r\n", "\n");
        }
    }
}
