using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Http
{
    /// <summary>SLS2xxx: route templates, parameter binding and route conflicts.</summary>
    internal static class HttpRules
    {
        public const string InvalidTemplateId = "SLS2001";
        public const string DuplicateRouteId = "SLS2002";
        public const string AmbiguousRouteId = "SLS2003";
        public const string RouteParameterNotBoundId = "SLS2004";
        public const string ParameterNotInRouteId = "SLS2005";
        public const string UnsupportedParameterTypeId = "SLS2006";
        public const string SeveralBodiesId = "SLS2007";

        public static readonly DiagnosticDescriptor InvalidTemplate = Create(
            InvalidTemplateId,
            "Route template is not valid",
            "Route template \"{0}\" is not valid: {1}",
            "A template is '/', or '/'-separated segments that are literal text, {name}, or a last {name+} that takes the rest of the path. Constraints, defaults and optional segments are not supported; the parameter's C# type is checked when binding.");

        public static readonly DiagnosticDescriptor DuplicateRoute = Create(
            DuplicateRouteId,
            "Route is declared twice",
            "{0} {1} is also served by '{2}'",
            "Two methods serve the same HTTP method and template. The router cannot choose, so it serves neither until one of them changes.");

        public static readonly DiagnosticDescriptor AmbiguousRoute = Create(
            AmbiguousRouteId,
            "Routes are ambiguous",
            "{0} {1} cannot be told apart from {0} {2} served by '{3}': their templates differ only in parameter names",
            "Two routes for the same HTTP method whose templates have the same literal segments and parameters in the same places match exactly the same requests. Merge them, or make a literal segment differ.");

        public static readonly DiagnosticDescriptor RouteParameterNotBound = Create(
            RouteParameterNotBoundId,
            "Route parameter has no method parameter",
            "Route parameter '{0}' of \"{1}\" is not bound to any parameter of '{2}'; add a parameter named '{0}' or one with [FromRoute(Name = \"{0}\")]",
            "Every {name} in a template must be bound to a method parameter, or the value the client sends is silently ignored.");

        public static readonly DiagnosticDescriptor ParameterNotInRoute = Create(
            ParameterNotInRouteId,
            "Parameter is bound from a route parameter that does not exist",
            "Parameter '{0}' is bound from route parameter '{1}', which template \"{2}\" does not have",
            "A [FromRoute] parameter must name a {name} of the route's template; otherwise it would never receive a value.");

        public static readonly DiagnosticDescriptor UnsupportedParameterType = Create(
            UnsupportedParameterTypeId,
            "Parameter type cannot be bound from the request",
            "Parameter '{0}' of type '{1}' cannot be bound from the {2}: {3}",
            "Route, query and header values are text. They bind to string, the integer types, decimal, double, float, bool, Guid, enums (by name), DateTime and DateTimeOffset (invariant culture; send ISO 8601), DateOnly (yyyy-MM-dd), their nullable forms, and, for query and header values, arrays and List<T> of those. Other types come from the body with [FromBody].");

        public static readonly DiagnosticDescriptor SeveralBodies = Create(
            SeveralBodiesId,
            "Route method has more than one body parameter",
            "Parameter '{0}' would be a second request body (the first is '{1}'); a request has one body",
            "A request has one body. Complex-typed parameters without an attribute and [FromBody] parameters are read from it, so there can be only one; bind the others with [FromQuery], [FromHeader] or [FromServices].");

        private static DiagnosticDescriptor Create(string id, string title, string message, string description) =>
            RuleDescriptors.Create(id, RuleCategories.Http, DiagnosticSeverity.Error, title, message, description);
    }
}
