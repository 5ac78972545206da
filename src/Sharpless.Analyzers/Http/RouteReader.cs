using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Common;
using Sharpless.Functions;

namespace Sharpless.Http
{
    /// <summary>
    /// Turns a <c>[HttpApi]</c>/<c>[RestApi]</c> attribute on a method into a <see cref="RouteModel"/>: the template, the
    /// binding source of each parameter, and how the result becomes a response. The method-level checks
    /// (accessibility, generics, construction, return type) are the function reader's, so SLS1xxx means the same for
    /// routes as for functions.
    /// </summary>
    internal sealed class RouteReader
    {
        public const string HttpApiAttribute = "Sharpless.HttpApiAttribute";
        public const string RestApiAttribute = "Sharpless.RestApiAttribute";

        private static readonly string[] MethodNames = { "ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

        private readonly FunctionReader _functions;
        private readonly INamedTypeSymbol? _fromRoute;
        private readonly INamedTypeSymbol? _fromQuery;
        private readonly INamedTypeSymbol? _fromHeader;
        private readonly INamedTypeSymbol? _fromBody;
        private readonly INamedTypeSymbol? _fromServices;
        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly INamedTypeSymbol? _cancellationToken;
        private readonly INamedTypeSymbol? _result;
        private readonly INamedTypeSymbol? _list;
        private readonly INamedTypeSymbol? _lambdaFunction;
        private IMethodSymbol? _functionAttributeOwner;
        private AttributeData? _functionAttribute;

        public RouteReader(Compilation compilation)
        {
            _functions = new FunctionReader(compilation);
            _fromRoute = compilation.GetTypeByMetadataName("Sharpless.FromRouteAttribute");
            _fromQuery = compilation.GetTypeByMetadataName("Sharpless.FromQueryAttribute");
            _fromHeader = compilation.GetTypeByMetadataName("Sharpless.FromHeaderAttribute");
            _fromBody = compilation.GetTypeByMetadataName("Sharpless.FromBodyAttribute");
            _fromServices = compilation.GetTypeByMetadataName(FunctionTypeNames.FromServicesAttribute);
            _lambdaContext = compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaContext);
            _cancellationToken = compilation.GetTypeByMetadataName(FunctionTypeNames.CancellationToken);
            _result = compilation.GetTypeByMetadataName("Sharpless.Http.IResult");
            _list = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
            _lambdaFunction = compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaFunctionAttribute);
        }

        public List<FunctionProblem> Problems => _functions.Problems;

        /// <summary>Whether the method serves HTTP routes (its [LambdaFunction], if any, then names its router function).</summary>
        public static bool IsRoute(IMethodSymbol method) =>
            method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is HttpApiAttribute or RestApiAttribute);

        /// <summary>The HTTP method and template of a route attribute, or null while it is being typed.</summary>
        public static (string Method, string Template)? ReadAttribute(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 2 ||
                attribute.ConstructorArguments[0].Value is not int method ||
                attribute.ConstructorArguments[1].Value is not string template)
            {
                return null;
            }

            return (method >= 0 && method < MethodNames.Length ? MethodNames[method] : "ANY", template);
        }

        public RouteModel? Read(IMethodSymbol method, AttributeData attribute, bool isRestApi, CancellationToken cancellationToken)
        {
            if (ReadAttribute(attribute) is not { } route)
            {
                return null;
            }

            var complete = true;
            var errorsBefore = Problems.Count(p => p.BlocksGeneration);
            var methodLocation = method.Locations.FirstOrDefault(l => l.IsInSource);
            var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? methodLocation;
            if (!RouteTemplateParser.TryParse(route.Template, out var segments, out var templateError))
            {
                Problems.Add(new FunctionProblem(HttpRules.InvalidTemplate, attributeLocation, route.Template, templateError));
            }

            _functions.CheckAccessibility(method, methodLocation);
            _functions.CheckGeneric(method, methodLocation);
            var construction = method.IsStatic ? EquatableArray<TypeRef>.Empty : _functions.ReadConstruction(method.ContainingType, methodLocation, ref complete);
            var (invocation, _, _) = _functions.ReadReturn(method, methodLocation, ref complete);
            var (resultKind, resultType) = ReadResult(method);
            var parameters = ReadParameters(method, segments, route.Template, attributeLocation, ref complete);
            var functionName = FunctionName(method);
            var functionAttribute = LambdaFunctionAttributeOf(method);
            var deployment = functionAttribute is null ? null : _functions.ReadDeployment(functionAttribute, methodLocation);
            if (functionName != RouterPlanner.DefaultFunctionName && !FunctionReader.IsValidIdentifier(functionName))
            {
                Problems.Add(new FunctionProblem(FunctionRules.InvalidName, methodLocation, functionName));
            }

            if (!complete || Problems.Count(p => p.BlocksGeneration) > errorsBefore || method.ContainingType is null)
            {
                return null;
            }

            return new RouteModel(
                route.Method,
                route.Template,
                segments,
                isRestApi,
                TypeNames.Of(method.ContainingType),
                method.Name,
                method.ContainingType.ToDisplayString() + "." + method.Name,
                method.IsStatic,
                construction,
                parameters,
                invocation,
                resultKind,
                resultType,
                _functions.ReadExplicitJsonContext(method.ContainingType),
                functionName,
                deployment);
        }

        /// <summary>
        /// The function that serves the method's routes: <c>Api</c>, or the name of the method's own
        /// <c>[LambdaFunction]</c> (routes whose methods share a name are served together by that function).
        /// </summary>
        public string FunctionName(IMethodSymbol method)
        {
            var attribute = LambdaFunctionAttributeOf(method);
            return attribute is null ? RouterPlanner.DefaultFunctionName : FunctionNames.Read(method, attribute);
        }

        /// <summary>
        /// The method's <c>[LambdaFunction]</c>, looked up once per method: a method's routes are read one after another,
        /// and a lookup per route made a method with thousands of route attributes quadratic.
        /// </summary>
        private AttributeData? LambdaFunctionAttributeOf(IMethodSymbol method)
        {
            if (_lambdaFunction is null)
            {
                return null;
            }

            // A reader, like its Problems list, serves one caller at a time (one per method in the generator and analyzer).
            if (!SymbolEqualityComparer.Default.Equals(_functionAttributeOwner, method))
            {
                _functionAttribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _lambdaFunction));
                _functionAttributeOwner = method;
            }

            return _functionAttribute;
        }

        /// <summary>
        /// The context named by <c>[LambdaJsonContext]</c> for the routes of <paramref name="type"/>, read as for
        /// functions (<see cref="FunctionReader.ReadExplicitJsonContext"/>).
        /// </summary>
        public JsonContextModel? ReadExplicitJsonContext(INamedTypeSymbol? type) => _functions.ReadExplicitJsonContext(type);

        /// <summary>How the method's result becomes a response, and the JSON type when it is serialized as one.</summary>
        public (RouteResultKind Kind, string? Type) ReadResult(IMethodSymbol method)
        {
            if (method.ReturnsVoid)
            {
                return (RouteResultKind.None, null);
            }

            var type = method.ReturnType;
            if (type is INamedTypeSymbol named && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" &&
                named.Name is "Task" or "ValueTask")
            {
                if (!named.IsGenericType)
                {
                    return (RouteResultKind.None, null);
                }

                type = named.TypeArguments[0];
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return (RouteResultKind.Text, null);
            }

            if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
            {
                return (RouteResultKind.Bytes, null);
            }

            if (IsStream(type))
            {
                return (RouteResultKind.Stream, null);
            }

            if (_result is not null && (SymbolEqualityComparer.Default.Equals(type, _result) || type.AllInterfaces.Contains(_result, SymbolEqualityComparer.Default)))
            {
                return (RouteResultKind.HttpResult, null);
            }

            return (RouteResultKind.Json, TypeNames.Of(type));
        }

        private EquatableArray<RouteParameter> ReadParameters(IMethodSymbol method, EquatableArray<RouteSegment> segments, string template, Location? attributeLocation, ref bool complete)
        {
            var routeNames = RouteTemplateParser.ParameterNames(segments);
            var boundRouteNames = new HashSet<string>(StringComparer.Ordinal);
            var parameters = ImmutableArray.CreateBuilder<RouteParameter>(method.Parameters.Length);
            IParameterSymbol? body = null;
            foreach (var parameter in method.Parameters)
            {
                var location = parameter.Locations.FirstOrDefault(l => l.IsInSource);
                if (string.IsNullOrEmpty(parameter.Name) || parameter.Type.TypeKind == TypeKind.Error)
                {
                    complete = false;
                    continue;
                }

                if (FunctionReader.UnbindableReason(parameter) is { } reason)
                {
                    Problems.Add(new FunctionProblem(FunctionRules.UnbindableParameter, location, parameter.Name, reason));
                    continue;
                }

                var type = parameter.Type;
                var typeName = TypeNames.Of(type);
                if (_lambdaContext is not null && SymbolEqualityComparer.Default.Equals(type, _lambdaContext))
                {
                    parameters.Add(Special(BindingSource.LambdaContext, parameter, typeName));
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(type, _cancellationToken))
                {
                    parameters.Add(Special(BindingSource.CancellationToken, parameter, typeName));
                    continue;
                }

                if (HasAttribute(parameter, _fromServices))
                {
                    parameters.Add(Special(BindingSource.Service, parameter, typeName) with { IsOptional = parameter.NullableAnnotation == NullableAnnotation.Annotated });
                    continue;
                }

                var explicitRoute = Attribute(parameter, _fromRoute);
                var explicitQuery = Attribute(parameter, _fromQuery);
                var explicitHeader = Attribute(parameter, _fromHeader);
                var explicitBody = HasAttribute(parameter, _fromBody);
                var simple = Classify(type, out var kind, out var elementType, out var collection, out var nullable);

                BindingSource source;
                string key;
                if (explicitRoute is not null)
                {
                    source = BindingSource.Route;
                    key = NameArgument(explicitRoute) ?? parameter.Name;
                    if (!routeNames.Contains(key))
                    {
                        Problems.Add(new FunctionProblem(HttpRules.ParameterNotInRoute, location, parameter.Name, key, template));
                        continue;
                    }
                }
                else if (explicitQuery is not null)
                {
                    source = BindingSource.Query;
                    key = NameArgument(explicitQuery) ?? parameter.Name;
                }
                else if (explicitHeader is not null)
                {
                    source = BindingSource.Header;
                    key = NameArgument(explicitHeader) ?? parameter.Name;
                }
                else if (explicitBody || !simple)
                {
                    source = BindingSource.Body;
                    key = parameter.Name;
                }
                else if (routeNames.FirstOrDefault(n => string.Equals(n, parameter.Name, StringComparison.OrdinalIgnoreCase)) is { } routeName)
                {
                    source = BindingSource.Route;
                    key = routeName;
                }
                else
                {
                    source = BindingSource.Query;
                    key = parameter.Name;
                }

                if (source == BindingSource.Route)
                {
                    // Bound, even if its type is then refused: SLS2006 says what is wrong, SLS2004 would only repeat it.
                    boundRouteNames.Add(key);
                }

                if (source == BindingSource.Body)
                {
                    if (body is not null)
                    {
                        Problems.Add(new FunctionProblem(HttpRules.SeveralBodies, location, parameter.Name, body.Name));
                        continue;
                    }

                    body = parameter;
                    var format = type.SpecialType == SpecialType.System_String ? BodyFormat.Text
                        : type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } ? BodyFormat.Bytes
                        : BodyFormat.Json;
                    if (IsStream(type))
                    {
                        Problems.Add(new FunctionProblem(HttpRules.UnsupportedParameterType, location, parameter.Name, type.ToDisplayString(), "body", "take the body as byte[] or string"));
                        continue;
                    }

                    var optional = parameter.NullableAnnotation == NullableAnnotation.Annotated || parameter.HasExplicitDefaultValue || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
                    parameters.Add(new RouteParameter(BindingSource.Body, parameter.Name, key, ValueKind.String, typeName, typeName, optional, null, CollectionKind.None, format));
                    continue;
                }

                var sourceName = SourceName(source);
                if (!simple)
                {
                    Problems.Add(new FunctionProblem(HttpRules.UnsupportedParameterType, location, parameter.Name, type.ToDisplayString(), sourceName, "bind it from the body with [FromBody], or use a text, number, Guid, date or enum type"));
                    continue;
                }

                if (source == BindingSource.Route)
                {
                    if (collection != CollectionKind.None)
                    {
                        Problems.Add(new FunctionProblem(HttpRules.UnsupportedParameterType, location, parameter.Name, type.ToDisplayString(), sourceName, "a route value is a single value"));
                        continue;
                    }
                }

                var isOptional = nullable || parameter.HasExplicitDefaultValue || collection != CollectionKind.None;
                parameters.Add(new RouteParameter(source, parameter.Name, key, kind, elementType, typeName, isOptional, DefaultValue(parameter), collection, BodyFormat.None));
            }

            foreach (var name in routeNames)
            {
                if (!boundRouteNames.Contains(name))
                {
                    Problems.Add(new FunctionProblem(HttpRules.RouteParameterNotBound, attributeLocation, name, template, method.Name));
                }
            }

            return new EquatableArray<RouteParameter>(parameters.ToImmutable());
        }

        private static RouteParameter Special(BindingSource source, IParameterSymbol parameter, string typeName) =>
            new RouteParameter(source, parameter.Name, parameter.Name, ValueKind.String, typeName, typeName, false, null, CollectionKind.None, BodyFormat.None);

        private static string SourceName(BindingSource source) => source switch
        {
            BindingSource.Route => "route",
            BindingSource.Query => "query string",
            BindingSource.Header => "headers",
            _ => "body",
        };

        /// <summary>Whether the type is a text value the router can parse (or a collection of them), and how.</summary>
        private bool Classify(ITypeSymbol type, out ValueKind kind, out string elementType, out CollectionKind collection, out bool nullable)
        {
            collection = CollectionKind.None;
            nullable = false;
            var element = type;
            if (type is IArrayTypeSymbol { Rank: 1 } array && array.ElementType.SpecialType != SpecialType.System_Byte)
            {
                collection = CollectionKind.Array;
                element = array.ElementType;
            }
            else if (type is INamedTypeSymbol { IsGenericType: true } generic && _list is not null && SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, _list))
            {
                collection = CollectionKind.List;
                element = generic.TypeArguments[0];
            }

            if (collection == CollectionKind.None)
            {
                if (element.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && element is INamedTypeSymbol nullableType)
                {
                    nullable = true;
                    element = nullableType.TypeArguments[0];
                }
                else if (!element.IsValueType && type.NullableAnnotation == NullableAnnotation.Annotated)
                {
                    nullable = true;
                }
            }

            elementType = TypeNames.Of(element);
            kind = ValueKind.String;
            switch (element.SpecialType)
            {
                case SpecialType.System_String: kind = ValueKind.String; return true;
                case SpecialType.System_Int32: kind = ValueKind.Int32; return true;
                case SpecialType.System_Int64: kind = ValueKind.Int64; return true;
                case SpecialType.System_Int16: kind = ValueKind.Int16; return true;
                case SpecialType.System_Byte: kind = ValueKind.Byte; return true;
                case SpecialType.System_SByte: kind = ValueKind.SByte; return true;
                case SpecialType.System_UInt32: kind = ValueKind.UInt32; return true;
                case SpecialType.System_UInt64: kind = ValueKind.UInt64; return true;
                case SpecialType.System_UInt16: kind = ValueKind.UInt16; return true;
                case SpecialType.System_Decimal: kind = ValueKind.Decimal; return true;
                case SpecialType.System_Double: kind = ValueKind.Double; return true;
                case SpecialType.System_Single: kind = ValueKind.Single; return true;
                case SpecialType.System_Boolean: kind = ValueKind.Boolean; return true;
                case SpecialType.System_DateTime: kind = ValueKind.DateTime; return true;
            }

            if (element.TypeKind == TypeKind.Enum)
            {
                kind = ValueKind.Enum;
                return true;
            }

            switch (element.ToDisplayString())
            {
                case "System.Guid": kind = ValueKind.Guid; return true;
                case "System.DateTimeOffset": kind = ValueKind.DateTimeOffset; return true;
                case "System.DateOnly": kind = ValueKind.DateOnly; return true;
            }

            return false;
        }

        private static string? DefaultValue(IParameterSymbol parameter)
        {
            if (!parameter.HasExplicitDefaultValue)
            {
                return null;
            }

            var value = parameter.ExplicitDefaultValue;
            if (value is null)
            {
                return "default";
            }

            var type = parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && parameter.Type is INamedTypeSymbol nullable
                ? nullable.TypeArguments[0]
                : parameter.Type;
            if (type.TypeKind == TypeKind.Enum)
            {
                return $"({TypeNames.Of(type)})({SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)})";
            }

            var literal = SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
            return value switch
            {
                decimal => literal + "m",
                float => literal + "f",
                long => literal + "L",
                ulong => literal + "UL",
                uint => literal + "U",
                _ => $"({TypeNames.Of(type)}){literal}",
            };
        }

        private bool IsStream(ITypeSymbol type) => _functions.IsStream(type);

        private static bool HasAttribute(IParameterSymbol parameter, INamedTypeSymbol? attribute) => Attribute(parameter, attribute) is not null;

        private static AttributeData? Attribute(IParameterSymbol parameter, INamedTypeSymbol? attribute) =>
            attribute is null ? null : parameter.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

        private static string? NameArgument(AttributeData attribute)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Name" && argument.Value.Value is string name && name.Length > 0)
                {
                    return name;
                }
            }

            return null;
        }
    }
}
