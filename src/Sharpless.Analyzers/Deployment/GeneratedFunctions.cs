using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sharpless.Functions;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment
{
    /// <summary>
    /// The functions and routes the Sharpless generator generated in this compilation, read from its manifest
    /// (<c>Sharpless.Generated.FunctionManifest.Json</c>, a constant of the generated code the analyzers see) — exactly
    /// what the template writer writes. A function or route whose declaration has an error (SLS1001, SLS2001, …) gets
    /// no code even when the error is lowered to a warning, so the writer never writes it and drift must not ask for it.
    /// </summary>
    internal sealed class GeneratedFunctions
    {
        private const string ManifestTypeName = "Sharpless.Generated.FunctionManifest";

        private readonly Dictionary<string, HashSet<string>> _routesByHandler;

        private GeneratedFunctions(Dictionary<string, HashSet<string>> routesByHandler)
        {
            _routesByHandler = routesByHandler;
        }

        /// <summary>The generated functions; none when the generator generated none (there is then no manifest).</summary>
        public static GeneratedFunctions Read(Compilation compilation, CancellationToken cancellationToken)
        {
            var routesByHandler = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            if (compilation.Assembly.GetTypeByMetadataName(ManifestTypeName)?.GetMembers("Json").OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true, ConstantValue: string json } &&
                LenientJsonParser.Parse(json, cancellationToken).Root is TemplateMapping root &&
                root.Get("functions") is TemplateSequence functions)
            {
                foreach (var function in functions.Items.OfType<TemplateMapping>())
                {
                    if (function.GetScalar("handler") is not { IsNull: false } handler)
                    {
                        continue;
                    }

                    var routes = new HashSet<string>(StringComparer.Ordinal);
                    if (function.Get("events") is TemplateSequence events)
                    {
                        foreach (var route in events.Items.OfType<TemplateMapping>())
                        {
                            routes.Add(RouteKey(route.GetScalar("type")?.Value, route.GetScalar("method")?.Value, route.GetScalar("path")?.Value));
                        }
                    }

                    routesByHandler[handler.Value] = routes;
                }
            }

            return new GeneratedFunctions(routesByHandler);
        }

        /// <summary>The code's functions cut down to what was generated: functions that got a handler, routes the router serves.</summary>
        public List<CodeFunction> Filter(IEnumerable<CodeFunction> functions)
        {
            var generated = new List<CodeFunction>();
            foreach (var function in functions)
            {
                if (!_routesByHandler.TryGetValue(function.Handler, out var routes))
                {
                    continue;
                }

                generated.Add(function.Routes.All(r => routes.Contains(RouteKey(r.Type, r.Method, r.Path)))
                    ? function
                    : function.WithRoutes(function.Routes.Where(r => routes.Contains(RouteKey(r.Type, r.Method, r.Path))).ToArray()));
            }

            return generated;
        }

        private static string RouteKey(string? type, string? method, string? path) =>
            (type ?? string.Empty) + " " + (method ?? string.Empty).ToUpperInvariant() + " " + (path ?? string.Empty);
    }
}
