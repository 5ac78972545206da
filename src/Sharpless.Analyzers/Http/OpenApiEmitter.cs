using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Common;

namespace Sharpless.Http
{
    /// <summary>
    /// Writes <c>Sharpless.Generated.ApiDescription.OpenApiJson</c>: an OpenAPI 3.0 document of the routes the router
    /// serves — paths, methods, parameters with their types, request bodies and response kinds. Greedy parameters
    /// (<c>{path+}</c>) appear as <c>{path}</c> with <c>x-sharpless-greedy</c>; ANY routes use API Gateway's
    /// <c>x-amazon-apigateway-any-method</c>.
    /// </summary>
    internal static class OpenApiEmitter
    {
        public const string HintName = "Sharpless.Generated.ApiDescription.g.cs";

        public static string Emit(IReadOnlyList<RouterModel> models, string version)
        {
            var writer = new CodeWriter();
            writer.FileHeader();
            writer.Open("namespace Sharpless.Generated");
            writer.Line("/// <summary>The project's HTTP routes as an OpenAPI 3.0 document.</summary>");
            writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"Sharpless\", \"{version}\")]");
            writer.Open("public static class ApiDescription");
            writer.Line("/// <summary>The OpenAPI 3.0 document (JSON).</summary>");
            writer.Line("public const string OpenApiJson = " + SymbolDisplay.FormatLiteral(Document(models), quote: true) + ";");
            writer.Close();
            writer.Close();
            return writer.ToString();
        }

        /// <summary>All routers' routes in one document (each operation names its function in <c>x-sharpless-function</c>).</summary>
        public static string Document(IReadOnlyList<RouterModel> models)
        {
            var handler = models[0].HandlerString;
            var title = handler.Substring(0, System.Math.Max(0, handler.IndexOf("::", System.StringComparison.Ordinal)));
            var json = new StringBuilder();
            json.Append("{\"openapi\":\"3.0.3\",\"info\":{").AppendProperty("title", title).Append(",\"version\":\"1.0\"},\"paths\":{");
            var first = true;
            foreach (var path in models.SelectMany(m => m.Routes).GroupBy(r => OpenApiPath(r.Route)).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                json.Append(first ? string.Empty : ",").AppendString(path.Key).Append(":{");
                first = false;
                var firstOperation = true;
                foreach (var route in path.OrderBy(r => r.Route.HttpMethod, System.StringComparer.Ordinal))
                {
                    json.Append(firstOperation ? string.Empty : ",");
                    firstOperation = false;
                    Operation(json, route.Route);
                }

                json.Append('}');
            }

            return json.Append("}}").ToString();
        }

        private static string OpenApiPath(RouteModel route) =>
            route.Segments.Count == 0 ? "/" : "/" + string.Join("/", route.Segments.Select(s => s.Kind == SegmentKind.Literal ? s.Value : "{" + s.Value + "}"));

        private static void Operation(StringBuilder json, RouteModel route)
        {
            json.AppendString(route.HttpMethod == "ANY" ? "x-amazon-apigateway-any-method" : route.HttpMethod.ToLowerInvariant()).Append(":{");
            json.AppendProperty("operationId", route.MethodDisplay.Replace('.', '_')).Append(',');
            json.AppendProperty("x-sharpless-function", route.FunctionName);
            var parameters = route.Parameters.Where(p => p.Source is BindingSource.Route or BindingSource.Query or BindingSource.Header).ToList();
            if (parameters.Count > 0)
            {
                json.Append(",\"parameters\":[");
                for (var i = 0; i < parameters.Count; i++)
                {
                    var parameter = parameters[i];
                    json.Append(i == 0 ? "{" : ",{");
                    json.AppendProperty("name", parameter.Key).Append(',');
                    json.AppendProperty("in", parameter.Source switch { BindingSource.Route => "path", BindingSource.Query => "query", _ => "header" });
                    json.Append(",\"required\":").Append(parameter.Source == BindingSource.Route || !parameter.IsOptional ? "true" : "false");
                    if (route.Segments.Any(s => s.Kind == SegmentKind.CatchAll && s.Value == parameter.Key))
                    {
                        json.Append(",\"x-sharpless-greedy\":true");
                    }

                    json.Append(",\"schema\":");
                    Schema(json, parameter);
                    json.Append('}');
                }

                json.Append(']');
            }

            if (route.Parameters.FirstOrDefault(p => p.Source == BindingSource.Body) is { } body)
            {
                var contentType = body.Body switch { BodyFormat.Text => "text/plain", BodyFormat.Bytes => "application/octet-stream", _ => "application/json" };
                json.Append(",\"requestBody\":{\"required\":").Append(body.IsOptional ? "false" : "true").Append(",\"content\":{").AppendString(contentType).Append(":{}}}");
            }

            json.Append(",\"responses\":{");
            var (status, description, content) = route.Result switch
            {
                RouteResultKind.None => ("204", "No Content", null),
                RouteResultKind.Json => ("200", "OK", "application/json"),
                RouteResultKind.Text => ("200", "OK", "text/plain"),
                RouteResultKind.Bytes or RouteResultKind.Stream => ("200", "OK", "application/octet-stream"),
                _ => ("default", "The status the method returns", (string?)null),
            };
            json.AppendString(status).Append(":{").AppendProperty("description", description);
            if (content is not null)
            {
                json.Append(",\"content\":{").AppendString(content).Append(":{}}");
            }

            json.Append("},\"400\":{\"description\":\"The request could not be bound\",\"content\":{\"application/problem+json\":{}}}}}");
        }

        private static void Schema(StringBuilder json, RouteParameter parameter)
        {
            if (parameter.Collection != CollectionKind.None)
            {
                json.Append("{\"type\":\"array\",\"items\":");
                Scalar(json, parameter.Kind);
                json.Append('}');
                return;
            }

            Scalar(json, parameter.Kind);
        }

        private static void Scalar(StringBuilder json, ValueKind kind) => json.Append(kind switch
        {
            ValueKind.Int32 or ValueKind.Int16 or ValueKind.Byte or ValueKind.SByte or ValueKind.UInt16 => "{\"type\":\"integer\",\"format\":\"int32\"}",
            ValueKind.Int64 or ValueKind.UInt32 or ValueKind.UInt64 => "{\"type\":\"integer\",\"format\":\"int64\"}",
            ValueKind.Decimal => "{\"type\":\"number\"}",
            ValueKind.Double => "{\"type\":\"number\",\"format\":\"double\"}",
            ValueKind.Single => "{\"type\":\"number\",\"format\":\"float\"}",
            ValueKind.Boolean => "{\"type\":\"boolean\"}",
            ValueKind.Guid => "{\"type\":\"string\",\"format\":\"uuid\"}",
            ValueKind.DateTime or ValueKind.DateTimeOffset => "{\"type\":\"string\",\"format\":\"date-time\"}",
            ValueKind.DateOnly => "{\"type\":\"string\",\"format\":\"date\"}",
            _ => "{\"type\":\"string\"}",
        });
    }
}
