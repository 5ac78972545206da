using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Sharpless.ColdStart;
using Sharpless.Connections;

namespace Sharpless.Common
{
    /// <summary>
    /// Finds work that belongs in INIT but runs on every invocation (SLS5001–SLS5005 connections, SLS4004 and
    /// SLS4006–SLS4009 cold start). One analyzer for all of them, so the handler index and call graph are built once.
    /// <para>
    /// Live (while typing): work written in a handler body — any handler <see cref="HandlerIndex"/> knows: a
    /// <c>[LambdaFunction]</c>/route method, a method named by a handler string, a public method or local function taking
    /// <c>ILambdaContext</c> or an event type, a delegate given to <c>LambdaBootstrapBuilder.Create</c>, an ASP.NET Core
    /// endpoint on Lambda — and in the lambdas and local functions inside it.
    /// </para>
    /// <para>
    /// At compilation end (on build, and in the IDE with full-solution analysis): work in helpers, local functions,
    /// property getters and constructors (with the type's instance field initializers) that a handler reaches through
    /// calls or object creations in this compilation, up to <see cref="InvocationGraph.MaxDepth"/> calls deep; in the
    /// lambda or method a delegate field, property or local holds when a handler invokes it (<see cref="DelegateValues"/>);
    /// and in the transient and scoped registrations of services a handler resolves from a container, reported at the
    /// registration (<see cref="ServiceRegistrations"/>). Lambdas and method groups passed as arguments run where they
    /// are passed, except to the callees <see cref="RunOnceCallees"/> lists.
    /// Work cached in a field on first use (<c>??=</c>, null-guarded assignment, <c>LazyInitializer</c>, a static
    /// <c>Lazy&lt;T&gt;</c>) is never reported, wherever it is.
    /// </para>
    /// <para>
    /// Build cost: only that code is ever bound (see <see cref="Session"/>), so a project pays for its handlers and
    /// what they reach, not for every method body. One known gap of the text pre-filter: a handler lambda typed only
    /// through a delegate declared in another file, whose own file names neither <c>ILambdaContext</c> nor the
    /// bootstrap, is not read live.
    /// </para>
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PerInvocationWorkAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CreateSupportedDiagnostics();

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                // Test projects call handlers with fakes and build clients per test on purpose; nothing there is deployed.
                var rules = PerInvocationRuleCatalog.Create(start.Compilation, start.Options);
                if (rules.Count == 0 || LambdaPublishSettings.Read(start.Options, start.CancellationToken).IsTestProject)
                {
                    return;
                }

                var handlers = HandlerIndex.Create(start.Compilation, start.Options, start.CancellationToken);
                var session = new Session(start.Compilation.Assembly, handlers, rules, HandlerDelegateMarkers(start.Compilation, start.CancellationToken));
                start.RegisterSemanticModelAction(session.OnSemanticModel);
                start.RegisterCompilationEndAction(session.OnCompilationEnd);
            });
        }

        /// <summary>
        /// Words without which a file cannot declare a handler lambda or local function: the handler context's and the
        /// bootstrap's type names, and the names global usings give them in another file.
        /// </summary>
        private static string[] HandlerDelegateMarkers(Compilation compilation, CancellationToken cancellationToken)
        {
            var markers = new List<string> { "ILambdaContext", "LambdaBootstrapBuilder" };
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
                {
                    continue;
                }

                foreach (var directive in unit.Usings)
                {
                    if (directive.GlobalKeyword.IsKind(SyntaxKind.None) || directive.Name is not { } name)
                    {
                        continue;
                    }

                    var target = name.ToString();
                    if (target.IndexOf("ILambdaContext", StringComparison.Ordinal) < 0 && target.IndexOf("LambdaBootstrapBuilder", StringComparison.Ordinal) < 0)
                    {
                        continue;
                    }

                    if (directive.Alias is { } alias)
                    {
                        markers.Add(alias.Name.Identifier.ValueText);
                    }
                    else if (!directive.StaticKeyword.IsKind(SyntaxKind.None))
                    {
                        markers.Add("Create");
                    }
                }
            }

            return markers.ToArray();
        }

        private static ImmutableArray<DiagnosticDescriptor> CreateSupportedDiagnostics()
        {
            var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
            foreach (var descriptor in PerInvocationRuleCatalog.Descriptors)
            {
                builder.Add(descriptor);
                builder.Add(RuleDescriptors.AsCompilationEnd(descriptor));
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// One compilation's analysis. It never registers an operation action: that would make the driver build an
        /// operation tree for every method body of the project, most of which no handler reaches. Instead it asks for
        /// the operation trees of the members that can run per invocation (handlers, and members declaring a handler
        /// lambda or local function) when their document is analyzed, and of the members a handler reaches, one call
        /// level at a time, at compilation end.
        /// </summary>
        private sealed class Session
        {
            private readonly IAssemblySymbol _assembly;
            private readonly HandlerIndex _handlers;
            private readonly IReadOnlyList<PerInvocationRule> _rules;
            private readonly string[] _handlerDelegateMarkers;
            private readonly ConcurrentDictionary<IMethodSymbol, bool> _accessorHasBody = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

            // The documents the driver analyzes (never generated code), with the model it gave each.
            private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();

            // Bodies and initializers already read, so each is read once whichever way it is reached.
            private readonly ConcurrentDictionary<SyntaxNode, bool> _analyzed = new ConcurrentDictionary<SyntaxNode, bool>();

            // The container registrations, read when the walk first reaches a resolved service (at compilation end only).
            private ServiceRegistrations? _registrations;

            public Session(IAssemblySymbol assembly, HandlerIndex handlers, IReadOnlyList<PerInvocationRule> rules, string[] handlerDelegateMarkers)
            {
                _assembly = assembly;
                _handlers = handlers;
                _rules = rules;
                _handlerDelegateMarkers = handlerDelegateMarkers;
            }

            public InvocationGraph Graph { get; } = new InvocationGraph();

            /// <summary>Live: the handlers of one document, and the members that declare a handler lambda or local function.</summary>
            public void OnSemanticModel(SemanticModelAnalysisContext context)
            {
                var model = context.SemanticModel;
                var cancellationToken = context.CancellationToken;
                _models.TryAdd(model.SyntaxTree, model);
                var root = model.SyntaxTree.GetRoot(cancellationToken);
                var text = model.SyntaxTree.GetText(cancellationToken);
                var mayDeclareHandlerDelegates = MentionsHandlerDelegates(text) || _handlers.MayDeclareHandlerDelegates(model.SyntaxTree, text);
                foreach (var (declaration, block) in ExecutableMembers.InTree(root))
                {
                    var runsPerInvocation =
                        (declaration is MethodDeclarationSyntax method && model.GetDeclaredSymbol(method, cancellationToken) is { } symbol && _handlers.IsHandler(symbol)) ||
                        (mayDeclareHandlerDelegates && ExecutableMembers.DeclaresFunctions(block));
                    if (runsPerInvocation && ExecutableMembers.Create(block, model, cancellationToken) is { } member)
                    {
                        AnalyzeMember(member, model, context.ReportDiagnostic, cancellationToken);
                    }
                }
            }

            /// <summary>At compilation end: work in the code the handlers reach, read as the walk reaches it.</summary>
            public void OnCompilationEnd(CompilationAnalysisContext context)
            {
                var cancellationToken = context.CancellationToken;
                if (context.Compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection") is not null &&
                    _handlers.AspNetCoreHosting is { } aspNetCore)
                {
                    // Every request runs in a scope of the app's container: its scoped and transient services are per invocation.
                    var facts = new InvocationGraph.BlockFacts();
                    facts.AddRoot(ContainerService.All, aspNetCore, "ASP.NET Core's per-request services");
                    Graph.Add(facts);
                }

                AddPerRequestControllers(cancellationToken);

                Graph.Report(context.ReportDiagnostic, HandlerNames.Describe, node => Expand(node, context.ReportDiagnostic, cancellationToken));
            }

            /// <summary>
            /// ASP.NET Core on Lambda creates a controller per request: each controller is a root whose constructors
            /// and instance initializers (its own and its base controllers' in this assembly) run per invocation.
            /// </summary>
            private void AddPerRequestControllers(CancellationToken cancellationToken)
            {
                // Only an app served by Lambda has per-request controllers: no other project pays for the search.
                if (_handlers.AspNetCoreHosting is null)
                {
                    return;
                }

                var facts = new InvocationGraph.BlockFacts();
                foreach (var model in _models.Values)
                {
                    if (!TextSearch.Contains(model.SyntaxTree.GetText(cancellationToken), "Controller", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var declarations = model.SyntaxTree.GetRoot(cancellationToken)
                        .DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or ClassDeclarationSyntax)
                        .OfType<ClassDeclarationSyntax>();
                    foreach (var declaration in declarations)
                    {
                        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not { } controller || !_handlers.IsPerRequestController(controller))
                        {
                            continue;
                        }

                        var location = declaration.Identifier.GetLocation();
                        facts.AddRoot(controller, location, "new " + controller.Name + " (ASP.NET Core creates a controller per request)");
                        for (var type = controller; type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _assembly); type = type.BaseType)
                        {
                            // The constructors and initializers add nothing to read to the path: "new OrdersController" says it.
                            if (!SymbolEqualityComparer.Default.Equals(type, controller))
                            {
                                facts.AddEdge(controller, type.OriginalDefinition, location, string.Empty);
                            }

                            foreach (var constructor in type.InstanceConstructors)
                            {
                                if (!constructor.IsImplicitlyDeclared)
                                {
                                    facts.AddEdge(controller, constructor, location, string.Empty);
                                }
                            }
                        }
                    }
                }

                Graph.Add(facts);
            }

            private bool MentionsHandlerDelegates(SourceText text)
            {
                foreach (var marker in _handlerDelegateMarkers)
                {
                    if (TextSearch.Contains(text, marker, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Reads the member(s) holding a graph node: a method's body, or a type's instance initializers; the
            /// value of a delegate member; the registrations of a resolved service.</summary>
            private void Expand(object node, Action<Diagnostic> report, CancellationToken cancellationToken)
            {
                switch (node)
                {
                    case ContainerService service:
                        ExpandService(service, cancellationToken);
                        break;

                    case IFieldSymbol or IPropertySymbol or ILocalSymbol:
                        ExpandDelegate((ISymbol)node, cancellationToken);
                        break;

                    case IMethodSymbol method:
                        foreach (var reference in method.DeclaringSyntaxReferences)
                        {
                            ExpandDeclaration(reference, report, cancellationToken);
                        }

                        break;

                    case INamedTypeSymbol type:
                        foreach (var member in type.GetMembers())
                        {
                            if (member is IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } or IPropertySymbol { IsStatic: false })
                            {
                                foreach (var reference in member.DeclaringSyntaxReferences)
                                {
                                    ExpandDeclaration(reference, report, cancellationToken);
                                }
                            }
                        }

                        break;
                }
            }

            /// <summary>A delegate member a handler invokes: an edge to the one function it holds, when there is one.</summary>
            private void ExpandDelegate(ISymbol member, CancellationToken cancellationToken)
            {
                if (DelegateValues.SingleValue(member, ModelFor, _models.Keys, _assembly, cancellationToken) is not { } value)
                {
                    return;
                }

                // "via Function.Handle → Create": the lambda adds nothing to read; a method group names its method.
                var facts = new InvocationGraph.BlockFacts();
                facts.AddEdge(member, value.Function, value.Location, value.Function.MethodKind == MethodKind.AnonymousFunction ? string.Empty : null);
                Graph.Add(facts);
            }

            /// <summary>
            /// A service resolved per invocation: its transient and scoped registrations build their implementation (a
            /// client type is reported at the registration; a source type's constructor, initializers and constructor
            /// parameters are followed) or run their factory (its work is reported where it is, in the registration).
            /// A service with no registration in this compilation that is a class of this compilation is constructed by
            /// <c>ActivatorUtilities</c> or a typed-client factory: its constructor is followed.
            /// </summary>
            private void ExpandService(ContainerService service, CancellationToken cancellationToken)
            {
                var registrations = _registrations ??= ServiceRegistrations.Read(_models.Values, cancellationToken);
                var found = service.Service is null ? registrations.All : registrations.For(service.Service);
                var facts = new InvocationGraph.BlockFacts();
                if (found.Count == 0 && service.Service is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } unregistered && IsInSource(unregistered))
                {
                    AddConstruction(facts, service, unregistered, unregistered.Locations.Length > 0 ? unregistered.Locations[0] : Location.None);
                }

                foreach (var registration in found)
                {
                    if (registration.IsSingleton)
                    {
                        continue;
                    }

                    if (registration.Implementation is { } implementation)
                    {
                        foreach (var rule in _rules)
                        {
                            if (rule.IsCreationOf(implementation))
                            {
                                facts.AddWork(service, rule, implementation.Name, registration.Location, registration.Note);
                            }
                        }

                        if (IsInSource(implementation))
                        {
                            AddConstruction(facts, service, implementation, registration.Location);
                        }
                    }

                    switch (registration.Factory)
                    {
                        case IAnonymousFunctionOperation factory:
                            AnalyzeFactory(service, factory, registration, facts);
                            break;
                        case IMethodReferenceOperation reference when CallTarget(reference) is { } method:
                            facts.AddEdge(service, method, registration.Location);
                            break;
                    }
                }

                Graph.Add(facts);
            }

            /// <summary>The container builds <paramref name="type"/>: its constructors and initializers run, and the services
            /// its constructor takes are resolved.</summary>
            private void AddConstruction(InvocationGraph.BlockFacts facts, ContainerService from, INamedTypeSymbol type, Location site)
            {
                var label = "new " + type.Name;
                foreach (var constructor in type.InstanceConstructors)
                {
                    facts.AddEdge(from, constructor.OriginalDefinition, site, label);
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (parameter.Type is INamedTypeSymbol { SpecialType: SpecialType.None } dependency)
                        {
                            facts.AddEdge(from, new ContainerService(dependency), site, label + " → " + dependency.Name);
                        }
                    }
                }

                AddInitializerEdges(facts, from, type, site);
            }

            /// <summary>A registration's factory lambda runs each time the container builds the service.</summary>
            private void AnalyzeFactory(ContainerService service, IAnonymousFunctionOperation factory, Registration registration, InvocationGraph.BlockFacts facts)
            {
                foreach (var operation in factory.Body.DescendantsAndSelf())
                {
                    if (operation.Kind is not (OperationKind.ObjectCreation or OperationKind.Invocation or OperationKind.PropertyReference or OperationKind.MethodReference))
                    {
                        continue;
                    }

                    object? target = CallTarget(operation);
                    string? label = null;
                    if (target is null && operation is IInvocationOperation invocation)
                    {
                        target = DelegateOrServiceTarget(invocation, out label);
                    }

                    var matches = MatchRules(operation);
                    if ((target is null && matches is null) || ExecutionPhaseResolver.Locate(_handlers, operation, factory.Symbol).IsLazilyInitialized)
                    {
                        continue;
                    }

                    if (target is not null)
                    {
                        facts.AddEdge(service, target, operation.Syntax.GetLocation(), label);
                        if (operation is IObjectCreationOperation { Type: INamedTypeSymbol created })
                        {
                            AddInitializerEdges(facts, service, created, operation.Syntax.GetLocation());
                        }
                    }

                    foreach (var (rule, subject) in matches ?? Enumerable.Empty<(PerInvocationRule, string)>())
                    {
                        facts.AddWork(service, rule, subject, operation.Syntax.GetLocation(), registration.Note);
                    }
                }
            }

            private SemanticModel? ModelFor(SyntaxTree tree) => _models.TryGetValue(tree, out var model) ? model : null;

            private bool IsInSource(INamedTypeSymbol type) => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _assembly);

            /// <summary>
            /// A call through a delegate member (edge to the member: its value is read when the walk reaches it), or a
            /// service resolved from a container (edge to the service).
            /// </summary>
            private object? DelegateOrServiceTarget(IInvocationOperation invocation, out string? label)
            {
                label = null;
                if (DelegateValues.InvokedMember(invocation, _assembly) is { } member)
                {
                    return member;
                }

                if (ServiceRegistrations.IsResolution(invocation, out var service, out var resolution))
                {
                    label = resolution;
                    return service is null ? ContainerService.All : new ContainerService(service);
                }

                return null;
            }

            /// <summary>A handler's <c>[FromServices]</c> parameters are resolved from a scope created per invocation.</summary>
            private void AddServiceParameters(IMethodSymbol handler, InvocationGraph.BlockFacts facts)
            {
                foreach (var parameter in handler.Parameters)
                {
                    foreach (var attribute in parameter.GetAttributes())
                    {
                        if (attribute.AttributeClass?.Name == "FromServicesAttribute")
                        {
                            facts.AddRoot(handler);
                            facts.AddEdge(handler, new ContainerService(parameter.Type), parameter.Locations.Length > 0 ? parameter.Locations[0] : Location.None, "[FromServices] " + parameter.Type.Name);
                        }
                    }
                }
            }

            private void ExpandDeclaration(SyntaxReference reference, Action<Diagnostic> report, CancellationToken cancellationToken)
            {
                if (!_models.TryGetValue(reference.SyntaxTree, out var model))
                {
                    return;
                }

                var syntax = reference.GetSyntax(cancellationToken);
                var member = syntax is PropertyDeclarationSyntax { Initializer: { } initializer }
                    ? ExecutableMembers.Create(initializer, model, cancellationToken)
                    : ExecutableMembers.Holding(syntax, model, cancellationToken);
                if (member is { } found)
                {
                    AnalyzeMember(found, model, report, cancellationToken);
                }
            }

            /// <summary>What an operation-block action over the member would see: every call, creation and property
            /// reference in its body or initializer, lambdas and local functions included.</summary>
            private void AnalyzeMember(ExecutableMember member, SemanticModel model, Action<Diagnostic> report, CancellationToken cancellationToken)
            {
                if (!_analyzed.TryAdd(member.Block, true) || model.GetOperation(member.Block, cancellationToken) is not { } body)
                {
                    return;
                }

                var facts = new InvocationGraph.BlockFacts();
                if (member.Owner is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && _handlers.IsHandler(method))
                {
                    AddServiceParameters(method, facts);
                }

                foreach (var operation in body.DescendantsAndSelf())
                {
                    if (operation.Kind is OperationKind.ObjectCreation or OperationKind.Invocation or OperationKind.PropertyReference or OperationKind.MethodReference)
                    {
                        Analyze(operation, member.Owner, facts, report);
                    }
                }

                Graph.Add(facts);
            }

            private void Analyze(IOperation operation, ISymbol owner, InvocationGraph.BlockFacts facts, Action<Diagnostic> report)
            {
                // Most operations are neither a call into this compilation nor work a rule knows: decide that first,
                // before walking the operation's ancestors to place it.
                object? target = CallTarget(operation);
                string? label = null;
                if (target is null && operation is IInvocationOperation invocation)
                {
                    target = DelegateOrServiceTarget(invocation, out label);
                }

                var matches = MatchRules(operation);
                if (target is null && matches is null)
                {
                    return;
                }

                var site = ExecutionPhaseResolver.Locate(_handlers, operation, owner);
                if (site.IsLazilyInitialized)
                {
                    return;
                }

                var origin = site.Phase == ExecutionPhase.Invocation ? site.Handler : GraphNodeFor(site.Function);
                if (site.Phase == ExecutionPhase.Invocation)
                {
                    facts.AddRoot(site.Handler!);
                }

                if (origin is not null && target is not null)
                {
                    facts.AddEdge(origin, target, operation.Syntax.GetLocation(), label);
                    if (operation is IObjectCreationOperation { Type: INamedTypeSymbol created })
                    {
                        AddInitializerEdges(facts, origin, created, operation.Syntax.GetLocation());
                    }
                }

                if (matches is null)
                {
                    return;
                }

                foreach (var (rule, subject) in matches)
                {
                    var note = rule.IsHoistable ? InvocationStateDependency.Describe(operation) : string.Empty;
                    if (site.Phase == ExecutionPhase.Invocation)
                    {
                        report(Diagnostic.Create(
                            rule.Descriptor, operation.Syntax.GetLocation(), subject, "of '" + HandlerNames.Describe(site.Handler!) + "'", note));
                    }
                    else if (origin is not null)
                    {
                        facts.AddWork(origin, rule, subject, operation.Syntax.GetLocation(), note);
                    }
                }
            }

            /// <summary>
            /// Every rule the operation breaks: one operation can be two findings (a data source created per invocation
            /// that also connects to a database endpoint directly), each reported under its own ID.
            /// </summary>
            private List<(PerInvocationRule Rule, string Subject)>? MatchRules(IOperation operation)
            {
                if (operation.Kind is not (OperationKind.ObjectCreation or OperationKind.Invocation))
                {
                    return null;
                }

                List<(PerInvocationRule, string)>? matches = null;
                foreach (var rule in _rules)
                {
                    if (rule.Match(operation) is { } subject && !IsPartOfReportedWork(operation, rule))
                    {
                        (matches ??= new List<(PerInvocationRule, string)>(1)).Add((rule, subject));
                    }
                }

                return matches;
            }

            /// <summary>
            /// <c>new HttpClient(new SocketsHttpHandler())</c>: the argument is created for the outer object, which the same
            /// rule reports (and the fix hoists with it). Work of another rule is reported on its own, so turning one rule
            /// off never hides the other.
            /// </summary>
            private static bool IsPartOfReportedWork(IOperation operation, PerInvocationRule rule)
            {
                var current = operation.Parent;
                while (current is IConversionOperation)
                {
                    current = current.Parent;
                }

                if (current is not IArgumentOperation { Parent: { } owner } || owner.Kind is not (OperationKind.ObjectCreation or OperationKind.Invocation))
                {
                    return false;
                }

                return rule.Match(owner) is not null;
            }

            /// <summary>Static initializers and static constructors run once per execution environment: never a node.
            /// Instance field and property initializers run with every constructor: one node per type.</summary>
            private static ISymbol? GraphNodeFor(ISymbol? function) => function switch
            {
                IMethodSymbol { MethodKind: MethodKind.StaticConstructor } => null,
                IMethodSymbol method => method.OriginalDefinition,
                IFieldSymbol { IsStatic: false } field => field.ContainingType.OriginalDefinition,
                IPropertySymbol { IsStatic: false } property => property.ContainingType.OriginalDefinition,
                _ => null,
            };

            private ISymbol? CallTarget(IOperation operation)
            {
                IMethodSymbol? method = operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation creation => creation.Constructor,
                    IMethodReferenceOperation reference => reference.Method,
                    IPropertyReferenceOperation property => IsAssignmentTarget(property) ? property.Property.SetMethod : property.Property.GetMethod,
                    _ => null,
                };

                if (method is null || method.IsAbstract || method.IsExtern)
                {
                    return null;
                }

                method = method.ReducedFrom ?? method;
                method = method.PartialImplementationPart ?? method;
                if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _assembly))
                {
                    return null;
                }

                // Auto-property accessors are the most common call into source and have no body to follow.
                return method.AssociatedSymbol is IPropertySymbol && !HasBody(method) ? null : method.OriginalDefinition;
            }

            private bool HasBody(IMethodSymbol accessor)
            {
                if (_accessorHasBody.TryGetValue(accessor, out var known))
                {
                    return known;
                }

                var hasBody = false;
                foreach (var reference in accessor.DeclaringSyntaxReferences)
                {
                    // An expression-bodied property's getter is the arrow clause itself; an accessor needs a body or arrow.
                    var syntax = reference.GetSyntax();
                    hasBody |= syntax is not AccessorDeclarationSyntax { Body: null, ExpressionBody: null };
                }

                _accessorHasBody.TryAdd(accessor, hasBody);
                return hasBody;
            }

            /// <summary>Constructing a type also runs its (and its source base types') instance field initializers.</summary>
            private void AddInitializerEdges(InvocationGraph.BlockFacts facts, object origin, INamedTypeSymbol created, Location callSite)
            {
                var label = "new " + created.Name;
                for (var type = created; type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _assembly); type = type.BaseType)
                {
                    facts.AddEdge(origin, type.OriginalDefinition, callSite, label);
                }
            }

            private static bool IsAssignmentTarget(IOperation operation) =>
                operation.Parent is IAssignmentOperation assignment && ReferenceEquals(assignment.Target, operation);
        }
    }
}
