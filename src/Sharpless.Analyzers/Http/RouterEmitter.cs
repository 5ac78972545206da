using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Common;
using Sharpless.Functions;

namespace Sharpless.Http
{
    /// <summary>
    /// Writes the router: a Lambda handler that reads the API Gateway event, matches the path with a compiled
    /// segment-count switch and literal comparisons (most specific template first), checks the method, binds the
    /// parameters and writes the API Gateway response. It never touches symbols.
    /// </summary>
    internal static class RouterEmitter
    {
        public const string RuntimeHintName = "Sharpless.Generated.ApiGatewayRuntime.g.cs";
        public const string ReflectionHintName = "Sharpless.Generated.ApiGatewayReflection.g.cs";

        private const string Runtime = "global::Sharpless.Generated.ApiGatewayRuntime";
        private const string Stream = "global::System.IO.Stream";
        private const string ValueTaskOfStream = "global::System.Threading.Tasks.ValueTask<global::System.IO.Stream>";
        private const string ServiceExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";

        public static string HintName(string typeName) => "Sharpless.Generated." + typeName + ".g.cs";

        public static string EmitRuntime(string version) => Template("ApiGatewayRuntime.cs", version);

        public static string EmitReflection(string version) => Template("ApiGatewayReflection.cs", version);

        private static string Template(string name, string version)
        {
            using var stream = typeof(RouterEmitter).Assembly.GetManifestResourceStream("Sharpless.Templates." + name)
                ?? throw new InvalidOperationException("Missing template " + name);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("$VERSION$", version).Replace("\r\n", "\n");
        }

        public static string Emit(RouterModel model, string typeName, string version)
        {
            var writer = new CodeWriter();
            writer.FileHeader();
            writer.Open("namespace Sharpless.Generated");
            writer.Line("/// <summary>");
            writer.Line($"/// The Lambda function <c>{model.FunctionName}</c> Sharpless generated for the project's HTTP routes: it serves API Gateway");
            writer.Line("/// REST (payload 1.0), HTTP API (payload 2.0) and function URL events. Routes:");
            writer.Line("/// <list type=\"bullet\">");
            foreach (var route in model.Routes)
            {
                writer.Line($"/// <item><c>{route.Route.HttpMethod} {CSharpText.Xml(route.Route.Template)}</c> → <c>{CSharpText.Xml(route.Route.MethodDisplay)}</c></item>");
            }

            writer.Line("/// </list>");
            writer.Line("/// </summary>");
            writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"Sharpless\", \"{version}\")]");
            writer.Open("public sealed class " + typeName);
            writer.Line("/// <summary>The handler string to deploy this function with: <c>Assembly::Namespace.Type::Method</c>.</summary>");
            writer.Line("public const string HandlerString = " + CSharpText.Literal(model.HandlerString) + ";");
            writer.Line();

            var targets = Targets(model);
            EmitStatics(writer, model, typeName, targets);
            EmitHandle(writer, model);
            EmitDispatch(writer, model);
            foreach (var route in model.Routes)
            {
                EmitRoute(writer, model, route, targets);
            }

            writer.Close();
            writer.Close();
            return writer.ToString();
        }

        /// <summary>One static instance per class that declares instance route methods, created once per execution environment.</summary>
        private static Dictionary<string, string> Targets(RouterModel model)
        {
            var targets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var route in model.Routes)
            {
                if (!route.Route.IsStatic && !targets.ContainsKey(route.Route.ContainingType))
                {
                    targets[route.Route.ContainingType] = "s_target" + targets.Count.ToString(CultureInfo.InvariantCulture);
                }
            }

            return targets;
        }

        private static void EmitStatics(CodeWriter writer, RouterModel model, string typeName, Dictionary<string, string> targets)
        {
            var initializers = new List<(string Type, string Name, string Value)>();
            foreach (var route in model.Routes)
            {
                var index = route.Index.ToString(CultureInfo.InvariantCulture);
                if (route.BodyJson is { IsReflection: false } body)
                {
                    initializers.Add(($"global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{body.Type}>", "s_body" + index, $"global::Sharpless.Generated.LambdaFunctionRuntime.GetTypeInfo<{body.Type}>({body.Context}.Default)"));
                }

                if (route.ResultJson is { IsReflection: false } result)
                {
                    initializers.Add(($"global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{result.Type}>", "s_result" + index, $"global::Sharpless.Generated.LambdaFunctionRuntime.GetTypeInfo<{result.Type}>({result.Context}.Default)"));
                }
            }

            if (model.Routes.Any(r => r.Route.Result == RouteResultKind.HttpResult) && !model.UsesReflection)
            {
                initializers.Add(("global::System.Text.Json.Serialization.JsonSerializerContext[]", "s_contexts", "new global::System.Text.Json.Serialization.JsonSerializerContext[] { " + string.Join(", ", model.Contexts.Select(c => c + ".Default")) + " }"));
            }

            foreach (var target in targets.OrderBy(t => t.Value, StringComparer.Ordinal))
            {
                var services = model.Routes.First(r => !r.Route.IsStatic && r.Route.ContainingType == target.Key).Route.ConstructorServices;
                var arguments = services.Select(s => (s.AcceptsNull ? ServiceExtensions + ".GetService<" : ServiceExtensions + ".GetRequiredService<") + s.Name + ">(global::Sharpless.Generated.LambdaServices.Root)");
                initializers.Add((target.Key, target.Value, $"new {target.Key}({string.Join(", ", arguments)})"));
            }

            foreach (var (type, name, _) in initializers)
            {
                writer.Line($"private static readonly {type} {name};");
            }

            if (initializers.Count > 0)
            {
                writer.Line();
                writer.Line("// Runs once per execution environment, before the runtime's first `new` of this handler (the INIT phase).");
                writer.Open($"static {typeName}()");
                foreach (var (_, name, value) in initializers)
                {
                    writer.Line($"{name} = {value};");
                }

                writer.Close();
                writer.Line();
            }
        }

        private static void EmitHandle(CodeWriter writer, RouterModel model)
        {
            var signature = model.HasLambdaContext ? $"{Stream} input, global::Amazon.Lambda.Core.ILambdaContext context" : $"{Stream} input";
            var contextArgument = model.HasLambdaContext ? ", context" : string.Empty;
            writer.Line("/// <summary>Serves one API Gateway event: 400 for a malformed request, 404/405 when no route matches, 500 (logged, never echoed) when a route throws.</summary>");
            writer.Open($"public async global::System.Threading.Tasks.Task<{Stream}> Handle({signature})");
            writer.Line("global::Sharpless.Generated.ApiRequest? request = null;");
            writer.Open("try");
            writer.Line($"request = {Runtime}.ReadRequest(input);");
            writer.Line($"return await Dispatch(request{contextArgument}).ConfigureAwait(false);");
            writer.Close();
            writer.Open("catch (global::Sharpless.Generated.ApiRequestException exception)");
            writer.Line($"return {Runtime}.BadRequest(request, exception);");
            writer.Close();
            writer.Open("catch (global::System.Exception exception)");
            var log = "\"Unhandled exception serving \" + (request is null ? \"an unreadable event\" : request.Method + \" \" + request.RawPath) + \": \" + exception";
            writer.Line(model.HasLambdaContext ? $"context.Logger?.LogLine({log});" : $"global::System.Console.Error.WriteLine({log});");
            writer.Line($"return {Runtime}.InternalError(request);");
            writer.Close();
            writer.Open("finally");
            writer.Line("// The response is written: the event's pooled bytes can go back.");
            writer.Line($"{Runtime}.Release(request);");
            writer.Close();
            writer.Close();
            writer.Line();
        }

        private static void EmitDispatch(CodeWriter writer, RouterModel model)
        {
            var parameters = model.HasLambdaContext ? "global::Sharpless.Generated.ApiRequest request, global::Amazon.Lambda.Core.ILambdaContext context" : "global::Sharpless.Generated.ApiRequest request";
            var contextArgument = model.HasLambdaContext ? ", context" : string.Empty;
            writer.Open($"private static {ValueTaskOfStream} Dispatch({parameters})");
            writer.Open("switch (Match(request.Method, request.RawPath, out var allow))");
            foreach (var route in model.Routes)
            {
                var index = route.Index.ToString(CultureInfo.InvariantCulture);
                writer.Line($"case {index}: return Route{index}(request{contextArgument});");
            }

            writer.Close();
            writer.Line($"if (allow is not null) return new {ValueTaskOfStream}(request.Method == \"OPTIONS\" ? {Runtime}.Options(request, allow) : {Runtime}.MethodNotAllowed(request, allow));");
            writer.Line($"return new {ValueTaskOfStream}({Runtime}.NotFound(request));");
            writer.Close();
            writer.Line();

            EmitMatch(writer, model);
        }

        /// <summary>
        /// The compiled route table: a switch on the segment count, then literal comparisons on the raw path (most
        /// specific template first), then a switch on the method. It allocates nothing: segments are ranges on the stack.
        /// </summary>
        private static void EmitMatch(CodeWriter writer, RouterModel model)
        {
            var shapes = model.Routes
                .GroupBy(r => r.Route.ShapeKey, StringComparer.Ordinal)
                .Select(g => g.ToList())
                .OrderBy(g => g[0].Route.Segments.Items, SpecificityComparer.Instance)
                .ThenBy(g => g[0].Route.ShapeKey, StringComparer.Ordinal)
                .ToList();
            var capacity = (model.Routes.Max(r => r.Route.Segments.Count) + 1).ToString(CultureInfo.InvariantCulture);

            writer.Line("/// <summary>");
            writer.Line("/// Matches a request to a route: the route's index, or -1 with <paramref name=\"allow\"/> null when no route has the path,");
            writer.Line("/// or -1 with the path's methods in <paramref name=\"allow\"/> when the method is not one of them. Allocates nothing on a match.");
            writer.Line("/// </summary>");
            writer.Open("internal static int Match(string method, string path, out string? allow)");
            writer.Line("allow = null;");
            writer.Line($"global::System.Span<global::System.Range> s = stackalloc global::System.Range[{capacity}];");
            writer.Line($"var count = {Runtime}.SplitRanges(path, s);");

            var exact = shapes.Where(g => !IsGreedy(g[0].Route)).GroupBy(g => g[0].Route.Segments.Count).OrderBy(g => g.Key).ToList();
            if (exact.Count > 0)
            {
                writer.Open("switch (count)");
                foreach (var count in exact)
                {
                    writer.Line($"case {count.Key.ToString(CultureInfo.InvariantCulture)}:");
                    writer.Open(string.Empty);
                    foreach (var shape in count)
                    {
                        EmitShape(writer, shape, greedy: false);
                    }

                    writer.Line("break;");
                    writer.Close();
                }

                writer.Close();
            }

            foreach (var shape in shapes.Where(g => IsGreedy(g[0].Route)).OrderByDescending(g => g[0].Route.Segments.Count))
            {
                EmitShape(writer, shape, greedy: true);
            }

            writer.Line("return -1;");
            writer.Close();
        }

        private static bool IsGreedy(RouteModel route) => route.Segments.Count > 0 && route.Segments[route.Segments.Count - 1].Kind == SegmentKind.CatchAll;

        private static void EmitShape(CodeWriter writer, List<PlannedRoute> routes, bool greedy)
        {
            var segments = routes[0].Route.Segments;
            var conditions = new List<string>();
            if (greedy)
            {
                conditions.Add($"count >= {segments.Count.ToString(CultureInfo.InvariantCulture)}");
            }

            for (var i = 0; i < segments.Count; i++)
            {
                if (segments[i].Kind == SegmentKind.Literal)
                {
                    conditions.Add($"{Runtime}.SegmentIs(path, s[{i.ToString(CultureInfo.InvariantCulture)}], {CSharpText.Literal(segments[i].Value)})");
                }
            }

            writer.Line($"// {routes[0].Route.ShapeKey}");
            writer.Open(conditions.Count == 0 ? string.Empty : "if (" + string.Join(" && ", conditions) + ")");
            var byMethod = routes.GroupBy(r => r.Route.HttpMethod).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var hasAny = byMethod.ContainsKey("ANY");
            writer.Open("switch (method)");
            foreach (var pair in byMethod.Where(p => p.Key != "ANY").OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Line($"case \"{pair.Key}\":");
                if (pair.Key == "GET" && !byMethod.ContainsKey("HEAD"))
                {
                    // HEAD is served by the GET route; the response keeps status and headers and drops the body.
                    writer.Line("case \"HEAD\":");
                }

                writer.Line($"    return {pair.Value.Index.ToString(CultureInfo.InvariantCulture)};");
            }

            if (hasAny)
            {
                writer.Line("default:");
                writer.Line($"    return {byMethod["ANY"].Index.ToString(CultureInfo.InvariantCulture)};");
            }

            writer.Close();
            if (!hasAny)
            {
                var allow = byMethod.Keys.ToList();
                if (allow.Contains("GET") && !allow.Contains("HEAD"))
                {
                    allow.Add("HEAD");
                }

                allow.Sort(StringComparer.Ordinal);
                writer.Line($"allow = {Runtime}.MergeAllow(allow, {CSharpText.Literal(string.Join(", ", allow))});");
            }

            writer.Close();
        }

        private static void EmitRoute(CodeWriter writer, RouterModel model, PlannedRoute planned, Dictionary<string, string> targets)
        {
            var route = planned.Route;
            var index = planned.Index.ToString(CultureInfo.InvariantCulture);
            var needsScope = route.Parameters.Any(p => p.Source == BindingSource.Service);
            var isAsync = route.Invocation != InvocationKind.Sync || needsScope;
            var parameters = model.HasLambdaContext ? "global::Sharpless.Generated.ApiRequest request, global::Amazon.Lambda.Core.ILambdaContext context" : "global::Sharpless.Generated.ApiRequest request";

            writer.Line();
            writer.Line($"// {route.HttpMethod} {route.Template} → {route.MethodDisplay}");
            writer.Open($"private static {(isAsync ? "async " : string.Empty)}{ValueTaskOfStream} Route{index}({parameters})");
            if (route.Parameters.Any(p => p.Source == BindingSource.Route))
            {
                writer.Line("var s = request.Segments;");
            }

            var arguments = new List<string>();
            for (var i = 0; i < route.Parameters.Count; i++)
            {
                var parameter = route.Parameters[i];
                var local = "p" + i.ToString(CultureInfo.InvariantCulture);
                switch (parameter.Source)
                {
                    case BindingSource.LambdaContext:
                        arguments.Add("context");
                        continue;
                    case BindingSource.CancellationToken:
                        if (model.HasLambdaContext)
                        {
                            writer.Line($"using var {local} = global::Sharpless.Generated.LambdaFunctionRuntime.CancelBeforeTimeout(context.RemainingTime);");
                            arguments.Add(local + ".Token");
                        }
                        else
                        {
                            arguments.Add("global::System.Threading.CancellationToken.None");
                        }

                        continue;
                    case BindingSource.Service:
                        arguments.Add(local);
                        continue;
                    case BindingSource.Body:
                        EmitBody(writer, planned, parameter, local);
                        break;
                    case BindingSource.Route:
                        EmitRouteValue(writer, route, parameter, local);
                        break;
                    default:
                        EmitTextValue(writer, parameter, local);
                        break;
                }

                arguments.Add(local);
            }

            if (needsScope)
            {
                writer.Line($"await using var scope = {ServiceExtensions}.CreateAsyncScope(global::Sharpless.Generated.LambdaServices.Root);");
                for (var i = 0; i < route.Parameters.Count; i++)
                {
                    var parameter = route.Parameters[i];
                    if (parameter.Source == BindingSource.Service)
                    {
                        var resolve = parameter.IsOptional ? "GetService" : "GetRequiredService";
                        writer.Line($"var p{i.ToString(CultureInfo.InvariantCulture)} = {ServiceExtensions}.{resolve}<{parameter.ParameterType}>(scope.ServiceProvider);");
                    }
                }
            }

            var target = route.IsStatic ? route.ContainingType : targets[route.ContainingType];
            var call = $"{target}.{CSharpText.Identifier(route.MethodName)}({string.Join(", ", arguments)})";
            if (route.Invocation != InvocationKind.Sync)
            {
                call = $"await {call}.ConfigureAwait(false)";
            }

            string response;
            if (route.Result == RouteResultKind.None)
            {
                writer.Line(call + ";");
                response = $"{Runtime}.Empty(request, 204)";
            }
            else
            {
                writer.Line("var result = " + call + ";");
                response = route.Result switch
                {
                    RouteResultKind.Text => $"{Runtime}.Text(request, 200, result)",
                    RouteResultKind.Bytes => $"{Runtime}.Binary(request, 200, result)",
                    RouteResultKind.Stream => $"{Runtime}.Binary(request, 200, ({Stream}?)result)",
                    RouteResultKind.HttpResult when model.UsesReflection => $"{Runtime}.ResultWithReflection(request, result)",
                    RouteResultKind.HttpResult => $"{Runtime}.Result(request, result, s_contexts)",
                    _ when planned.ResultJson is { IsReflection: true } => $"{Runtime}.JsonWithReflection(request, 200, result)",
                    _ => $"{Runtime}.Json(request, 200, result, s_result{index})",
                };
            }

            writer.Line(isAsync ? $"return {response};" : $"return new {ValueTaskOfStream}({response});");
            writer.Close();
        }

        private static void EmitBody(CodeWriter writer, PlannedRoute planned, RouteParameter parameter, string local)
        {
            var required = parameter.IsOptional ? "false" : "true";
            var read = parameter.Body switch
            {
                BodyFormat.Text => $"{Runtime}.ReadTextBody(request, {CSharpText.Literal(parameter.Name)}, {required})",
                BodyFormat.Bytes => $"{Runtime}.ReadBytesBody(request, {CSharpText.Literal(parameter.Name)}, {required})",
                _ when planned.BodyJson is { IsReflection: true } => $"{Runtime}.ReadJsonBodyWithReflection<{parameter.ParameterType}>(request, {CSharpText.Literal(parameter.Name)}, {required})",
                _ => $"{Runtime}.ReadJsonBody(request, s_body{planned.Index.ToString(CultureInfo.InvariantCulture)}, {CSharpText.Literal(parameter.Name)}, {required})",
            };
            writer.Line($"var {local} = {read};");
        }

        private static void EmitRouteValue(CodeWriter writer, RouteModel route, RouteParameter parameter, string local)
        {
            var position = 0;
            for (var i = 0; i < route.Segments.Count; i++)
            {
                if (route.Segments[i].Kind != SegmentKind.Literal && route.Segments[i].Value == parameter.Key)
                {
                    position = i;
                }
            }

            var at = position.ToString(CultureInfo.InvariantCulture);
            var text = route.Segments[position].Kind == SegmentKind.CatchAll ? $"string.Join(\"/\", s, {at}, s.Length - {at})" : $"s[{at}]";
            if (parameter.Kind == ValueKind.String)
            {
                writer.Line($"var {local} = {text};");
                return;
            }

            writer.Line($"if (!{Parse(parameter, text, local + "Value")}) throw {Runtime}.Invalid({CSharpText.Literal(parameter.Key)}, \"route value\", {CSharpText.Literal(Expected(parameter))});");
            writer.Line($"var {local} = {local}Value;");
        }

        private static void EmitTextValue(CodeWriter writer, RouteParameter parameter, string local)
        {
            var isQuery = parameter.Source == BindingSource.Query;
            var source = isQuery ? "query parameter" : "header";
            var key = CSharpText.Literal(parameter.Key);
            if (parameter.Collection != CollectionKind.None)
            {
                writer.Line($"var {local}Texts = request.{(isQuery ? "QueryValues" : "HeaderValues")}({key});");
                writer.Line($"var {local}List = new global::System.Collections.Generic.List<{parameter.ElementType}>({local}Texts.Count);");
                writer.Open($"foreach (var {local}Text in {local}Texts)");
                writer.Line($"if (!{Parse(parameter, local + "Text", local + "Item")}) throw {Runtime}.Invalid({key}, {CSharpText.Literal(source)}, {CSharpText.Literal(Expected(parameter))});");
                writer.Line($"{local}List.Add({local}Item);");
                writer.Close();
                writer.Line(parameter.Collection == CollectionKind.Array ? $"var {local} = {local}List.ToArray();" : $"var {local} = {local}List;");
                return;
            }

            var textValue = $"request.{(isQuery ? "QueryValue" : "HeaderValue")}({key})";
            var fallback = parameter.DefaultValue ?? "default";
            if (parameter.Kind == ValueKind.String)
            {
                // `string? after = null` reads as "no default": the local stays nullable (a `?? default` would be CS8600).
                var defaultText = parameter.DefaultValue == "default" ? null : parameter.DefaultValue;
                var orElse = parameter.IsOptional ? (defaultText is null ? string.Empty : " ?? " + defaultText) : $" ?? throw {Runtime}.Missing({key}, {CSharpText.Literal(source)})";
                writer.Line($"{(parameter.IsOptional && defaultText is null ? "string?" : "string")} {local} = {textValue}{orElse};");
                return;
            }

            writer.Line($"var {local}Text = {textValue};");
            writer.Line($"{parameter.ParameterType} {local};");
            writer.Open($"if ({local}Text is null)");
            writer.Line(parameter.IsOptional ? $"{local} = {fallback};" : $"throw {Runtime}.Missing({key}, {CSharpText.Literal(source)});");
            writer.Close();
            writer.Open("else");
            writer.Line($"if (!{Parse(parameter, local + "Text", local + "Value")}) throw {Runtime}.Invalid({key}, {CSharpText.Literal(source)}, {CSharpText.Literal(Expected(parameter))});");
            writer.Line($"{local} = {local}Value;");
            writer.Close();
        }

        private static string Parse(RouteParameter parameter, string text, string output) => parameter.Kind == ValueKind.Enum
            ? $"{Runtime}.TryParseEnum<{parameter.ElementType}>({text}, out var {output})"
            : $"{Runtime}.TryParse({text}, out {parameter.ElementType} {output})";

        private static string Expected(RouteParameter parameter) => parameter.Kind switch
        {
            ValueKind.Enum => "value of " + parameter.ElementType.Substring(parameter.ElementType.LastIndexOf('.') + 1),
            ValueKind.Boolean => "boolean (true or false)",
            ValueKind.DateOnly => "date (yyyy-MM-dd)",
            ValueKind.DateTime or ValueKind.DateTimeOffset => "ISO 8601 date and time",
            ValueKind.Guid => "GUID",
            ValueKind.Decimal or ValueKind.Double or ValueKind.Single => "number",
            _ => parameter.Kind.ToString() + " integer",
        };




        /// <summary>Literal segments before parameters, at the first position where two templates differ.</summary>
        private sealed class SpecificityComparer : IComparer<System.Collections.Immutable.ImmutableArray<RouteSegment>>
        {
            public static readonly SpecificityComparer Instance = new SpecificityComparer();

            public int Compare(System.Collections.Immutable.ImmutableArray<RouteSegment> x, System.Collections.Immutable.ImmutableArray<RouteSegment> y)
            {
                for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
                {
                    var byKind = x[i].Kind.CompareTo(y[i].Kind);
                    if (byKind != 0)
                    {
                        return byKind;
                    }
                }

                return y.Length.CompareTo(x.Length);
            }
        }
    }
}
