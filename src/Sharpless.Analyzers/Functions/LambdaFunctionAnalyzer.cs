using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.ColdStart;

namespace Sharpless.Functions
{
    /// <summary>
    /// Reports why a <c>[LambdaFunction]</c> method gets no handler (SLS1001–SLS1015) and when its handler falls back
    /// to reflection-based JSON (SLS4001). It reads functions with the generator's own <see cref="FunctionReader"/> and
    /// plans them with <see cref="FunctionPlanner"/>, so a diagnostic and a missing handler always go together.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LambdaFunctionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            FunctionRules.InaccessibleMethod,
            FunctionRules.GenericMethod,
            FunctionRules.UnbindableParameter,
            FunctionRules.SeveralPayloads,
            FunctionRules.AsyncVoid,
            FunctionRules.UnsupportedReturnType,
            FunctionRules.CannotConstruct,
            FunctionRules.DuplicateName,
            FunctionRules.HandlerStringTooLong,
            FunctionRules.NotInJsonContext,
            FunctionRules.NoContainer,
            FunctionRules.InvalidSetting,
            FunctionRules.InvalidStartup,
            FunctionRules.InvalidName,
            FunctionRules.CancellationNeverSignalled,
            ColdStartRules.ReflectionJson);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var functionAttribute = start.Compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaFunctionAttribute);
                if (functionAttribute is null)
                {
                    return;
                }

                var startupAttribute = start.Compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaStartupAttribute);

                // Project-wide facts (contexts, startups, every function's name) are read once per compilation, and
                // only when a function is actually analyzed.
                var project = new Lazy<ProjectFacts>(() => CompilationFacts.Project(start.Compilation, start.CancellationToken), LazyThreadSafetyMode.PublicationOnly);
                start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, functionAttribute, project), SymbolKind.Method);
                if (startupAttribute is not null)
                {
                    start.RegisterSymbolAction(symbolContext => AnalyzeStartup(symbolContext, startupAttribute, project), SymbolKind.NamedType);
                }
            });
        }

        private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol functionAttribute, Lazy<ProjectFacts> project)
        {
            var method = (IMethodSymbol)context.Symbol;
            var attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, functionAttribute));
            if (attribute is null || Http.RouteReader.IsRoute(method) || Events.EventSourceAttributes.IsEventSource(method))
            {
                return;
            }

            var reader = new FunctionReader(context.Compilation);
            var function = reader.Read(method, attribute, context.CancellationToken);
            foreach (var problem in reader.Problems)
            {
                context.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, problem.Location, problem.Arguments));
            }

            var facts = project.Value;
            var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation();
            var name = function?.Name ?? FunctionNames.Read(method, attribute);
            ReportDuplicateName(context, facts, method, name, attributeLocation);

            if (function is null)
            {
                return;
            }

            var shape = function.Shape;
            var methodLocation = method.Locations.FirstOrDefault(l => l.IsInSource);
            if (shape.NeedsContainer && facts.Container is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(FunctionRules.NoContainer, methodLocation, method.Name, DescribeNeeds(shape), facts.WhyNoContainer));
            }

            if (shape.Payload is { Format: WireFormat.Json } payload)
            {
                var parameter = method.Parameters.FirstOrDefault(p => p.Name == payload.Name);
                ReportJson(context, "Payload", parameter?.Type, shape, parameter?.Locations.FirstOrDefault() ?? methodLocation, facts);
            }

            if (shape.ResultFormat == WireFormat.Json)
            {
                ReportJson(context, "Result", ResultType(method), shape, ReturnTypeLocation(method, context.CancellationToken) ?? methodLocation, facts);
            }
        }

        /// <summary>
        /// SLS1008: two functions with one name would share a constant; with one generated type name (A.B_C and A_B.C), a
        /// file; a function named like a router function would take its place. Asked for [LambdaFunction] and
        /// event-source methods alike.
        /// </summary>
        internal static void ReportDuplicateName(SymbolAnalysisContext context, ProjectFacts facts, IMethodSymbol method, string name, Location? attributeLocation)
        {
            var handlerType = FunctionNames.QualifiedHandlerType(method, name);
            var twin = facts.Functions.FirstOrDefault(f => (f.Name == name || f.HandlerType == handlerType) && !SymbolEqualityComparer.Default.Equals(f.Method, method));
            if (twin.Method is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(FunctionRules.DuplicateName, attributeLocation, name, twin.Method.ContainingType?.Name + "." + twin.Method.Name));
            }
            else if (facts.Routes.FirstOrDefault(r => r.FunctionName == name).Method is { } route)
            {
                context.ReportDiagnostic(Diagnostic.Create(FunctionRules.DuplicateName, attributeLocation, name, "the HTTP router function serving " + route.ContainingType?.Name + "." + route.Name));
            }
        }

        internal static void ReportJson(SymbolAnalysisContext context, string role, ITypeSymbol? type, FunctionShape shape, Location? location, ProjectFacts facts)
        {
            if (type is null)
            {
                return;
            }

            var resolution = FunctionPlanner.ResolveJson(TypeNames.Of(type), shape.ExplicitJsonContext, facts.JsonContexts);
            var display = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
            if (resolution.Kind == JsonResolutionKind.Missing)
            {
                var contextName = resolution.Context!.Replace("global::", string.Empty);
                context.ReportDiagnostic(Diagnostic.Create(FunctionRules.NotInJsonContext, location, role, display, shape.Name, contextName, display));
            }
            else if (resolution.Kind == JsonResolutionKind.Reflection)
            {
                context.ReportDiagnostic(Diagnostic.Create(ColdStartRules.ReflectionJson, location, role, display, shape.Name, display));
            }
        }

        internal static ITypeSymbol? ResultType(IMethodSymbol method)
        {
            var type = method.ReturnType;
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic &&
                generic.OriginalDefinition.ToDisplayString() is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>")
            {
                return generic.TypeArguments[0];
            }

            return type;
        }

        internal static Location? ReturnTypeLocation(IMethodSymbol method, CancellationToken cancellationToken) =>
            method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault()?.ReturnType.GetLocation();

        private static string DescribeNeeds(FunctionShape shape)
        {
            var needs = new List<string>();
            if (!shape.ConstructorServices.Items.IsEmpty)
            {
                needs.Add("constructor services (" + string.Join(", ", shape.ConstructorServices.Select(s => Short(s.Name))) + ")");
            }

            var fromServices = shape.Parameters.Where(p => p.Source == ParameterSource.Service).Select(p => p.Name).ToList();
            if (fromServices.Count > 0)
            {
                needs.Add("[FromServices] parameters (" + string.Join(", ", fromServices) + ")");
            }

            return string.Join(" and ", needs);
        }

        private static string Short(string typeName)
        {
            var name = typeName.Replace("global::", string.Empty);
            var generic = name.IndexOf('<');
            var dot = (generic < 0 ? name : name.Substring(0, generic)).LastIndexOf('.');
            return dot < 0 ? name : name.Substring(dot + 1);
        }

        private static void AnalyzeStartup(SymbolAnalysisContext context, INamedTypeSymbol startupAttribute, Lazy<ProjectFacts> project)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, startupAttribute)))
            {
                return;
            }

            var location = type.Locations.FirstOrDefault(l => l.IsInSource);
            StartupReader.Read(type, out var problem);
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(FunctionRules.InvalidStartup, location, type.Name, problem));
            }

            var all = project.Value.Startups;
            if (all.Length > 1)
            {
                var names = string.Join(", ", all.Select(s => Short(s.Type)));
                context.ReportDiagnostic(Diagnostic.Create(FunctionRules.InvalidStartup, location, type.Name, $"is one of {all.Length} [LambdaStartup] classes ({names}); an execution environment has one container, so keep one"));
            }
        }
    }

    /// <summary>A function's name without reading the whole function: <c>[LambdaFunction(Name = ...)]</c> or the method name.</summary>
    internal static class FunctionNames
    {
        public static string Read(IMethodSymbol method, AttributeData attribute)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Name" && argument.Value.Value is string name)
                {
                    return name;
                }
            }

            return method.Name;
        }

        /// <summary>The generated handler's type name, <c>Namespace.Outer_Inner_Function_Handler</c>, without the namespace when global.</summary>
        public static string HandlerType(IMethodSymbol method, string name)
        {
            var types = new List<string>();
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                types.Insert(0, type.Name);
            }

            return string.Join("_", types) + "_" + name + "_Handler";
        }

        public static string Namespace(IMethodSymbol method) =>
            method.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : string.Empty;

        public static string QualifiedHandlerType(IMethodSymbol method, string name)
        {
            var ns = Namespace(method);
            return (ns.Length == 0 ? string.Empty : ns + ".") + HandlerType(method, name);
        }
    }
}
