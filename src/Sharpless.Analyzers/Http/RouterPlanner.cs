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

        /// <summary>One router per function name: <c>Api</c> for plain routes, and one per <c>[LambdaFunction]</c> name on route methods.</summary>
        public static EquatableArray<RouterModel> PlanAll(
            ImmutableArray<RouteModel> routes,
            ImmutableArray<JsonContextModel> contexts,
            FunctionEnvironment environment,
            bool hasContainer,
            string assemblyName)
        {
            // Conflicts are project-wide: two functions cannot both serve GET /orders behind one API.
            var unique = routes.GroupBy(r => (r.HttpMethod, r.ShapeKey, r.MethodDisplay)).Select(g => g.First()).ToList();
            var conflicting = new HashSet<(string, string)>(unique
                .GroupBy(r => (r.HttpMethod, r.ShapeKey))
                .Where(g => g.Count() > 1)
                .Select(g => g.Key));
            return routes.Where(r => !conflicting.Contains((r.HttpMethod, r.ShapeKey)))
                .GroupBy(r => r.FunctionName, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Plan(g.ToImmutableArray(), contexts, environment, hasContainer, assemblyName))
                .Where(m => m is not null)
                .Select(m => m!)
                .ToEquatableArray();
        }

        /// <summary>The generated type of a router function: <c>ApiRouter</c>, or <c>&lt;Name&gt;Router</c>.</summary>
        public static string TypeName(string functionName) => functionName + "Router";

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

            // A set, not a scan of the planned routes per route: a method with thousands of routes made that quadratic.
            var served = new HashSet<(string, string, string)>(planned.Select(p => (p.Route.MethodDisplay, p.Route.ShapeKey, p.Route.HttpMethod)));
            var contextNames = ResultContexts(planned.Select(p => p.Route.ExplicitJsonContext), contexts)
                .Select(c => c.Type)
                .ToEquatableArray();

            return new RouterModel(
                routes[0].FunctionName,
                TypeName(routes[0].FunctionName),
                assemblyName + "::Sharpless.Generated." + TypeName(routes[0].FunctionName) + "::" + FunctionReader.HandlerMethodName,
                new EquatableArray<PlannedRoute>(planned.ToImmutableArray()),
                contextNames,
                environment.HasLambdaContext,
                hasContainer,
                UsesReflection: usesJson && contextNames.Count == 0,
                all.Where(r => served.Contains((r.MethodDisplay, r.ShapeKey, r.HttpMethod)))
                    .Select(r => new ManifestEvent(r.IsRestApi ? "Api" : "HttpApi", r.HttpMethod, r.Template, r.IsRestApi ? "1.0" : "2.0"))
                    .Distinct()
                    .OrderBy(e => e.Path, StringComparer.Ordinal)
                    .ThenBy(e => e.Method, StringComparer.Ordinal)
                    .ThenBy(e => e.Type, StringComparer.Ordinal)
                    .ToEquatableArray(),
                // A function's settings come from its routes' [LambdaFunction] attributes (the first that has each one).
                new FunctionDeployment(
                    routes.Select(r => r.Deployment?.MemorySize ?? 0).FirstOrDefault(m => m != 0),
                    routes.Select(r => r.Deployment?.Timeout ?? 0).FirstOrDefault(t => t != 0),
                    routes.Select(r => r.Deployment?.Role).FirstOrDefault(r => r is not null),
                    routes.SelectMany(r => r.Deployment?.Policies.Items ?? ImmutableArray<string>.Empty).Distinct(StringComparer.Ordinal).ToEquatableArray(),
                    // One function has one VpcConfig: the first route attribute that declares one gives both lists.
                    routes.Select(r => r.Deployment).FirstOrDefault(d => d is { HasVpcConfig: true })?.SubnetIds ?? EquatableArray<string>.Empty,
                    routes.Select(r => r.Deployment).FirstOrDefault(d => d is { HasVpcConfig: true })?.SecurityGroupIds ?? EquatableArray<string>.Empty));
        }

        /// <summary>
        /// The contexts a router looks an <c>IResult</c>'s value up in at run time (<c>ApiGatewayRuntime.Result</c>, by
        /// the value's run-time type, first match wins): the <c>[LambdaJsonContext]</c> contexts of the routes it serves,
        /// then every context of the project. Unlike a declared result type, a route's own named context is not
        /// exclusive here. Empty means reflection (the project has no context at all). The router and the analyzer's
        /// check of typed results (SLS1010) both ask here, so the check agrees with what the run time will find.
        /// </summary>
        public static ImmutableArray<JsonContextModel> ResultContexts(IEnumerable<JsonContextModel?> explicitContexts, ImmutableArray<JsonContextModel> contexts)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = ImmutableArray.CreateBuilder<JsonContextModel>();
            foreach (var context in explicitContexts.Concat(contexts))
            {
                if (context is not null && seen.Add(context.Type))
                {
                    result.Add(context);
                }
            }

            return result.ToImmutable();
        }

        /// <summary>
        /// Whether the router will find a result value of <paramref name="type"/> in one of <paramref name="searched"/>
        /// (<see cref="ResultContexts"/>). When it will not, the context to register it in is the route's own
        /// <c>[LambdaJsonContext]</c>, else the project's first context, as <see cref="FunctionPlanner.ResolveJson"/>
        /// names it for other result types.
        /// </summary>
        public static JsonResolution ResolveResultValue(string type, JsonContextModel? explicitContext, ImmutableArray<JsonContextModel> searched, ImmutableArray<JsonContextModel> contexts)
        {
            if (searched.IsEmpty)
            {
                return new JsonResolution(JsonResolutionKind.Reflection, null);
            }

            foreach (var context in searched)
            {
                if (context.Contains(type))
                {
                    return new JsonResolution(JsonResolutionKind.Context, context.Type);
                }
            }

            return new JsonResolution(JsonResolutionKind.Missing, explicitContext?.Type ?? (contexts.IsEmpty ? searched[0].Type : contexts[0].Type));
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
