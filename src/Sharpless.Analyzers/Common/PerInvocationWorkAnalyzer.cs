using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.ColdStart;
using Sharpless.Connections;

namespace Sharpless.Common
{
    /// <summary>
    /// Finds work that belongs in INIT but runs on every invocation (SLS5001–SLS5005 connections, SLS4004 and
    /// SLS4006–SLS4009 cold start). One analyzer for all of them, so the handler index and call graph are built once.
    /// <para>
    /// Live (while typing): work written in a handler body — a <c>[LambdaFunction]</c>/route method, a method named by a
    /// handler string, a public method or local function taking <c>ILambdaContext</c>, a lambda given to
    /// <c>LambdaBootstrapBuilder.Create</c> — and in the lambdas and local functions inside it.
    /// </para>
    /// <para>
    /// At compilation end (on build, and in the IDE with full-solution analysis): work in helpers, local functions,
    /// property getters and constructors (with the type's instance field initializers) that a handler reaches through
    /// calls or object creations in this compilation, up to <see cref="InvocationGraph.MaxDepth"/> calls deep.
    /// Work cached in a field on first use (<c>??=</c>, null-guarded assignment, <c>LazyInitializer</c>, a static
    /// <c>Lazy&lt;T&gt;</c>) is never reported, wherever it is.
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
                var rules = PerInvocationRuleCatalog.Create(start.Compilation);
                if (rules.Count == 0 || LambdaPublishSettings.Read(start.Options, start.CancellationToken).IsTestProject)
                {
                    return;
                }

                var handlers = HandlerIndex.Create(start.Compilation, start.Options, start.CancellationToken);
                var session = new Session(start.Compilation.Assembly, handlers, rules);
                start.RegisterOperationBlockStartAction(session.OnBlockStart);
                start.RegisterCompilationEndAction(end => session.Graph.Report(end.ReportDiagnostic, HandlerNames.Describe));
            });
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

        private sealed class Session
        {
            private readonly IAssemblySymbol _assembly;
            private readonly HandlerIndex _handlers;
            private readonly IReadOnlyList<PerInvocationRule> _rules;
            private readonly ConcurrentDictionary<IMethodSymbol, bool> _accessorHasBody = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

            public Session(IAssemblySymbol assembly, HandlerIndex handlers, IReadOnlyList<PerInvocationRule> rules)
            {
                _assembly = assembly;
                _handlers = handlers;
                _rules = rules;
            }

            public InvocationGraph Graph { get; } = new InvocationGraph();

            public void OnBlockStart(OperationBlockStartAnalysisContext block)
            {
                var facts = new InvocationGraph.BlockFacts();
                var owner = block.OwningSymbol;
                block.RegisterOperationAction(
                    context => Analyze(context, owner, facts),
                    OperationKind.ObjectCreation,
                    OperationKind.Invocation,
                    OperationKind.PropertyReference,
                    OperationKind.MethodReference);
                block.RegisterOperationBlockEndAction(_ => Graph.Add(facts));
            }

            private void Analyze(OperationAnalysisContext context, ISymbol owner, InvocationGraph.BlockFacts facts)
            {
                // Most operations are neither a call into this compilation nor work a rule knows: decide that first,
                // before walking the operation's ancestors to place it.
                var operation = context.Operation;
                var target = CallTarget(operation);
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
                    facts.AddEdge(origin, target, operation.Syntax.GetLocation());
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
                        context.ReportDiagnostic(Diagnostic.Create(
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
            private void AddInitializerEdges(InvocationGraph.BlockFacts facts, ISymbol origin, INamedTypeSymbol created, Location callSite)
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
