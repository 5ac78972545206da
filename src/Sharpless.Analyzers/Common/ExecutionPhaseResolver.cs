using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Common
{
    /// <summary>
    /// Decides in which <see cref="ExecutionPhase"/> an operation runs, for every rule that cares whether work is
    /// repeated per invocation (design.md: constructors, static constructors, field initializers and lazy factories
    /// are init phase; handler bodies are per invocation).
    /// </summary>
    internal static class ExecutionPhaseResolver
    {
        /// <summary>The method the compiler synthesizes for an executable's top-level statements.</summary>
        internal const string TopLevelStatementsEntryPoint = "<Main>$";

        /// <param name="index">The compilation's handlers.</param>
        /// <param name="operation">The operation to place.</param>
        /// <param name="containingSymbol">The member whose body or initializer holds the operation
        /// (<c>OperationAnalysisContext.ContainingSymbol</c>).</param>
        /// <param name="handler">The handler (method, local function or lambda) the operation runs in, when per invocation.</param>
        public static ExecutionPhase GetPhase(HandlerIndex index, IOperation operation, ISymbol containingSymbol, out IMethodSymbol? handler)
        {
            var site = Locate(index, operation, containingSymbol);
            handler = site.Handler;
            return site.Phase;
        }

        /// <summary>
        /// Where an operation runs: its phase, and for the call graph the innermost function whose body holds it
        /// (a local function, or the member itself). Lambdas that are not handlers belong to the enclosing function.
        /// </summary>
        public static OperationSite Locate(HandlerIndex index, IOperation operation, ISymbol containingSymbol)
        {
            // A delegate body runs whenever the delegate is called. Inside a handler that is (almost always) during
            // the invocation; inside init code we cannot tell, so such code is not claimed for either phase.
            var insideDeferredDelegate = false;
            IMethodSymbol? innermostLocalFunction = null;

            // In init code, a lambda stored in a field, property or local is its own call-graph node: it runs when
            // something invokes it (a delegate field called by a handler, see DelegateValues), not when the initializer
            // runs. A lambda passed as an argument stays with the code that passes it, which may run it.
            IMethodSymbol? outermostDeferredLambda = null;

            IOperation? child = null;
            for (var current = operation; current is not null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case ICoalesceAssignmentOperation coalesce when ReferenceEquals(child, coalesce.Value) && IsMemberReference(coalesce.Target):
                        // `_client ??= new HttpClient()` creates the value once per execution environment.
                        return OperationSite.LazilyInitialized;

                    case ISimpleAssignmentOperation assignment when ReferenceEquals(child, assignment.Value)
                                                                    && GetReferencedMember(assignment.Target) is { } member
                                                                    && IsGuardedByNullCheck(assignment, member):
                        // `if (_client is null) _client = new HttpClient();` — the same lazy idiom, spelled out; also
                        // `if (!_initialized) { _client = …; _initialized = true; }`, guarded by a flag the type keeps.
                        return OperationSite.LazilyInitialized;

                    case IMethodReferenceOperation reference when ReferenceEquals(reference, operation) && RunOnceCallees.IsCachedFactory(reference):
                        // `s_cache.GetOrAdd(key, CreateClient)`: the method group runs once per key.
                        return OperationSite.LazilyInitialized;

                    case IAnonymousFunctionOperation lambda:
                        if (IsArgumentOf(lambda, index.LazyInitializer, "EnsureInitialized") || RunOnceCallees.IsCachedFactory(lambda))
                        {
                            // LazyInitializer runs the factory only while the target field is still null.
                            return OperationSite.LazilyInitialized;
                        }

                        // Handed to LambdaBootstrapBuilder.Create (directly or through a local/field), run per request by
                        // ASP.NET Core on Lambda, or taking ILambdaContext (HandlerIndex decides).
                        if (index.GetSource(lambda) is not null)
                        {
                            return new OperationSite(ExecutionPhase.Invocation, lambda.Symbol, innermostLocalFunction ?? lambda.Symbol, isLazilyInitialized: false);
                        }

                        // A Lazy<T> factory runs at most once per Lazy instance, so it belongs wherever the Lazy is
                        // created: once in a field initializer, but on every call when the Lazy is a handler's local.
                        if (!IsLazyFactory(lambda, index.Lazy))
                        {
                            insideDeferredDelegate = true;
                            if (GetArgumentOwner(lambda) is null)
                            {
                                outermostDeferredLambda = lambda.Symbol;
                            }
                        }

                        break;

                    case ILocalFunctionOperation localFunction:
                        innermostLocalFunction ??= localFunction.Symbol;
                        if (index.IsHandler(localFunction.Symbol))
                        {
                            return new OperationSite(ExecutionPhase.Invocation, localFunction.Symbol, innermostLocalFunction, isLazilyInitialized: false);
                        }

                        insideDeferredDelegate = true;
                        break;
                }
            }

            var function = innermostLocalFunction ?? containingSymbol;
            switch (containingSymbol)
            {
                case IMethodSymbol method when index.IsHandler(method):
                    return new OperationSite(ExecutionPhase.Invocation, method, function, isLazilyInitialized: false);

                case IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }:
                case IMethodSymbol { Name: TopLevelStatementsEntryPoint }:
                case IFieldSymbol:
                case IPropertySymbol:
                    // Constructors and initializers run when Lambda creates the handler object or loads the type;
                    // an executable's top-level statements run before the bootstrap starts serving invocations.
                    return insideDeferredDelegate
                        ? new OperationSite(ExecutionPhase.Unknown, null, innermostLocalFunction ?? outermostDeferredLambda ?? containingSymbol, isLazilyInitialized: false)
                        : new OperationSite(ExecutionPhase.Init, null, function, isLazilyInitialized: false);

                default:
                    return new OperationSite(ExecutionPhase.Unknown, null, function, isLazilyInitialized: false);
            }
        }

        private static bool IsMemberReference(IOperation operation) => GetReferencedMember(operation) is not null;

        private static ISymbol? GetReferencedMember(IOperation operation) => operation switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        private static bool IsGuardedByNullCheck(IOperation assignment, ISymbol member)
        {
            IOperation? child = assignment;
            for (var current = assignment.Parent; current is not null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IConditionalOperation conditional when ReferenceEquals(child, conditional.WhenTrue):
                        if (IsNullTestOf(conditional.Condition, member) || ReadsBooleanFlagOf(conditional.Condition, member.ContainingType))
                        {
                            return true;
                        }

                        break;
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                    case ILoopOperation:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The condition reads a bool field or property of the type that owns the assigned member.</summary>
        private static bool ReadsBooleanFlagOf(IOperation condition, INamedTypeSymbol? owner)
        {
            if (owner is null)
            {
                return false;
            }

            foreach (var operation in condition.DescendantsAndSelf())
            {
                var flag = GetReferencedMember(operation);
                var type = flag switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };

                if (type?.SpecialType == SpecialType.System_Boolean && SymbolEqualityComparer.Default.Equals(flag!.ContainingType, owner))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNullTestOf(IOperation condition, ISymbol member)
        {
            switch (condition)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary:
                    return (IsReferenceTo(binary.LeftOperand, member) && IsNullLiteral(binary.RightOperand)) ||
                           (IsReferenceTo(binary.RightOperand, member) && IsNullLiteral(binary.LeftOperand));
                case IIsPatternOperation { Pattern: IConstantPatternOperation constant } isPattern:
                    return IsReferenceTo(isPattern.Value, member) && IsNullLiteral(constant.Value);
                default:
                    return false;
            }
        }

        private static bool IsReferenceTo(IOperation operation, ISymbol member) =>
            SymbolEqualityComparer.Default.Equals(GetReferencedMember(Unwrap(operation)), member);

        private static bool IsNullLiteral(IOperation operation)
        {
            var value = Unwrap(operation).ConstantValue;
            return value.HasValue && value.Value is null;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static bool IsLazyFactory(IAnonymousFunctionOperation lambda, INamedTypeSymbol? lazy)
        {
            return lazy is not null
                   && GetArgumentOwner(lambda) is IObjectCreationOperation { Type: INamedTypeSymbol created }
                   && SymbolEqualityComparer.Default.Equals(created.OriginalDefinition, lazy);
        }

        private static bool IsArgumentOf(IAnonymousFunctionOperation lambda, INamedTypeSymbol? type, string methodName)
        {
            return type is not null
                   && GetArgumentOwner(lambda) is IInvocationOperation invocation
                   && invocation.TargetMethod.Name == methodName
                   && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, type);
        }

        /// <summary>The call or object creation a lambda is passed to, through the delegate creation and conversions around it.</summary>
        private static IOperation? GetArgumentOwner(IAnonymousFunctionOperation lambda)
        {
            var current = lambda.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current is IArgumentOperation argument ? argument.Parent : null;
        }
    }
}
