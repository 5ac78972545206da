using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Common;

namespace Sharpless.Functions
{
    /// <summary>
    /// Writes one function's handler class. It never touches symbols: everything comes from the model. The shape of
    /// the output is documented in docs/functions.md; keep the two in step.
    /// </summary>
    internal static class FunctionHandlerEmitter
    {
        private const string Runtime = "global::Sharpless.Generated.LambdaFunctionRuntime";
        private const string Services = "global::Sharpless.Generated.LambdaServices";
        private const string ServiceExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";
        private const string Stream = "global::System.IO.Stream";
        private const string TaskOfStream = "global::System.Threading.Tasks.Task<global::System.IO.Stream>";
        private const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";

        public static string Emit(FunctionHandlerModel model, string version)
        {
            var shape = model.Shape;
            var writer = new CodeWriter();
            writer.FileHeader();
            var hasNamespace = shape.Namespace.Length > 0;
            if (hasNamespace)
            {
                writer.Open("namespace " + shape.Namespace);
            }

            writer.Line("/// <summary>");
            writer.Line($"/// The Lambda handler Sharpless generated for <c>{CSharpText.Xml(shape.MethodDisplay)}</c> (function <c>{shape.Name}</c>).");
            writer.Line("/// The Lambda runtime creates it once per execution environment and calls <see cref=\"Handle\"/> for each event.");
            writer.Line("/// </summary>");
            writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"Sharpless\", \"{version}\")]");
            writer.Open("public sealed class " + shape.HandlerTypeName);
            writer.Line("/// <summary>The handler string to deploy this function with: <c>Assembly::Namespace.Type::Method</c>.</summary>");
            writer.Line("public const string HandlerString = " + CSharpText.Literal(shape.HandlerString) + ";");
            writer.Line();

            var statics = StaticFields(model);
            foreach (var field in statics)
            {
                writer.Line($"private static readonly {field.Type} {field.Name};");
            }

            if (statics.Count > 0)
            {
                writer.Line();
                writer.Line("// Runs once per execution environment, before the runtime's first `new` of this handler (the INIT phase),");
                writer.Line("// so serializer metadata, the container and the function's class are ready before the first invocation.");
                writer.Open($"static {shape.HandlerTypeName}()");
                foreach (var field in statics)
                {
                    writer.Line($"{field.Name} = {field.Initializer};");
                }

                writer.Close();
                writer.Line();
            }

            EmitHandle(writer, model);
            writer.Close();
            if (hasNamespace)
            {
                writer.Close();
            }

            return writer.ToString();
        }

        private sealed class StaticField
        {
            public StaticField(string type, string name, string initializer)
            {
                Type = type;
                Name = name;
                Initializer = initializer;
            }

            public string Type { get; }

            public string Name { get; }

            public string Initializer { get; }
        }

        private static List<StaticField> StaticFields(FunctionHandlerModel model)
        {
            var fields = new List<StaticField>();
            if (model.PayloadJson is { IsReflection: false } payload)
            {
                fields.Add(new StaticField($"{JsonTypeInfo}<{payload.Type}>", "s_payload", $"{Runtime}.GetTypeInfo<{payload.Type}>({payload.Context}.Default)"));
            }

            if (model.ResultJson is { IsReflection: false } result)
            {
                fields.Add(new StaticField($"{JsonTypeInfo}<{result.Type}>", "s_result", $"{Runtime}.GetTypeInfo<{result.Type}>({result.Context}.Default)"));
            }

            var shape = model.Shape;
            if (!shape.IsStatic)
            {
                var arguments = new List<string>();
                foreach (var service in shape.ConstructorServices)
                {
                    arguments.Add(Resolve(service, Services + ".Root"));
                }

                fields.Add(new StaticField(shape.ContainingType, "s_function", $"new {shape.ContainingType}({string.Join(", ", arguments)})"));
            }

            return fields;
        }

        private static void EmitHandle(CodeWriter writer, FunctionHandlerModel model)
        {
            var shape = model.Shape;
            var needsScope = shape.HasServiceParameters;
            var isAsync = shape.Invocation != InvocationKind.Sync || needsScope;
            var signature = model.HasLambdaContext
                ? $"{Stream} input, global::Amazon.Lambda.Core.ILambdaContext context"
                : $"{Stream} input";

            writer.Line($"/// <summary>Handles one event: binds the parameters, calls <c>{CSharpText.Xml(shape.MethodName)}</c> and returns its result as the response.</summary>");
            writer.Open($"public {(isAsync ? "async " : string.Empty)}{TaskOfStream} {FunctionReader.HandlerMethodName}({signature})");

            var arguments = new List<string>();
            var serviceIndex = 0;
            var hasCancellation = false;
            foreach (var parameter in shape.Parameters)
            {
                switch (parameter.Source)
                {
                    case ParameterSource.Payload:
                        writer.Line("var payload = " + ReadPayload(model, parameter) + ";");
                        arguments.Add("payload");
                        break;
                    case ParameterSource.LambdaContext:
                        arguments.Add("context");
                        break;
                    case ParameterSource.CancellationToken:
                        hasCancellation |= model.HasLambdaContext;
                        arguments.Add(model.HasLambdaContext ? "cancellation.Token" : "global::System.Threading.CancellationToken.None");
                        break;
                    case ParameterSource.Service:
                        arguments.Add("service" + serviceIndex.ToString(CultureInfo.InvariantCulture));
                        serviceIndex++;
                        break;
                }
            }

            if (hasCancellation)
            {
                writer.Line($"using var cancellation = {Runtime}.CancelBeforeTimeout(context.RemainingTime);");
            }

            if (needsScope)
            {
                writer.Line($"await using var scope = {ServiceExtensions}.CreateAsyncScope({Services}.Root);");
                serviceIndex = 0;
                foreach (var parameter in shape.Parameters)
                {
                    if (parameter.Source == ParameterSource.Service)
                    {
                        writer.Line($"var service{serviceIndex.ToString(CultureInfo.InvariantCulture)} = {Resolve(parameter.Type, "scope.ServiceProvider")};");
                        serviceIndex++;
                    }
                }
            }

            var target = shape.IsStatic ? shape.ContainingType : "s_function";
            var call = $"{target}.{CSharpText.Identifier(shape.MethodName)}({string.Join(", ", arguments)})";
            if (shape.Invocation != InvocationKind.Sync)
            {
                call = $"await {call}.ConfigureAwait(false)";
            }

            if (shape.ResultFormat == WireFormat.None)
            {
                writer.Line(call + ";");
                writer.Line(isAsync ? $"return {Stream}.Null;" : $"return {Runtime}.EmptyResponse;");
            }
            else
            {
                writer.Line("var result = " + call + ";");
                var response = WriteResult(model);
                writer.Line(isAsync ? $"return {response};" : $"return global::System.Threading.Tasks.Task.FromResult<{Stream}>({response});");
            }

            writer.Close();
        }

        private static string ReadPayload(FunctionHandlerModel model, FunctionParameter parameter)
        {
            var function = CSharpText.Literal(model.Shape.Name);
            var acceptsNull = parameter.Type.AcceptsNull ? "true" : "false";
            var read = parameter.Format switch
            {
                WireFormat.Stream => "input",
                WireFormat.String => $"{Runtime}.ReadJson(input, {Runtime}.StringTypeInfo, {function}, {acceptsNull})",
                _ when model.PayloadJson is { IsReflection: true } => $"{Runtime}.ReadJsonWithReflection<{parameter.Type.Name}>(input, {function}, {acceptsNull})",
                _ => $"{Runtime}.ReadJson(input, s_payload, {function}, {acceptsNull})",
            };

            // JSON null for a parameter that does not accept it: a clear error rather than a NullReferenceException later.
            var needsNullCheck = parameter.Format != WireFormat.Stream && !parameter.Type.AcceptsNull && !parameter.Type.IsValueType;
            return needsNullCheck ? $"{read} ?? throw {Runtime}.NullPayload({function}, {CSharpText.Literal(parameter.Type.Name.Replace("global::", string.Empty))})" : read;
        }

        private static string WriteResult(FunctionHandlerModel model) => model.Shape.ResultFormat switch
        {
            WireFormat.Stream => $"result ?? {Stream}.Null",
            WireFormat.String => $"{Runtime}.WriteJson(result, {Runtime}.StringTypeInfo)",
            _ when model.ResultJson is { IsReflection: true } => $"{Runtime}.WriteJsonWithReflection(result)",
            _ => $"{Runtime}.WriteJson(result, s_result)",
        };

        private static string Resolve(TypeRef service, string provider) => service.AcceptsNull
            ? $"{ServiceExtensions}.GetService<{service.Name}>({provider})"
            : $"{ServiceExtensions}.GetRequiredService<{service.Name}>({provider})";



    }
}
