using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.ColdStart;
using Sharpless.Functions;

namespace Sharpless.Http
{
    /// <summary>
    /// Reports why a route is not served (SLS2001–SLS2007, and the SLS1xxx method rules routes share with functions)
    /// and when its body or result falls back to reflection-based JSON (SLS4001). It reads routes with the
    /// generator's <see cref="RouteReader"/>, and the router leaves out exactly the routes reported here.
    /// <para>
    /// One SLS1010 does not leave a route out: a value of a typed result (<c>Results.Ok(order)</c>,
    /// <c>Ok&lt;Order&gt;</c>) that no context the router searches has (<see cref="ResultValueReader"/>). The error
    /// fails the build all the same, and the generator does not read method bodies, so that editing one keeps its
    /// output cached.
    /// </para>
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RouteAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            HttpRules.InvalidTemplate,
            HttpRules.DuplicateRoute,
            HttpRules.AmbiguousRoute,
            HttpRules.RouteParameterNotBound,
            HttpRules.ParameterNotInRoute,
            HttpRules.UnsupportedParameterType,
            HttpRules.SeveralBodies,
            FunctionRules.InaccessibleMethod,
            FunctionRules.GenericMethod,
            FunctionRules.UnbindableParameter,
            FunctionRules.AsyncVoid,
            FunctionRules.UnsupportedReturnType,
            FunctionRules.CannotConstruct,
            FunctionRules.NotInJsonContext,
            FunctionRules.NoContainer,
            ColdStartRules.ReflectionJson);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var httpApi = start.Compilation.GetTypeByMetadataName(RouteReader.HttpApiAttribute);
                var restApi = start.Compilation.GetTypeByMetadataName(RouteReader.RestApiAttribute);
                if (httpApi is null && restApi is null)
                {
                    return;
                }

                var project = new Lazy<ProjectFacts>(() => CompilationFacts.Project(start.Compilation, start.CancellationToken), LazyThreadSafetyMode.PublicationOnly);
                start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, httpApi, restApi, project), SymbolKind.Method);

                // The operation block action is registered per route method that returns an IResult, so only those
                // bodies get an operation tree: an operation action, or a code block action for every method, made the
                // driver do work for every method of the project (docs/performance.md).
                var values = new ResultValueReader(start.Compilation);
                start.RegisterSymbolStartAction(symbolStart =>
                {
                    if (IsRouteReturningAResult((IMethodSymbol)symbolStart.Symbol, httpApi, restApi, symbolStart.Compilation) is { } reader)
                    {
                        symbolStart.RegisterOperationBlockAction(blockContext => AnalyzeResultValues(blockContext, reader, values, project));
                    }
                }, SymbolKind.Method);
            });
        }

        private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol? httpApi, INamedTypeSymbol? restApi, Lazy<ProjectFacts> project)
        {
            var method = (IMethodSymbol)context.Symbol;
            var attributes = method.GetAttributes()
                .Where(a => (httpApi is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, httpApi)) ||
                            (restApi is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, restApi)))
                .ToList();
            if (attributes.Count == 0)
            {
                return;
            }

            // Each attribute is read on its own (templates differ), but a problem of the method itself is one problem.
            var reported = new HashSet<(string, Location?, string)>();
            var reader = new RouteReader(context.Compilation);
            var facts = project.Value;
            var methodLocation = method.Locations.FirstOrDefault(l => l.IsInSource);
            foreach (var attribute in attributes)
            {
                var before = reader.Problems.Count;
                var route = reader.Read(method, attribute, SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, restApi), context.CancellationToken);
                foreach (var problem in reader.Problems.Skip(before))
                {
                    var diagnostic = Diagnostic.Create(problem.Descriptor, problem.Location, problem.Arguments);
                    if (reported.Add((diagnostic.Id, diagnostic.Location, diagnostic.GetMessage())))
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }

                var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation();
                ReportConflicts(context, method, attribute, attributeLocation, facts);
                if (route is null)
                {
                    continue;
                }

                if (RouterPlanner.NeedsContainer(route) && facts.Container is null)
                {
                    Report(context, reported, Diagnostic.Create(FunctionRules.NoContainer, methodLocation, method.Name, "services", facts.WhyNoContainer));
                }

                if (route.BodyType is { } bodyType &&
                    method.Parameters.FirstOrDefault(p => route.Parameters.Any(r => r.Source == BindingSource.Body && r.Name == p.Name)) is { } bodyParameter)
                {
                    ReportJson(context, reported, "Body", bodyParameter.Type, bodyType, route, bodyParameter.Locations.FirstOrDefault(), facts);
                }

                if (route.Result == RouteResultKind.Json && route.ResultType is { } resultType)
                {
                    var returnType = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault()?.ReturnType.GetLocation();
                    ReportJson(context, reported, "Result", ResultSymbol(method), resultType, route, returnType ?? methodLocation, facts);
                }
            }
        }

        /// <summary>A reader for the method when it is a route whose result is an <c>IResult</c> (typed or not), else null.</summary>
        private static RouteReader? IsRouteReturningAResult(IMethodSymbol method, INamedTypeSymbol? httpApi, INamedTypeSymbol? restApi, Compilation compilation)
        {
            if (method.MethodKind != MethodKind.Ordinary ||
                !method.GetAttributes().Any(a => (httpApi is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, httpApi)) ||
                                                 (restApi is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, restApi))))
            {
                return null;
            }

            var reader = new RouteReader(compilation);
            return reader.ReadResult(method).Kind == RouteResultKind.HttpResult ? reader : null;
        }

        /// <summary>SLS1010 for the values of a route's typed results that no context the router searches at run time has.</summary>
        private static void AnalyzeResultValues(OperationBlockAnalysisContext context, RouteReader reader, ResultValueReader values, Lazy<ProjectFacts> project)
        {
            if (context.OwningSymbol is not IMethodSymbol method ||
                context.OperationBlocks.FirstOrDefault(b => b is IMethodBodyOperation or IBlockOperation) is not { } body)
            {
                return;
            }

            var found = new List<ResultValue>();
            if (values.DeclaredValueType(method) is { } declared)
            {
                // Ok<Order> can only carry an Order: the declared type is the contract, the body need not be read.
                var returnType = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault()?.ReturnType;
                if (ResultValueReader.RunTimeType(declared) is { } type && returnType is not null)
                {
                    found.Add(new ResultValue(type, returnType.GetLocation()));
                }
            }
            else
            {
                values.ReadBody(body, found, context.CancellationToken);
            }

            if (found.Count == 0)
            {
                return;
            }

            // The run time searches the [LambdaJsonContext] contexts of every route its function serves, then the
            // project's contexts (RouterPlanner.ResultContexts); a route's own named context is not exclusive there.
            var facts = project.Value;
            var functionName = reader.FunctionName(method);
            var ownContext = reader.ReadExplicitJsonContext(method.ContainingType);
            var routeContexts = facts.Routes
                .Where(r => r.FunctionName == functionName && r.Method.ContainingType is not null)
                .Select(r => r.Method.ContainingType)
                .Distinct(SymbolEqualityComparer.Default)
                .Select(t => reader.ReadExplicitJsonContext((INamedTypeSymbol?)t));
            var searched = RouterPlanner.ResultContexts(new[] { ownContext }.Concat(routeContexts), facts.JsonContexts);
            foreach (var value in found)
            {
                var resolution = RouterPlanner.ResolveResultValue(TypeNames.Of(value.Type), ownContext, searched, facts.JsonContexts);
                if (resolution.Kind == JsonResolutionKind.Missing)
                {
                    var display = value.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
                    context.ReportDiagnostic(Diagnostic.Create(FunctionRules.NotInJsonContext, value.Location, "Result", display, method.Name, resolution.Context!.Replace("global::", string.Empty), display));
                }
            }
        }

        private static void ReportConflicts(SymbolAnalysisContext context, IMethodSymbol method, AttributeData attribute, Location? location, ProjectFacts facts)
        {
            if (RouteReader.ReadAttribute(attribute) is not { } route ||
                !RouteTemplateParser.TryParse(route.Template, out var segments, out _))
            {
                return;
            }

            var shape = RouteTemplateParser.ShapeKey(segments);
            foreach (var other in facts.Routes)
            {
                if (SymbolEqualityComparer.Default.Equals(other.Method, method) || other.HttpMethod != route.Method || other.ShapeKey != shape)
                {
                    continue;
                }

                var otherName = other.Method.ContainingType?.Name + "." + other.Method.Name;
                context.ReportDiagnostic(other.Template == route.Template
                    ? Diagnostic.Create(HttpRules.DuplicateRoute, location, route.Method, route.Template, otherName)
                    : Diagnostic.Create(HttpRules.AmbiguousRoute, location, route.Method, route.Template, other.Template, otherName));
                return;
            }
        }

        private static void ReportJson(SymbolAnalysisContext context, HashSet<(string, Location?, string)> reported, string role, ITypeSymbol? type, string typeName, RouteModel route, Location? location, ProjectFacts facts)
        {
            var display = type?.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString() ?? typeName.Replace("global::", string.Empty);
            var resolution = FunctionPlanner.ResolveJson(typeName, route.ExplicitJsonContext, facts.JsonContexts);
            if (resolution.Kind == JsonResolutionKind.Missing)
            {
                Report(context, reported, Diagnostic.Create(FunctionRules.NotInJsonContext, location, role, display, route.MethodName, resolution.Context!.Replace("global::", string.Empty), display));
            }
            else if (resolution.Kind == JsonResolutionKind.Reflection)
            {
                Report(context, reported, Diagnostic.Create(ColdStartRules.ReflectionJson, location, role, display, route.MethodName, display));
            }
        }

        private static void Report(SymbolAnalysisContext context, HashSet<(string, Location?, string)> reported, Diagnostic diagnostic)
        {
            if (reported.Add((diagnostic.Id, diagnostic.Location, diagnostic.GetMessage())))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private static ITypeSymbol? ResultSymbol(IMethodSymbol method)
        {
            var type = method.ReturnType;
            return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic &&
                   generic.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" && generic.Name is "Task" or "ValueTask"
                ? generic.TypeArguments[0]
                : type;
        }
    }
}
