using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.ColdStart;
using Sharpless.Functions;

namespace Sharpless.Http
{
    /// <summary>
    /// Reports why a route is not served (SLS2001–SLS2007, and the SLS1xxx method rules routes share with functions)
    /// and when its body or result falls back to reflection-based JSON (SLS4001). It reads routes with the
    /// generator's <see cref="RouteReader"/>, and the router leaves out exactly the routes reported here.
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
