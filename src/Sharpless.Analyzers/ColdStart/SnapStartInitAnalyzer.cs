using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;
using Sharpless.Deployment.Templates;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// SLS4010 and SLS4011: INIT code of a SnapStart function (see <see cref="SnapStartFunctions"/>) that captures unique
    /// values in the snapshot, or opens network connections without an after-restore hook anywhere in the project.
    /// Code in lambdas and local functions is not INIT (a <c>Lazy&lt;T&gt;</c> factory or a hook runs after restore).
    /// SLS4010 is reported live; SLS4011 at compilation end, once the whole project is known to register no
    /// <c>SnapshotRestore.RegisterAfterRestore</c> hook.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SnapStartInitAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor ConnectionWithoutHook = RuleDescriptors.AsCompilationEnd(ColdStartRules.SnapStartConnection);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(ColdStartRules.SnapStartUniqueness, ConnectionWithoutHook);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var functions = SnapStartFunctions.Read(start.Compilation, start.Options, start.CancellationToken);
                if (functions.IsEmpty)
                {
                    return;
                }

                var session = new Session(start.Compilation, functions);
                start.RegisterOperationAction(session.Analyze, OperationKind.ObjectCreation, OperationKind.Invocation);
                start.RegisterCompilationEndAction(session.ReportConnections);
            });
        }

        private sealed class Session
        {
            private readonly SnapStartFunctions _functions;
            private readonly SnapStartWork _work;
            private readonly INamedTypeSymbol? _snapshotRestore;
            private readonly ConcurrentQueue<Diagnostic> _connections = new ConcurrentQueue<Diagnostic>();
            private int _hasAfterRestoreHook;

            public Session(Compilation compilation, SnapStartFunctions functions)
            {
                _functions = functions;
                _work = new SnapStartWork(compilation);
                _snapshotRestore = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.SnapshotRestore");
            }

            public void Analyze(OperationAnalysisContext context)
            {
                var operation = context.Operation;
                if (TypeChecks.IsCallTo(operation, _snapshotRestore, "RegisterAfterRestore"))
                {
                    System.Threading.Interlocked.Exchange(ref _hasAfterRestoreHook, 1);
                    return;
                }

                if (IsInsideDeferredCode(operation) || InitOf(context.ContainingSymbol) is not { } function)
                {
                    return;
                }

                if (_work.UniqueValue(operation) is { } unique && IsStored(operation, context.ContainingSymbol))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        ColdStartRules.SnapStartUniqueness, operation.Syntax.GetLocation(), new[] { function.Location }, unique, function.LogicalId));
                }
                else if (_work.Connection(operation) is { } connection)
                {
                    _connections.Enqueue(Diagnostic.Create(
                        ConnectionWithoutHook, operation.Syntax.GetLocation(), new[] { function.Location }, connection, function.LogicalId));
                }
            }

            public void ReportConnections(CompilationAnalysisContext context)
            {
                if (System.Threading.Volatile.Read(ref _hasAfterRestoreHook) == 1)
                {
                    return;
                }

                foreach (var diagnostic in _connections)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }

            /// <summary>The SnapStart function whose INIT runs the member holding the operation.</summary>
            private TemplateFunction? InitOf(ISymbol member) => member switch
            {
                IMethodSymbol { Name: ExecutionPhaseResolver.TopLevelStatementsEntryPoint } => _functions.Executable,
                IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor => _functions.FunctionFor(constructor.ContainingType),
                IFieldSymbol or IPropertySymbol => _functions.FunctionFor(member.ContainingType),
                _ => null,
            };

            private static bool IsInsideDeferredCode(IOperation operation)
            {
                for (var current = operation.Parent; current is not null; current = current.Parent)
                {
                    if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// The value ends up in state that survives INIT: a field or property initializer, an assignment to a member,
            /// or (top-level statements) a local, which the handler delegate can capture. A GUID only logged in a
            /// constructor is not captured.
            /// </summary>
            private static bool IsStored(IOperation operation, ISymbol member)
            {
                if (member is IFieldSymbol or IPropertySymbol)
                {
                    return true;
                }

                // RandomNumberGenerator.Fill(s_key) / GetBytes(s_buffer): the entropy lands in the buffer passed in.
                if (operation is IInvocationOperation { TargetMethod.ReturnsVoid: true } fill)
                {
                    foreach (var argument in fill.Arguments)
                    {
                        foreach (var part in argument.Value.DescendantsAndSelf())
                        {
                            if (part is IFieldReferenceOperation or IPropertyReferenceOperation)
                            {
                                return true;
                            }
                        }
                    }
                }

                var isTopLevel = member is IMethodSymbol { Name: ExecutionPhaseResolver.TopLevelStatementsEntryPoint };
                IOperation child = operation;
                for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
                {
                    switch (current)
                    {
                        case IAssignmentOperation assignment when ReferenceEquals(child, assignment.Value):
                            return assignment.Target is IFieldReferenceOperation or IPropertyReferenceOperation ||
                                   (isTopLevel && assignment.Target is ILocalReferenceOperation);
                        case IVariableInitializerOperation:
                            return isTopLevel;
                        case IExpressionStatementOperation:
                        case IBlockOperation:
                            return false;
                    }
                }

                return false;
            }
        }
    }
}
