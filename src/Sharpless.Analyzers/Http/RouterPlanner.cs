using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Sharpless.Common;
using Sharpless.Functions;

namespace Sharpless.Http
{
    /// <summary>
    /// Decides which routes the router serves and how each serializes: routes with an error (a conflict, a type missing
    /// from the JSON context, services without a container) are left out, and the analyzer reports why.
    /// </summary>
    internal static class RouterPlanner
    {
        public const string DefaultFunctionName = "Api";

        public static RouterModel? Plan(
            ImmutableArray<RouteModel> routes,
            ImmutableArray<JsonContextModel> contexts,
            FunctionEnvironment environment,
            bool hasContainer,
            string assemblyName)
        {
            if (routes.IsEmpty)
            {
                return null;
            }

            // One method may serve a route twice ([HttpApi] and [RestApi] with one template): dispatch needs one, the
            // deployment gets both events. Two methods that serve the same method and shape conflict (SLS2002/SLS2003):
            // neither is served.
            var all = routes;
            routes = routes.GroupBy(r => (r.HttpMethod, r.ShapeKey, r.MethodDisplay)).Select(g => g.First()).ToImmutableArray();
            var conflicting = new HashSet<RouteModel>(routes
                .GroupBy(r => (r.HttpMethod, r.ShapeKey))
                .Where(g => g.Count() > 1)
                .SelectMany(g => g));

            var planned = new List<PlannedRoute>();
            var usesJson = false;
            foreach (var route in routes)
            {
                if (conflicting.Contains(route) || (NeedsContainer(route) && !hasContainer))
                {
                    continue;
                }

                JsonTypeSource? body = null;
                if (route.BodyType is { } bodyType)
                {
                    body = Resolve(bodyType, route.ExplicitJsonContext, contexts);
                    if (body is null)
                    {
                        continue;
                    }
                }

                JsonTypeSource? result = null;
                if (route.Result == RouteResultKind.Json && route.ResultType is { } resultType)
                {
                    result = Resolve(resultType, route.ExplicitJsonContext, contexts);
                    if (result is null)
                    {
                        continue;
                    }
                }

                usesJson |= body is not null || result is not null || route.Result == RouteResultKind.HttpResult;
                planned.Add(new PlannedRoute(route, body, result, planned.Count));
            }

            if (planned.Count == 0)
            {
                return null;
            }

            var contextNames = planned
                .Select(p => p.Route.ExplicitJsonContext?.Type)
                .Where(c => c is not null)
                .Select(c => c!)
                .Concat(contexts.Select(c => c.Type))
                .Distinct(StringComparer.Ordinal)
                .ToEquatableArray();

            return new RouterModel(
                DefaultFunctionName,
                assemblyName + "::Sharpless.Generated." + RouterEmitter.RouterTypeName + "::" + FunctionReader.HandlerMethodName,
                new EquatableArray<PlannedRoute>(planned.ToImmutableArray()),
                contextNames,
                environment.HasLambdaContext,
                hasContainer,
                UsesReflection: usesJson && contextNames.Count == 0,
                all.Where(r => planned.Any(p => p.Route.MethodDisplay == r.MethodDisplay && p.Route.ShapeKey == r.ShapeKey && p.Route.HttpMethod == r.HttpMethod))
                    .Select(r => new ManifestEvent(r.IsRestApi ? "Api" : "HttpApi", r.HttpMethod, r.Template, r.IsRestApi ? "1.0" : "2.0"))
                    .Distinct()
                    .OrderBy(e => e.Path, StringComparer.Ordinal)
                    .ThenBy(e => e.Method, StringComparer.Ordinal)
                    .ThenBy(e => e.Type, StringComparer.Ordinal)
                    .ToEquatableArray());
        }

        public static bool NeedsContainer(RouteModel route) =>
            !route.ConstructorServices.Items.IsEmpty || route.Parameters.Any(p => p.Source == BindingSource.Service);

        private static JsonTypeSource? Resolve(string type, JsonContextModel? explicitContext, ImmutableArray<JsonContextModel> contexts)
        {
            var resolution = FunctionPlanner.ResolveJson(type, explicitContext, contexts);
            return resolution.Kind == JsonResolutionKind.Missing ? null : new JsonTypeSource(type, resolution.Context);
        }
    }
}
