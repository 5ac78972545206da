using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Http
{
    /// <summary>A value a route's <c>IResult</c> carries: the type the router will look it up by, and where it is written.</summary>
    internal readonly struct ResultValue
    {
        public ResultValue(ITypeSymbol type, Location location)
        {
            Type = type;
            Location = location;
        }

        public ITypeSymbol Type { get; }

        public Location Location { get; }
    }

    /// <summary>
    /// Finds the values of a route's <c>IResult</c> whose run-time type is known at compile time. The router writes an
    /// IResult's value as JSON through the context that has metadata for the value's run-time type
    /// (<c>ApiGatewayRuntime.Result</c>), so a type no context knows answers 500 on the first request that returns it;
    /// SLS1010 reports it at compile time instead, like any other result type. Read from:
    /// <list type="bullet">
    /// <item>the declared return type, when it is a typed result with a type argument (<c>Ok&lt;T&gt;</c>,
    /// <c>Created&lt;T&gt;</c>, also in <c>Task</c>/<c>ValueTask</c>): its <c>T</c>;</item>
    /// <item>otherwise (<c>IResult</c>, <c>HttpResult</c>, <c>StatusCodeResult</c>, …) every call to a
    /// <c>Results</c> factory that takes a value (<c>Ok</c>, <c>Created</c>, <c>NotFound</c>, <c>BadRequest</c>,
    /// <c>Conflict</c>, <c>StatusCode</c>) in the method's own body: the value argument's static type, before its
    /// conversion to <c>T</c> or <c>object</c>, since the run time looks up the value's own type.</item>
    /// </list>
    /// Deliberately not read: lambdas and local functions in the body (they run when something calls them, not
    /// necessarily for this route's result) and the methods a route calls (a helper that builds the result would need
    /// a walk across methods). Their values still fail at run time if no context has them; the rule stays quiet rather
    /// than guess.
    /// </summary>
    internal sealed class ResultValueReader
    {
        private readonly INamedTypeSymbol? _results;
        private readonly INamedTypeSymbol? _httpResult;

        public ResultValueReader(Compilation compilation)
        {
            _results = compilation.GetTypeByMetadataName("Sharpless.Http.Results");
            _httpResult = compilation.GetTypeByMetadataName("Sharpless.Http.HttpResult");
        }

        /// <summary>
        /// The <c>T</c> of the typed result the method declares (<c>Ok&lt;T&gt;</c>, <c>Created&lt;T&gt;</c>, possibly in
        /// <c>Task</c>/<c>ValueTask</c>), or null when it declares no such type.
        /// </summary>
        public ITypeSymbol? DeclaredValueType(IMethodSymbol method)
        {
            var type = method.ReturnType;
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task &&
                task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" && task.Name is "Task" or "ValueTask")
            {
                type = task.TypeArguments[0];
            }

            return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } typed && IsTypedResult(typed) ? typed.TypeArguments[0] : null;
        }

        /// <summary>Adds the value of every <c>Results</c> factory call in the body (outside lambdas and local functions).</summary>
        public void ReadBody(IOperation body, List<ResultValue> values, CancellationToken cancellationToken)
        {
            if (_results is null)
            {
                return;
            }

            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var operation = pending.Pop();
                if (operation is IInvocationOperation invocation &&
                    SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _results) &&
                    ValueOf(invocation) is { } value)
                {
                    values.Add(value);
                }

                foreach (var child in operation.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        /// <summary>
        /// The type the router will look a value of static type <paramref name="type"/> up by, or null when it writes
        /// the value without a context (text, bytes, nothing) or the run-time type cannot be known here.
        /// </summary>
        public static ITypeSymbol? RunTimeType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            // A boxed Nullable<T> is a T (or null): the run time sees the underlying type.
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            // string is written as text and byte[] as binary, without a context (ApiGatewayRuntime.Result); object,
            // interfaces and abstract classes say nothing about the type the value will have.
            if (type.SpecialType is SpecialType.System_Object or SpecialType.System_String ||
                type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte } ||
                type.IsAbstract ||
                !IsNameable(type))
            {
                return null;
            }

            return type;
        }

        /// <summary>
        /// Whether a context could register the type by name: no type parameters (their type is chosen by a caller),
        /// no anonymous types (they cannot be named in <c>[JsonSerializable]</c>), no dynamic and nothing half-typed.
        /// </summary>
        private static bool IsNameable(ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return IsNameable(array.ElementType);
                case INamedTypeSymbol named:
                    if (named.TypeKind == TypeKind.Error || named.IsAnonymousType)
                    {
                        return false;
                    }

                    for (var current = named; current is not null; current = current.ContainingType)
                    {
                        foreach (var argument in current.TypeArguments)
                        {
                            if (!IsNameable(argument))
                            {
                                return false;
                            }
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The <c>value</c> argument of a <c>Results</c> call, by its own static type; null when absent or null.</summary>
        private static ResultValue? ValueOf(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name != "value" || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                // Results.NotFound(problem) converts the argument to object and Results.Ok<object>(order) to T; the
                // run time looks up the value's own type, so the type before the implicit conversion is the one to check.
                // An explicit cast ((object)order) is the author saying the type is not known here.
                var value = argument.Value;
                while (value is IConversionOperation { IsImplicit: true } conversion)
                {
                    value = conversion.Operand;
                }

                if (value.ConstantValue is { HasValue: true, Value: null })
                {
                    // null (or default of a reference type): the response has no body.
                    return null;
                }

                return RunTimeType(value.Type) is { } type ? new ResultValue(type, value.Syntax.GetLocation()) : null;
            }

            return null;
        }

        /// <summary>
        /// A typed result of Sharpless.Http itself (derived from <c>HttpResult</c>, in its assembly), whose type argument
        /// is the type of its value. A user's own <c>HttpResult</c> subclass may use its type argument for anything.
        /// </summary>
        private bool IsTypedResult(INamedTypeSymbol type)
        {
            if (_httpResult is null || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _httpResult.ContainingAssembly))
            {
                return false;
            }

            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _httpResult))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
