using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sharpless.Common;
using Sharpless.Events;
using Sharpless.Http;

namespace Sharpless.Functions
{
    /// <summary>
    /// Generates a Lambda handler per <c>[LambdaFunction]</c> method, <c>Sharpless.Generated.Functions</c>, the function
    /// manifest, the shared runtime helpers, the container holder and (for executables) <c>Main</c>.
    /// Parse (FunctionReader, JsonContextReader, StartupReader) → equatable models → emit. Usage errors are
    /// reported by LambdaFunctionAnalyzer; a function with an error simply gets no handler.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class FunctionGenerator : IIncrementalGenerator
    {
        internal const string FunctionStep = "LambdaFunction";
        internal const string HandlerStep = "LambdaHandler";
        internal const string ContextStep = "JsonContexts";
        internal const string EnvironmentStep = "FunctionEnvironment";
        internal const string CatalogStep = "FunctionCatalog";
        internal const string ManifestStep = "FunctionManifest";
        internal const string RoutesStep = "HttpRoutes";
        internal const string RouterStep = "HttpRouter";
        internal const string EventFunctionStep = "EventFunction";
        internal const string EventHandlerStep = "EventHandler";

        private static readonly string Version = GeneratorVersion.Value;

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var functions = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    FunctionTypeNames.LambdaFunctionAttribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (attributeContext, cancellationToken) =>
                        // A method outside a nameable type (code left at the top level when a class's braces break, which
                        // the compiler puts in "<invalid-global-code>") has no handler type to name: it gets no handler.
                        attributeContext.TargetSymbol is IMethodSymbol { ContainingType.CanBeReferencedByName: true } method && attributeContext.Attributes.Length > 0
                            ? new FunctionReader(attributeContext.SemanticModel.Compilation).Read(method, attributeContext.Attributes[0], cancellationToken)
                            : null)
                .Where(static function => function is not null)
                .Select(static (function, _) => function!)
                .WithTrackingName(FunctionStep);

            var contexts = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    FunctionTypeNames.JsonSerializableAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (attributeContext, cancellationToken) =>
                        attributeContext.TargetSymbol is INamedTypeSymbol type
                            ? CompilationFacts.JsonContext(attributeContext.SemanticModel.Compilation, type, requireRegistrations: true, cancellationToken)
                            : null)
                .Where(static model => model is not null)
                .Collect()
                .Select(static (all, _) => new EquatableArray<JsonContextModel>(
                    all.Select(c => c!).GroupBy(c => c.Type).Select(g => g.First()).OrderBy(c => c.Type, StringComparer.Ordinal).ToImmutableArray()))
                .WithTrackingName(ContextStep);

            var startups = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    FunctionTypeNames.LambdaStartupAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (attributeContext, _) =>
                        attributeContext.TargetSymbol is INamedTypeSymbol type ? StartupReader.Read(type, out string? _) : null)
                .Where(static model => model is not null)
                .Collect()
                .Select(static (all, _) => new EquatableArray<StartupModel>(all.Select(s => s!).OrderBy(s => s.Type, StringComparer.Ordinal).ToImmutableArray()));

            var routes = RouteSource(context, RouteReader.HttpApiAttribute, isRestApi: false).Collect().Select(static (all, _) => Flatten(all))
                .Combine(RouteSource(context, RouteReader.RestApiAttribute, isRestApi: true).Collect().Select(static (all, _) => Flatten(all)))
                .Select(static (pair, _) => pair.Left.Concat(pair.Right)
                    .OrderBy(r => r.Template, StringComparer.Ordinal)
                    .ThenBy(r => r.HttpMethod, StringComparer.Ordinal)
                    .ThenBy(r => r.MethodDisplay, StringComparer.Ordinal)
                    .ToEquatableArray())
                .WithTrackingName(RoutesStep);

            var declarations = functions.Collect().Select(static (all, _) => all.ToEquatableArray());

            // One pipeline per event-source attribute (ForAttributeWithMetadataName takes one name); their declarations
            // are gathered pairwise, so no Combine nests deeper than ((a, b), c).
            var eventSources = EventSourceAttributes.All.Select(name => EventSource(context, name)).ToArray();
            var eventDeclarations = eventSources[0].Collect().Select(static (all, _) => all.ToEquatableArray());
            for (var i = 1; i < eventSources.Length; i++)
            {
                eventDeclarations = eventDeclarations.Combine(eventSources[i].Collect())
                    .Select(static (pair, _) => pair.Left.Concat(pair.Right).ToEquatableArray());
            }

            eventDeclarations = eventDeclarations.Select(static (all, _) => all.OrderBy(f => f.Name, StringComparer.Ordinal).ToEquatableArray());

            // The compilation is read only once a function or a route exists: a project that references Sharpless
            // without using these attributes (a shared library) then costs this generator close to nothing, in a fresh
            // compiler process too (issue #21; docs/performance.md).
            var declared = declarations.Combine(routes).Combine(eventDeclarations)
                .Select(static (input, _) => input.Left.Left.Count > 0 || input.Left.Right.Count > 0 || input.Right.Count > 0 ? FunctionsDeclared.Some : FunctionsDeclared.None);
            var environment = declared.Combine(context.CompilationProvider)
                .Select(static (pair, _) => pair.Left.Any ? FunctionEnvironmentReader.Read(pair.Right) : FunctionEnvironment.Unused)
                .WithTrackingName(EnvironmentStep);

            var container = environment.Combine(startups)
                .Select(static (pair, _) => pair.Left.HasContainer ? FunctionPlanner.ChooseStartup(pair.Right.Items) : null);

            var planning = contexts.Combine(environment).Combine(container)
                .Select(static (input, _) => new PlanningInputs(input.Left.Left, input.Left.Right, input.Right));

            // Functions whose names collide with each other, with a generated type name, or with a router function
            // (Api, or a route method's [LambdaFunction] name) get no handler: SLS1008 reports them.
            var routerNames = routes.Select(static (all, _) => all.Select(r => r.FunctionName).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
            var duplicates = declarations
                .Combine(routerNames)
                .Combine(eventDeclarations)
                .Select(static (input, _) =>
                {
                    var ((functionsDeclared, routers), events) = input;
                    var all = functionsDeclared.Select(f => (f.Name, f.Shape.HintName)).Concat(events.Select(e => (e.Name, e.Shape.HintName))).ToList();
                    return new EquatableArray<string>(
                        all.GroupBy(f => f.Name).Where(g => g.Count() > 1).Select(g => g.Key)
                            .Concat(all.GroupBy(f => f.HintName).Where(g => g.Count() > 1).SelectMany(g => g.Select(f => f.Name)))
                            .Concat(all.Select(f => f.Name).Where(n => routers.Items.Contains(n)))
                            .Distinct()
                            .OrderBy(n => n, StringComparer.Ordinal)
                            .ToImmutableArray());
                });

            var handlers = functions
                .Select(static (function, _) => function.Shape)
                .Combine(duplicates)
                .Combine(planning)
                .Select(static (input, _) =>
                {
                    var ((shape, duplicated), plan) = input;
                    return duplicated.Items.Contains(shape.Name)
                        ? null
                        : FunctionPlanner.Plan(shape, plan.Contexts.Items, plan.Environment, plan.Startup is not null);
                })
                .WithTrackingName(HandlerStep);

            context.RegisterSourceOutput(handlers, static (output, handler) =>
            {
                if (handler is not null)
                {
                    output.AddSource(handler.Shape.HintName, FunctionHandlerEmitter.Emit(handler, Version));
                }
            });

            var eventHandlers = eventSources.Select(source => PlanEvents(source, duplicates, planning)).ToArray();
            var eventEmitted = eventHandlers[0].Collect().Select(static (all, _) => all.Where(h => h is not null).Select(h => h!).ToEquatableArray());
            foreach (var handlersOfSource in eventHandlers)
            {
                context.RegisterSourceOutput(handlersOfSource, static (output, handler) => EmitEventHandler(output, handler));
            }

            for (var i = 1; i < eventHandlers.Length; i++)
            {
                eventEmitted = eventEmitted.Combine(eventHandlers[i].Collect())
                    .Select(static (pair, _) => pair.Left.Concat(pair.Right.Where(h => h is not null).Select(h => h!)).ToEquatableArray());
            }

            eventEmitted = eventEmitted.Select(static (all, _) => all.OrderBy(h => h.Shape.Name, StringComparer.Ordinal).ToEquatableArray());
            context.RegisterSourceOutput(
                eventEmitted.Select(static (all, _) => EventRuntimeEmitter.Needs(all.Where(h => h.PassThrough is null).Select(h => (h.Shape.Kind, h.BodyJson is { IsReflection: true })))),
                static (output, needs) => EventRuntimeEmitter.AddSources(output, needs, Version));

            var router = routes
                .Combine(planning)
                .Select(static (input, _) =>
                {
                    var (all, plan) = input;

                    // Without routes the planner is not even compiled by the JIT (a fresh compiler process pays for that).
                    return all.Count == 0
                        ? EquatableArray<RouterModel>.Empty
                        : RouterPlanner.PlanAll(all.Items, plan.Contexts.Items, plan.Environment, plan.Startup is not null, plan.Environment.AssemblyName);
                })
                .WithTrackingName(RouterStep);

            context.RegisterSourceOutput(router, static (output, models) =>
            {
                if (models.Count == 0)
                {
                    return;
                }

                foreach (var model in models)
                {
                    output.AddSource(RouterEmitter.HintName(model.TypeName), RouterEmitter.Emit(model, model.TypeName, Version));
                }

                output.AddSource(RouterEmitter.RuntimeHintName, RouterEmitter.EmitRuntime(Version));
                output.AddSource(OpenApiEmitter.HintName, OpenApiEmitter.Emit(models.Items, Version));
                if (models.Any(m => m.UsesReflection))
                {
                    output.AddSource(RouterEmitter.ReflectionHintName, RouterEmitter.EmitReflection(Version));
                }
            });

            var routerEntry = router.Select(static (models, _) => models.Select(model => new FunctionCatalogEntry(model.FunctionName, model.HandlerString, "HTTP routes")).ToEquatableArray());

            var emitted = handlers.Collect().Select(static (all, _) => all.Where(h => h is not null).Select(h => h!).OrderBy(h => h.Shape.Name, StringComparer.Ordinal).ToEquatableArray());

            var catalog = emitted
                .Combine(routerEntry)
                .Combine(eventEmitted)
                .Select(static (input, _) => input.Left.Left
                    .Select(h => new FunctionCatalogEntry(h.Shape.Name, h.Shape.HandlerString, h.Shape.MethodDisplay))
                    .Concat(input.Left.Right)
                    .Concat(input.Right.Select(h => new FunctionCatalogEntry(h.Shape.Name, h.Shape.HandlerString, h.Shape.MethodDisplay)))
                    .OrderBy(e => e.Name, StringComparer.Ordinal)
                    .ToEquatableArray())
                .WithTrackingName(CatalogStep);
            context.RegisterSourceOutput(catalog, static (output, entries) =>
            {
                if (entries.Count > 0)
                {
                    output.AddSource(FunctionCatalogEmitter.CatalogHintName, FunctionCatalogEmitter.EmitCatalog(entries.Items, Version));
                }
            });

            var routerManifest = router.Select(static (models, _) => models.Select(model => new ManifestFunction(
                model.FunctionName,
                model.HandlerString,
                "HTTP routes",
                model.Deployment,
                model.Events)).ToEquatableArray())
                .Combine(eventDeclarations)
                .Select(static (pair, _) => pair.Left.Concat(pair.Right.Select(ManifestFunction.From)).ToEquatableArray());

            var manifest = declarations.Combine(catalog).Combine(routerManifest)
                .Select(static (input, _) =>
                {
                    var ((all, entries), api) = input;
                    var names = new HashSet<string>(entries.Select(e => e.Name), StringComparer.Ordinal);
                    return all.Where(f => names.Contains(f.Name)).Select(ManifestFunction.From)
                        .Concat(api.Where(f => names.Contains(f.Name)))
                        .OrderBy(f => f.Name, StringComparer.Ordinal)
                        .ToEquatableArray();
                })
                .WithTrackingName(ManifestStep);
            context.RegisterSourceOutput(manifest, static (output, all) =>
            {
                if (all.Count > 0)
                {
                    output.AddSource(FunctionCatalogEmitter.ManifestHintName, FunctionCatalogEmitter.EmitManifest(all.Items, Version));
                }
            });

            var needs = emitted
                .Combine(router)
                .Combine(eventEmitted)
                .Select(static (input, _) =>
                {
                    var ((handlers, routers), events) = input;
                    return new SharedCodeNeeds(
                        Runtime: handlers.Count > 0 || routers.Count > 0 || events.Count > 0,
                        Reflection: handlers.Concat(events.Where(e => e.PassThrough is not null).Select(e => e.PassThrough!))
                            .Any(h => h.PayloadJson is { IsReflection: true } || h.ResultJson is { IsReflection: true }),
                        Services: handlers.Any(h => h.Shape.NeedsContainer) || routers.Any(model => model.Routes.Any(r => RouterPlanner.NeedsContainer(r.Route))) || events.Any(h => h.Shape.NeedsContainer));
                });
            context.RegisterSourceOutput(needs, static (output, need) =>
            {
                if (need.Runtime)
                {
                    output.AddSource(FunctionRuntimeEmitter.HintName, FunctionRuntimeEmitter.Emit(Version, need.Reflection));
                }
            });

            context.RegisterSourceOutput(container.Combine(needs), static (output, pair) =>
            {
                if (pair.Left is { } startup && pair.Right.Services)
                {
                    output.AddSource(FunctionRuntimeEmitter.ServicesHintName, FunctionRuntimeEmitter.EmitServices(Version, startup));
                }
            });

            var mainEntries = emitted
                .Combine(router)
                .Combine(eventEmitted)
                .Select(static (input, _) => input.Left.Left.Select(h => new MainEntry(
                    h.Shape.Name,
                    "global::" + (h.Shape.Namespace.Length == 0 ? string.Empty : h.Shape.Namespace + ".") + h.Shape.HandlerTypeName,
                    h.Shape.HandlerString))
                    .Concat(input.Left.Right.Select(model => new MainEntry(model.FunctionName, "global::Sharpless.Generated." + model.TypeName, model.HandlerString)))
                    .Concat(input.Right.Select(h => new MainEntry(
                        h.Shape.Name,
                        "global::" + (h.Shape.Namespace.Length == 0 ? string.Empty : h.Shape.Namespace + ".") + h.Shape.HandlerTypeName,
                        h.Shape.HandlerString)))
                    .OrderBy(e => e.Name, StringComparer.Ordinal)
                    .ToEquatableArray());
            context.RegisterSourceOutput(mainEntries.Combine(environment), static (output, input) =>
            {
                var (entries, env) = input;
                if (entries.Count > 0 && ShouldGenerateMain(env))
                {
                    output.AddSource(LambdaMainEmitter.HintName, LambdaMainEmitter.Emit(entries.Items, Version));
                    output.AddSource(LambdaInitErrorEmitter.HintName, LambdaInitErrorEmitter.Emit(Version));
                }
            });
        }

        /// <summary>Every method carrying one event-source attribute, read as an event function (null while it cannot be one).</summary>
        private static IncrementalValuesProvider<EventFunctionDeclaration> EventSource(IncrementalGeneratorInitializationContext context, string attributeName) =>
            context.SyntaxProvider.ForAttributeWithMetadataName(
                attributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) =>
                    attributeContext.TargetSymbol is IMethodSymbol { ContainingType.CanBeReferencedByName: true } method && attributeContext.Attributes.Length > 0
                        ? new EventFunctionReader(attributeContext.SemanticModel.Compilation).Read(method, attributeContext.Attributes[0], cancellationToken)
                        : null)
                .Where(static function => function is not null)
                .Select(static (function, _) => function!)
                .WithTrackingName(EventFunctionStep);

        private static IncrementalValuesProvider<EventHandlerModel?> PlanEvents(
            IncrementalValuesProvider<EventFunctionDeclaration> functions,
            IncrementalValueProvider<EquatableArray<string>> duplicates,
            IncrementalValueProvider<PlanningInputs> planning) =>
            functions
                .Select(static (function, _) => function.Shape)
                .Combine(duplicates)
                .Combine(planning)
                .Select(static (input, _) =>
                {
                    var ((shape, duplicated), plan) = input;
                    return duplicated.Items.Contains(shape.Name)
                        ? null
                        : EventPlanner.Plan(shape, plan.Contexts.Items, plan.Environment, plan.Startup is not null);
                })
                .WithTrackingName(EventHandlerStep);

        private static void EmitEventHandler(SourceProductionContext output, EventHandlerModel? handler)
        {
            if (handler is not null)
            {
                output.AddSource(handler.Shape.HintName, EventHandlerEmitter.Emit(handler, Version));
            }
        }

        private static EquatableArray<RouteModel> Flatten(ImmutableArray<EquatableArray<RouteModel>> routesByMethod) =>
            routesByMethod.SelectMany(r => r).ToEquatableArray();

        /// <summary>Every route of every method carrying one kind of route attribute (a method may carry several).</summary>
        private static IncrementalValuesProvider<EquatableArray<RouteModel>> RouteSource(IncrementalGeneratorInitializationContext context, string attributeName, bool isRestApi) =>
            context.SyntaxProvider.ForAttributeWithMetadataName(
                attributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                (attributeContext, cancellationToken) =>
                {
                    if (attributeContext.TargetSymbol is not IMethodSymbol { ContainingType.CanBeReferencedByName: true } method)
                    {
                        return EquatableArray<RouteModel>.Empty;
                    }

                    var reader = new RouteReader(attributeContext.SemanticModel.Compilation);
                    return attributeContext.Attributes
                        .Select(attribute => reader.Read(method, attribute, isRestApi, cancellationToken))
                        .Where(route => route is not null)
                        .Select(route => route!)
                        .ToEquatableArray();
                });

        /// <summary>
        /// <c>[assembly: LambdaMain]</c> decides when present; otherwise an executable that references
        /// Amazon.Lambda.RuntimeSupport and has no entry point of its own gets one.
        /// </summary>
        internal static bool ShouldGenerateMain(FunctionEnvironment environment)
        {
            if (!environment.HasRuntimeSupport)
            {
                return false;
            }

            return environment.MainRequested ?? (environment.IsExecutable && !environment.HasUserEntryPoint);
        }

        // Every value that flows between pipeline steps is a class, and no Combine nests deeper than ((a, b), c):
        // Roslyn's pipeline nodes are generic over the value, and each struct shape (a bool, a tuple of bools, a
        // deeper tuple) made a fresh compiler process compile a family of node types again (see EquatableArray).

        /// <summary>What handlers and the router are planned against: the JSON contexts, the project, the container.</summary>
        private sealed record PlanningInputs(EquatableArray<JsonContextModel> Contexts, FunctionEnvironment Environment, StartupModel? Startup);

        /// <summary>Which shared generated files the handlers and the router need.</summary>
        private sealed record SharedCodeNeeds(bool Runtime, bool Reflection, bool Services);

        /// <summary>Whether the project declares a function or a route (a class: see the note on EquatableArray).</summary>
        private sealed class FunctionsDeclared
        {
            public static readonly FunctionsDeclared Some = new FunctionsDeclared(true);
            public static readonly FunctionsDeclared None = new FunctionsDeclared(false);

            private FunctionsDeclared(bool any) => Any = any;

            public bool Any { get; }
        }
    }
}
