using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sharpless.Http;

namespace Sharpless.Functions
{
    /// <summary>A route attribute as the project-wide checks see it (conflicts are found by method and template shape).</summary>
    internal readonly struct RouteDeclaration
    {
        public RouteDeclaration(string httpMethod, string template, string? shapeKey, IMethodSymbol method, string functionName)
        {
            FunctionName = functionName;
            HttpMethod = httpMethod;
            Template = template;
            ShapeKey = shapeKey;
            Method = method;
        }

        public string HttpMethod { get; }

        public string Template { get; }

        /// <summary>Null when the template is not valid (SLS2001 reports it; it conflicts with nothing).</summary>
        public string? ShapeKey { get; }

        public IMethodSymbol Method { get; }

        /// <summary>The router function that serves the route: <c>Api</c> or the method's [LambdaFunction] name.</summary>
        public string FunctionName { get; }
    }

    /// <summary>
    /// What the function and route analyzers need to know about the whole project — JSON contexts, startups, every
    /// function's name and every route — read in one walk over the source types, once per compilation and only when a
    /// function or route is analyzed. The generator sees the same facts through its own pipeline.
    /// </summary>
    internal sealed class ProjectFacts
    {
        private ProjectFacts(
            ImmutableArray<JsonContextModel> jsonContexts,
            ImmutableArray<StartupModel> startups,
            ImmutableArray<(string Name, string HandlerType, IMethodSymbol Method)> functions,
            ImmutableArray<RouteDeclaration> routes,
            StartupModel? container,
            string whyNoContainer)
        {
            JsonContexts = jsonContexts;
            Startups = startups;
            Functions = functions;
            Routes = routes;
            Container = container;
            WhyNoContainer = whyNoContainer;
        }

        public ImmutableArray<JsonContextModel> JsonContexts { get; }

        public ImmutableArray<StartupModel> Startups { get; }

        public ImmutableArray<(string Name, string HandlerType, IMethodSymbol Method)> Functions { get; }

        public ImmutableArray<RouteDeclaration> Routes { get; }

        public StartupModel? Container { get; }

        public string WhyNoContainer { get; }

        private static readonly string[] ContextAndStartupWords = { "JsonSerializable", "LambdaStartup" };

        public static ProjectFacts Read(Compilation compilation, CancellationToken cancellationToken)
        {
            var startupAttribute = compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaStartupAttribute);
            var contexts = new List<JsonContextModel>();
            var startups = new List<StartupModel>();
            var functions = new List<(string, string, IMethodSymbol)>();
            var routes = new List<RouteDeclaration>();
            var hasJson = compilation.GetTypeByMetadataName(FunctionTypeNames.JsonSerializerContext) is not null;

            // A context registers its types with [JsonSerializable] in a file written by hand; a startup is marked
            // [LambdaStartup]. Only the types of files that name one of them are read.
            foreach (var type in SourceTypes.InFilesNaming(compilation, ContextAndStartupWords, cancellationToken))
            {
                if (hasJson && CompilationFacts.JsonContext(compilation, type, requireRegistrations: true, cancellationToken) is { } context)
                {
                    contexts.Add(context);
                }

                if (startupAttribute is not null && type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, startupAttribute)))
                {
                    startups.Add(StartupReader.Read(type, out _));
                }
            }

            foreach (var source in FunctionMethods.Read(compilation, cancellationToken))
            {
                if (source.FunctionAttribute is not null || source.Trigger is not null)
                {
                    functions.Add((source.Name, FunctionNames.QualifiedHandlerType(source.Method, source.Name), source.Method));
                }

                foreach (var attribute in source.Routes)
                {
                    if (RouteReader.ReadAttribute(attribute.Attribute) is { } route)
                    {
                        var shape = RouteTemplateParser.TryParse(route.Template, out var segments, out _) ? RouteTemplateParser.ShapeKey(segments) : null;
                        routes.Add(new RouteDeclaration(route.Method, route.Template, shape, source.Method, source.Name));
                    }
                }
            }

            var orderedStartups = startups.OrderBy(s => s.Type, StringComparer.Ordinal).ToImmutableArray();
            var hasPackage = FunctionEnvironmentReader.HasContainerPackage(compilation);
            var container = hasPackage ? FunctionPlanner.ChooseStartup(orderedStartups) : null;
            var why = !hasPackage ? "the project does not reference Microsoft.Extensions.DependencyInjection"
                : orderedStartups.IsEmpty ? "the project has no [LambdaStartup] class to configure the container"
                : orderedStartups.Length > 1 ? $"the project has {orderedStartups.Length} [LambdaStartup] classes and builds one container"
                : "the project's [LambdaStartup] class is not usable (SLS1013)";
            return new ProjectFacts(
                contexts.OrderBy(c => c.Type, StringComparer.Ordinal).ToImmutableArray(),
                orderedStartups,
                functions.ToImmutableArray(),
                routes.ToImmutableArray(),
                container,
                why);
        }
    }
}
