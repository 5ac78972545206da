using System;
using System.Collections.Generic;
using System.Globalization;
using Sharpless.Common;
using Sharpless.Functions;

namespace Sharpless.Events
{
    /// <summary>
    /// Writes one event function's handler class from its model (never from symbols). The loop, failure reporting and
    /// event reading live in the shared runtime (EventRuntimeEmitter), so each handler is the few lines that bind one
    /// message or record to the user's method. docs/events.md shows the output; keep the two in step.
    /// </summary>
    internal static class EventHandlerEmitter
    {
        private const string FunctionRuntime = "global::Sharpless.Generated.LambdaFunctionRuntime";
        private const string BatchRuntime = "global::Sharpless.Generated.EventBatchRuntime";
        private const string Services = "global::Sharpless.Generated.LambdaServices";
        private const string ServiceExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";
        private const string TaskOfStream = "global::System.Threading.Tasks.Task<global::System.IO.Stream>";
        private const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";

        public static string Emit(EventHandlerModel model, string version)
        {
            if (model.PassThrough is { } plain)
            {
                return FunctionHandlerEmitter.Emit(plain, version);
            }

            var shape = model.Shape;
            var writer = new CodeWriter();
            writer.FileHeader();
            var hasNamespace = shape.Namespace.Length > 0;
            if (hasNamespace)
            {
                writer.Open("namespace " + shape.Namespace);
            }

            writer.Line("/// <summary>");
            writer.Line($"/// The Lambda handler Sharpless generated for <c>{CSharpText.Xml(shape.MethodDisplay)}</c> (function <c>{shape.Name}</c>), which handles");
            writer.Line("/// " + Summary(shape.Kind));
            writer.Line("/// </summary>");
            writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"Sharpless\", \"{version}\")]");
            writer.Open("public sealed class " + shape.HandlerTypeName);
            writer.Line("/// <summary>The handler string to deploy this function with: <c>Assembly::Namespace.Type::Method</c>.</summary>");
            writer.Line("public const string HandlerString = " + CSharpText.Literal(shape.HandlerString) + ";");
            writer.Line();
            writer.Line("private const string FunctionName = " + CSharpText.Literal(shape.Name) + ";");

            var statics = new List<(string Type, string Name, string Initializer)>();
            if (model.BodyJson is { IsReflection: false } body)
            {
                statics.Add(($"{JsonTypeInfo}<{body.Type}>", "s_body", $"{FunctionRuntime}.GetTypeInfo<{body.Type}>({body.Context}.Default)"));
            }

            if (!shape.IsStatic)
            {
                var arguments = new List<string>();
                foreach (var service in shape.ConstructorServices)
                {
                    arguments.Add(Resolve(service, Services + ".Root"));
                }

                statics.Add((shape.ContainingType, "s_function", $"new {shape.ContainingType}({string.Join(", ", arguments)})"));
            }

            foreach (var field in statics)
            {
                writer.Line($"private static readonly {field.Type} {field.Name};");
            }

            writer.Line();
            if (statics.Count > 0)
            {
                writer.Line("// Runs once per execution environment (the INIT phase), before the first event.");
                writer.Open($"static {shape.HandlerTypeName}()");
                foreach (var field in statics)
                {
                    writer.Line($"{field.Name} = {field.Initializer};");
                }

                writer.Close();
                writer.Line();
            }

            switch (shape.Kind)
            {
                case EventSourceKind.Sqs:
                    EmitSqsHandle(writer, model);
                    break;
                case EventSourceKind.DynamoDB:
                case EventSourceKind.Kinesis:
                    EmitStreamHandle(writer, model);
                    break;
                case EventSourceKind.Sns:
                case EventSourceKind.S3:
                    EmitNotificationHandle(writer, model);
                    break;
                default:
                    EmitEventBridgeHandle(writer, model);
                    break;
            }

            writer.Close();
            if (hasNamespace)
            {
                writer.Close();
            }

            return writer.ToString();
        }

        private static string Summary(EventSourceKind kind) => kind switch
        {
            EventSourceKind.Sqs => "SQS messages one at a time and reports the failed ones in <c>batchItemFailures</c>.",
            EventSourceKind.DynamoDB => "DynamoDB stream records in order and reports the first that fails in <c>batchItemFailures</c>.",
            EventSourceKind.Kinesis => "Kinesis records in order and reports the first that fails in <c>batchItemFailures</c>.",
            EventSourceKind.Sns => "SNS messages one at a time; a message that throws fails the (asynchronous) invocation.",
            EventSourceKind.S3 => "S3 object notifications one at a time; a record that throws fails the (asynchronous) invocation.",
            EventSourceKind.Schedule => "scheduled events; an exception fails the (asynchronous) invocation.",
            _ => "EventBridge events; an exception fails the (asynchronous) invocation.",
        };

        private static bool CallIsAsync(EventFunctionShape shape) =>
            shape.Invocation != InvocationKind.Sync || shape.HasParameter(EventParameterSource.Service);

        private static void OpenHandle(CodeWriter writer, EventHandlerModel model, bool isAsync)
        {
            var signature = model.HasLambdaContext
                ? "global::System.IO.Stream input, global::Amazon.Lambda.Core.ILambdaContext context"
                : "global::System.IO.Stream input";
            writer.Line("/// <summary>Handles one batch and answers with the items to retry.</summary>");
            writer.Open($"public {(isAsync ? "async " : string.Empty)}{TaskOfStream} {FunctionReader.HandlerMethodName}({signature})");
        }

        private static void EmitDeadline(CodeWriter writer, EventHandlerModel model)
        {
            writer.Line(model.HasLambdaContext
                ? $"var deadline = {BatchRuntime}.Deadline(context.RemainingTime);"
                : "var deadline = global::System.DateTime.MaxValue;");
            if (model.HasLambdaContext && model.Shape.HasParameter(EventParameterSource.CancellationToken))
            {
                writer.Line($"using var cancellation = {FunctionRuntime}.CancelBeforeTimeout(context.RemainingTime);");
            }
        }

        private static void EmitSqsHandle(CodeWriter writer, EventHandlerModel model)
        {
            var shape = model.Shape;
            if (shape.WholeBatch)
            {
                EmitSqsBatchHandle(writer, model);
                return;
            }

            var concurrent = shape.MaxInBatchConcurrency > 1;
            var isAsync = CallIsAsync(shape) || concurrent;
            OpenHandle(writer, model, isAsync);
            var withDetails = shape.HasParameter(EventParameterSource.Details) ? "true" : "false";
            writer.Line($"using var batch = global::Sharpless.Generated.SqsEventRuntime.Read(input, FunctionName, withDetails: {withDetails});");
            EmitDeadline(writer, model);
            writer.Line("var failures = new global::Sharpless.Generated.SqsBatchFailures(FunctionName, deadline);");
            if (concurrent)
            {
                var degree = shape.MaxInBatchConcurrency.ToString(CultureInfo.InvariantCulture);
                writer.Line("// A standard queue's messages, up to " + degree + " at a time (a FIFO batch is still handled in order).");
                writer.Line($"await global::Sharpless.Generated.SqsEventRuntime.ForEachAsync(batch, failures, {degree}, {(CallIsAsync(shape) ? "async " : string.Empty)}message =>");
                writer.Open(string.Empty);
                EmitSqsMessage(writer, model);
                if (!CallIsAsync(shape))
                {
                    writer.Line("return global::System.Threading.Tasks.Task.CompletedTask;");
                }

                writer.Close(").ConfigureAwait(false);");
            }
            else
            {
                writer.Open("foreach (var message in batch.Messages)");
                writer.Line("// A message after a failed one of the same FIFO group, or one the deadline leaves no time for, is reported, not handled.");
                writer.Open("if (failures.Skip(message))");
                writer.Line("continue;");
                writer.Close();
                writer.Line();
                writer.Open("try");
                EmitSqsMessage(writer, model);
                writer.Close();
                writer.Open("catch (global::System.Exception exception)");
                writer.Line("failures.Fail(message, exception);");
                writer.Close();
                writer.Close();
                writer.Line();
            }

            writer.Line(isAsync ? "return failures.ToResponse();" : "return global::System.Threading.Tasks.Task.FromResult(failures.ToResponse());");
            writer.Close();
        }

        private static void EmitSqsMessage(CodeWriter writer, EventHandlerModel model)
        {
            var shape = model.Shape;
            EmitScope(writer, shape);
            EmitBindAndCall(writer, model, parameter => parameter.Source == EventParameterSource.Body
                ? ("var body = " + ReadBody(model, parameter) + ";", "body")
                : ("var details = batch.Details(message);", "details"));
        }

        /// <summary>
        /// A method that takes the batch: every readable body into one list (one that cannot be read is reported on its
        /// own), one call, and every message in the list reported when the call throws.
        /// </summary>
        private static void EmitSqsBatchHandle(CodeWriter writer, EventHandlerModel model)
        {
            var shape = model.Shape;
            var element = shape.BodyType!;
            var isAsync = CallIsAsync(shape);
            OpenHandle(writer, model, isAsync);
            var withDetails = shape.HasParameter(EventParameterSource.Details) ? "true" : "false";
            writer.Line($"using var batch = global::Sharpless.Generated.SqsEventRuntime.Read(input, FunctionName, withDetails: {withDetails});");
            EmitDeadline(writer, model);
            writer.Line("var failures = new global::Sharpless.Generated.SqsBatchFailures(FunctionName, deadline);");
            writer.Line($"var bodies = new global::System.Collections.Generic.List<{element.Name}>(batch.Messages.Count);");
            writer.Line("var read = new global::System.Collections.Generic.List<global::Sharpless.Generated.SqsRecord>(batch.Messages.Count);");
            writer.Open("foreach (var message in batch.Messages)");
            writer.Open("if (failures.Skip(message))");
            writer.Line("continue;");
            writer.Close();
            writer.Line();
            writer.Open("try");
            writer.Line("bodies.Add(" + ReadBody(model, new EventParameter(EventParameterSource.Body, element, "body"), "batch.ReadBody(message, ", "batch.BodyText(message)", null, "batch.Body(message)") + ");");
            writer.Line("read.Add(message);");
            writer.Close();
            writer.Open("catch (global::System.Exception exception)");
            writer.Line("failures.Fail(message, exception);");
            writer.Close();
            writer.Close();
            writer.Line();
            writer.Line("// The method handles the batch as one: when it throws, every message it was given is retried.");
            writer.Open("try");
            EmitScope(writer, shape);
            EmitBindAndCall(writer, model, parameter => (null, "bodies"));
            writer.Close();
            writer.Open("catch (global::System.Exception exception)");
            writer.Line("failures.FailAll(read, exception);");
            writer.Close();
            writer.Line();
            writer.Line(isAsync ? "return failures.ToResponse();" : "return global::System.Threading.Tasks.Task.FromResult(failures.ToResponse());");
            writer.Close();
        }

        /// <summary>
        /// The expression that reads an item's body: through the context with <paramref name="typed"/> (a call up to its
        /// open parenthesis and any leading arguments), else as text, bytes, or <paramref name="json"/> read by reflection.
        /// </summary>
        private static string ReadBody(EventHandlerModel model, EventParameter parameter, string typed, string text, string? bytes, string json)
        {
            var acceptsNull = parameter.Type.AcceptsNull ? "true" : "false";
            return model.Shape.BodyFormat switch
            {
                WireFormat.String => text,
                WireFormat.Bytes => bytes ?? text,
                _ when model.BodyJson is { IsReflection: true } => $"global::Sharpless.Generated.EventReflection.Read<{parameter.Type.Name}>({json}, acceptsNull: {acceptsNull})",
                _ => $"{typed}s_body, acceptsNull: {acceptsNull})",
            };
        }

        private static string ReadBody(EventHandlerModel model, EventParameter parameter) =>
            ReadBody(model, parameter, "batch.ReadBody(message, ", "batch.BodyText(message)", null, "batch.Body(message)");

        private static void EmitStreamHandle(CodeWriter writer, EventHandlerModel model)
        {
            var shape = model.Shape;
            var isAsync = CallIsAsync(shape);
            OpenHandle(writer, model, isAsync);
            writer.Line(shape.Kind == EventSourceKind.Kinesis
                ? "var records = global::Sharpless.Generated.KinesisEventRuntime.Read(input, FunctionName);"
                : "var records = global::Sharpless.Generated.DynamoDBStreamRuntime.Read(input, FunctionName);");
            EmitDeadline(writer, model);
            writer.Line("string? failed = null;");
            writer.Open("foreach (var record in records)");
            writer.Line("// Lambda retries from the first sequence number reported, so the records after a failure wait for that retry.");
            writer.Open("if (global::System.DateTime.UtcNow >= deadline)");
            writer.Line($"{BatchRuntime}.LogNotStarted(FunctionName, \"record\", record.SequenceNumber);");
            writer.Line("failed = record.SequenceNumber;");
            writer.Line("break;");
            writer.Close();
            writer.Line();
            writer.Open("try");
            EmitScope(writer, shape);
            EmitBindAndCall(writer, model, parameter => parameter.Source switch
            {
                EventParameterSource.OldImage => ($"var oldImage = {ReadImage(shape, parameter, "OldImage", "old")};", "oldImage"),
                EventParameterSource.NewImage => ($"var newImage = {ReadImage(shape, parameter, "NewImage", "new")};", "newImage"),
                EventParameterSource.Change => ($"var change = new {parameter.Type.Name}(record.Kind, record.KeyMap, record.OldImage is null ? null : {shape.MapperType}.FromItem(record.OldImage), record.NewImage is null ? null : {shape.MapperType}.FromItem(record.NewImage), record.SequenceNumber, record.CreatedAt, record.EventId);", "change"),
                EventParameterSource.Body => ("var data = " + ReadBody(model, parameter, "record.Read(", "record.Text()", "record.Bytes()", "record.Bytes()") + ";", "data"),
                _ => ("var details = record.Details();", "details"),
            });
            writer.Close();
            writer.Open("catch (global::System.Exception exception)");
            writer.Line($"{BatchRuntime}.LogFailure(FunctionName, \"record\", record.SequenceNumber, exception);");
            writer.Line("failed = record.SequenceNumber;");
            writer.Line("break;");
            writer.Close();
            writer.Close();
            writer.Line();
            writer.Line($"var response = {BatchRuntime}.StreamResponse(failed);");
            writer.Line(isAsync ? "return response;" : "return global::System.Threading.Tasks.Task.FromResult(response);");
            writer.Close();
        }

        private static void EmitNotificationHandle(CodeWriter writer, EventHandlerModel model)
        {
            var shape = model.Shape;
            var isAsync = CallIsAsync(shape);
            OpenHandle(writer, model, isAsync);
            writer.Line(shape.Kind == EventSourceKind.S3
                ? "var records = global::Sharpless.Generated.NotificationEventRuntime.ReadS3(input, FunctionName);"
                : "var records = global::Sharpless.Generated.NotificationEventRuntime.ReadSns(input, FunctionName);");
            EmitCancellation(writer, model);
            writer.Line("// An exception fails the invocation: the source invoked the function asynchronously, so Lambda retries it.");
            writer.Open("foreach (var record in records)");
            EmitScope(writer, shape);
            EmitBindAndCall(writer, model, parameter => parameter.Source == EventParameterSource.Body
                ? ("var message = " + ReadBody(model, parameter, "record.ReadMessage(", "record.Message", null, "record.Message") + ";", "message")
                : (null, shape.Kind == EventSourceKind.S3 ? "record" : "record.Details()"));
            writer.Close();
            writer.Line();
            writer.Line(isAsync ? "return global::System.IO.Stream.Null;" : $"return {BatchRuntime}.NoResponse;");
            writer.Close();
        }

        private static void EmitEventBridgeHandle(CodeWriter writer, EventHandlerModel model)
        {
            var shape = model.Shape;
            var isAsync = CallIsAsync(shape);
            OpenHandle(writer, model, isAsync);
            writer.Line("var @event = global::Sharpless.Generated.EventBridgeRuntime.Read(input, FunctionName);");
            EmitCancellation(writer, model);
            EmitScope(writer, shape);
            EmitBindAndCall(writer, model, parameter => parameter.Source == EventParameterSource.Body
                ? ("var detail = " + ReadBody(model, parameter, "@event.ReadDetail(", "@event.DetailText()", null, "@event.Detail") + ";", "detail")
                : (null, "@event.Envelope()"));
            writer.Line(isAsync ? "return global::System.IO.Stream.Null;" : $"return {BatchRuntime}.NoResponse;");
            writer.Close();
        }

        private static void EmitCancellation(CodeWriter writer, EventHandlerModel model)
        {
            if (model.HasLambdaContext && model.Shape.HasParameter(EventParameterSource.CancellationToken))
            {
                writer.Line($"using var cancellation = {FunctionRuntime}.CancelBeforeTimeout(context.RemainingTime);");
            }
        }

        private static string ReadImage(EventFunctionShape shape, EventParameter parameter, string property, string which) =>
            parameter.Type.AcceptsNull
                ? $"record.{property} is null ? null : {shape.MapperType}.FromItem(record.{property})"
                : $"record.{property} is {{ }} {which}Item ? {shape.MapperType}.FromItem({which}Item) : throw new global::Sharpless.LambdaPayloadException(\"The record has no {which} image (a {(which == "new" ? "REMOVE" : "INSERT")} record, or the stream's view type leaves it out); declare '{parameter.Name}' nullable to receive such records.\")";

        private static void EmitScope(CodeWriter writer, EventFunctionShape shape)
        {
            if (!shape.HasParameter(EventParameterSource.Service))
            {
                return;
            }

            writer.Line($"await using var scope = {ServiceExtensions}.CreateAsyncScope({Services}.Root);");
            var index = 0;
            foreach (var parameter in shape.Parameters)
            {
                if (parameter.Source == EventParameterSource.Service)
                {
                    writer.Line($"var service{index.ToString(CultureInfo.InvariantCulture)} = {Resolve(parameter.Type, "scope.ServiceProvider")};");
                    index++;
                }
            }
        }

        private static string CommonArgument(EventHandlerModel model, EventParameter parameter, ref int serviceIndex)
        {
            switch (parameter.Source)
            {
                case EventParameterSource.LambdaContext:
                    return "context";
                case EventParameterSource.CancellationToken:
                    return model.HasLambdaContext ? "cancellation.Token" : "global::System.Threading.CancellationToken.None";
                default:
                    var name = "service" + serviceIndex.ToString(CultureInfo.InvariantCulture);
                    serviceIndex++;
                    return name;
            }
        }

        /// <summary>
        /// Binds the source's own parameters with <paramref name="bind"/> (a statement to write first, if any, and the
        /// argument), ILambdaContext, CancellationToken and services as every function does, then calls the method.
        /// </summary>
        private static void EmitBindAndCall(CodeWriter writer, EventHandlerModel model, Func<EventParameter, (string? Statement, string Argument)> bind)
        {
            var arguments = new List<string>();
            var serviceIndex = 0;
            foreach (var parameter in model.Shape.Parameters)
            {
                if (parameter.Source is EventParameterSource.LambdaContext or EventParameterSource.CancellationToken or EventParameterSource.Service)
                {
                    arguments.Add(CommonArgument(model, parameter, ref serviceIndex));
                    continue;
                }

                var (statement, argument) = bind(parameter);
                if (statement is not null)
                {
                    writer.Line(statement);
                }

                arguments.Add(argument);
            }

            EmitCall(writer, model.Shape, arguments);
        }

        private static void EmitCall(CodeWriter writer, EventFunctionShape shape, List<string> arguments)
        {
            var target = shape.IsStatic ? shape.ContainingType : "s_function";
            var call = $"{target}.{CSharpText.Identifier(shape.MethodName)}({string.Join(", ", arguments)})";
            writer.Line(shape.Invocation == InvocationKind.Sync ? call + ";" : $"await {call}.ConfigureAwait(false);");
        }

        private static string Resolve(TypeRef service, string provider) => service.AcceptsNull
            ? $"{ServiceExtensions}.GetService<{service.Name}>({provider})"
            : $"{ServiceExtensions}.GetRequiredService<{service.Name}>({provider})";
    }
}
