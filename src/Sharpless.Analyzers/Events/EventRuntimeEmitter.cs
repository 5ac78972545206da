using System;
using System.IO;

namespace Sharpless.Events
{
    /// <summary>
    /// The shared runtime of the generated event handlers: C# kept as embedded templates (Events/Templates) and emitted
    /// once per assembly, only for the event sources the project uses, so each handler stays a few lines.
    /// </summary>
    internal static class EventRuntimeEmitter
    {
        public const string BatchHintName = "Sharpless.Generated.EventBatchRuntime.g.cs";
        public const string SqsHintName = "Sharpless.Generated.SqsEventRuntime.g.cs";
        public const string SqsReflectionHintName = "Sharpless.Generated.SqsEventReflection.g.cs";
        public const string StreamHintName = "Sharpless.Generated.DynamoDBStreamRuntime.g.cs";

        public static string EmitBatch(string version) => Template("EventBatchRuntime.cs", version);

        public static string EmitSqs(string version) => Template("SqsEventRuntime.cs", version);

        public static string EmitSqsReflection(string version) => Template("SqsEventReflection.cs", version);

        public static string EmitStream(string version) => Template("DynamoDBStreamRuntime.cs", version);

        private static string Template(string name, string version)
        {
            using var stream = typeof(EventRuntimeEmitter).Assembly.GetManifestResourceStream("Sharpless.Templates." + name)
                ?? throw new InvalidOperationException("Missing template " + name);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("$VERSION$", version).Replace("\r\n", "\n");
        }
    }
}
