using Sharpless.Common;
using Sharpless.Functions;

namespace Sharpless.Http
{
    internal enum SegmentKind
    {
        Literal,
        Parameter,
        CatchAll,
    }

    /// <summary>One segment of a route template: literal text, <c>{name}</c> or a trailing <c>{name+}</c>.</summary>
    internal sealed record RouteSegment(SegmentKind Kind, string Value);

    internal enum BindingSource
    {
        Route,
        Query,
        Header,
        Body,
        LambdaContext,
        CancellationToken,
        Service,
    }

    /// <summary>How a route, query or header value is parsed: the name of the runtime's TryParse overload's type, or Enum.</summary>
    internal enum ValueKind
    {
        String,
        Int32,
        Int64,
        Int16,
        Byte,
        SByte,
        UInt32,
        UInt64,
        UInt16,
        Decimal,
        Double,
        Single,
        Boolean,
        Guid,
        DateTime,
        DateTimeOffset,
        DateOnly,
        Enum,
    }

    internal enum CollectionKind
    {
        None,
        Array,
        List,
    }

    internal enum BodyFormat
    {
        None,
        Json,
        Text,
        Bytes,
    }

    /// <summary>
    /// One bound parameter. <see cref="Key"/> is the route, query or header name; <see cref="ElementType"/> the type
    /// parsed (the element type of a collection, without <c>?</c>).
    /// </summary>
    internal sealed record RouteParameter(
        BindingSource Source,
        string Name,
        string Key,
        ValueKind Kind,
        string ElementType,
        string ParameterType,
        bool IsOptional,
        string? DefaultValue,
        CollectionKind Collection,
        BodyFormat Body);

    internal enum RouteResultKind
    {
        None,
        Json,
        Text,
        Bytes,
        Stream,
        HttpResult,
    }

    /// <summary>One route: an HTTP method and template served by one method.</summary>
    internal sealed record RouteModel(
        string HttpMethod,
        string Template,
        EquatableArray<RouteSegment> Segments,
        bool IsRestApi,
        string ContainingType,
        string MethodName,
        string MethodDisplay,
        bool IsStatic,
        EquatableArray<TypeRef> ConstructorServices,
        EquatableArray<RouteParameter> Parameters,
        InvocationKind Invocation,
        RouteResultKind Result,
        string? ResultType,
        JsonContextModel? ExplicitJsonContext,
        string FunctionName,
        FunctionDeployment? Deployment)
    {
        /// <summary>The template's shape without parameter names: routes with one shape and method are ambiguous.</summary>
        public string ShapeKey => RouteTemplateParser.ShapeKey(Segments);

        public string? BodyType
        {
            get
            {
                foreach (var parameter in Parameters)
                {
                    if (parameter.Source == BindingSource.Body && parameter.Body == BodyFormat.Json)
                    {
                        return parameter.ParameterType;
                    }
                }

                return null;
            }
        }
    }

    /// <summary>A route with what the project decided for it: the JSON source of its body and result.</summary>
    internal sealed record PlannedRoute(RouteModel Route, JsonTypeSource? BodyJson, JsonTypeSource? ResultJson, int Index);

    /// <summary>Everything the router emitter needs.</summary>
    internal sealed record RouterModel(
        string FunctionName,
        string TypeName,
        string HandlerString,
        EquatableArray<PlannedRoute> Routes,
        EquatableArray<string> Contexts,
        bool HasLambdaContext,
        bool HasContainer,
        bool UsesReflection,
        EquatableArray<ManifestEvent> Events,
        FunctionDeployment Deployment);
}
