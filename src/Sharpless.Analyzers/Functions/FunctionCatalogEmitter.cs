using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Common;

namespace Sharpless.Functions
{
    /// <summary>A function as <c>Sharpless.Generated.Functions</c> lists it.</summary>
    internal sealed record FunctionCatalogEntry(string Name, string HandlerString, string MethodDisplay);

    /// <summary>An event source of a function in the manifest: an API Gateway route, or a trigger (SQS, DynamoDB stream).</summary>
    internal sealed record ManifestEvent(string Type, string Method, string Path, string PayloadFormatVersion, Events.EventTrigger? Trigger = null);

    /// <summary>A function as the manifest lists it.</summary>
    internal sealed record ManifestFunction(string Name, string Handler, string Method, FunctionDeployment Deployment, EquatableArray<ManifestEvent> Events)
    {
        public static ManifestFunction From(FunctionDeclaration function) =>
            new ManifestFunction(function.Name, function.Shape.HandlerString, function.Shape.MethodDisplay, function.Deployment, EquatableArray<ManifestEvent>.Empty);

        public static ManifestFunction From(global::Sharpless.Events.EventFunctionDeclaration function) =>
            new ManifestFunction(function.Name, function.Shape.HandlerString, function.Shape.MethodDisplay, function.Deployment, new EquatableArray<ManifestEvent>(System.Collections.Immutable.ImmutableArray.Create(global::Sharpless.Events.EventManifest.From(function.Trigger))));
    }

    /// <summary>
    /// Writes <c>Sharpless.Generated.Functions</c> (the pinned public surface: one handler-string constant per function)
    /// and <c>Sharpless.Generated.FunctionManifest</c> (the machine-readable list the deployment tooling reads).
    /// </summary>
    internal static class FunctionCatalogEmitter
    {
        public const string CatalogHintName = "Sharpless.Generated.Functions.g.cs";
        public const string ManifestHintName = "Sharpless.Generated.FunctionManifest.g.cs";

        public static string EmitCatalog(IReadOnlyList<FunctionCatalogEntry> functions, string version)
        {
            var writer = new CodeWriter();
            writer.FileHeader();
            writer.Open("namespace Sharpless.Generated");
            writer.Line("/// <summary>The handler string (<c>Assembly::Namespace.Type::Method</c>) of every Lambda function in this assembly, by function name.</summary>");
            writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"Sharpless\", \"{version}\")]");
            writer.Open("public static class Functions");
            var first = true;
            foreach (var function in functions)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                writer.Line($"/// <summary>Handler string of <c>{CSharpText.Xml(function.MethodDisplay)}</c>.</summary>");
                writer.Line($"public const string {function.Name} = {SymbolDisplay.FormatLiteral(function.HandlerString, quote: true)};");
            }

            writer.Close();
            writer.Close();
            return writer.ToString();
        }

        public static string EmitManifest(IReadOnlyList<ManifestFunction> functions, string version)
        {
            var writer = new CodeWriter();
            writer.FileHeader();
            writer.Open("namespace Sharpless.Generated");
            writer.Line("/// <summary>");
            writer.Line("/// Every Lambda function in this assembly as JSON, for deployment tooling: name, handler string, method, memory,");
            writer.Line("/// timeout, role, policies and events. The format is documented in docs/functions.md.");
            writer.Line("/// </summary>");
            writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"Sharpless\", \"{version}\")]");
            writer.Open("public static class FunctionManifest");
            writer.Line("/// <summary>The manifest document.</summary>");
            writer.Line("public const string Json = " + SymbolDisplay.FormatLiteral(ManifestJson(functions), quote: true) + ";");
            writer.Close();
            writer.Close();
            return writer.ToString();
        }

        /// <summary>The manifest: <c>{"version":1,"functions":[{...}]}</c>, ordered by function name, no insignificant whitespace.</summary>
        public static string ManifestJson(IReadOnlyList<ManifestFunction> functions)
        {
            var json = new StringBuilder();
            json.Append("{\"version\":1,\"functions\":[");
            for (var i = 0; i < functions.Count; i++)
            {
                var function = functions[i];
                var deployment = function.Deployment;
                if (i > 0)
                {
                    json.Append(',');
                }

                json.Append('{');
                json.AppendProperty("name", function.Name).Append(',');
                json.AppendProperty("handler", function.Handler).Append(',');
                json.AppendProperty("method", function.Method).Append(',');
                json.Append("\"memorySize\":").Append(NumberOrNull(deployment.MemorySize)).Append(',');
                json.Append("\"timeout\":").Append(NumberOrNull(deployment.Timeout)).Append(',');
                json.Append("\"role\":");
                if (deployment.Role is null)
                {
                    json.Append("null");
                }
                else
                {
                    json.AppendString(deployment.Role);
                }

                json.Append(",\"policies\":");
                AppendStrings(json, deployment.Policies);
                json.Append(",\"vpcConfig\":");
                if (deployment.HasVpcConfig)
                {
                    json.Append("{\"subnetIds\":");
                    AppendStrings(json, deployment.SubnetIds);
                    json.Append(",\"securityGroupIds\":");
                    AppendStrings(json, deployment.SecurityGroupIds);
                    json.Append('}');
                }
                else
                {
                    json.Append("null");
                }

                json.Append(",\"events\":[");
                for (var e = 0; e < function.Events.Count; e++)
                {
                    var item = function.Events[e];
                    json.Append(e > 0 ? ",{" : "{");
                    json.AppendProperty("type", item.Type).Append(',');
                    if (item.Trigger is not null)
                    {
                        Events.EventManifest.AppendTrigger(json, item.Trigger);
                        json.Append('}');
                        continue;
                    }

                    json.AppendProperty("method", item.Method).Append(',');
                    json.AppendProperty("path", item.Path).Append(',');
                    json.AppendProperty("payloadFormatVersion", item.PayloadFormatVersion).Append('}');
                }

                json.Append("]}");
            }

            return json.Append("]}").ToString();
        }

        private static void AppendStrings(StringBuilder json, EquatableArray<string> values)
        {
            json.Append('[');
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                json.AppendString(values[i]);
            }

            json.Append(']');
        }

        private static string NumberOrNull(int value) => value == 0 ? "null" : value.ToString(CultureInfo.InvariantCulture);

    }
}
