using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Common;

namespace Sharpless.Functions
{
    /// <summary>A usage error found while reading a function, for the analyzer to report (the generator skips the function).</summary>
    internal sealed class FunctionProblem
    {
        public FunctionProblem(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments)
        {
            Descriptor = descriptor;
            Location = location;
            Arguments = arguments;
        }

        /// <summary>
        /// Errors in the code stop the handler from being generated. Deployment-only errors (a handler string too long
        /// for a .zip package, memory or timeout out of range) do not: the handler itself would work.
        /// </summary>
        public bool BlocksGeneration => IsError && Descriptor.Id is not (FunctionRules.HandlerStringTooLongId or FunctionRules.InvalidSettingId or Events.EventRules.SettingOutOfRangeId or Events.EventRules.FifoConcurrencyId);

        public DiagnosticDescriptor Descriptor { get; }

        public Location? Location { get; }

        public object?[] Arguments { get; }

        public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;
    }

    /// <summary>
    /// Turns a <c>[LambdaFunction]</c> method into a <see cref="FunctionDeclaration"/>. The generator uses the model and
    /// the analyzer the problems, so both always agree on what a function is. Half-typed code is normal input: a
    /// method with error types produces no model and no problem for the parts that are still being typed.
    /// </summary>
    internal sealed class FunctionReader
    {
        public const string HandlerMethodName = "Handle";

        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly INamedTypeSymbol? _cancellationToken;
        private readonly INamedTypeSymbol? _stream;
        private readonly INamedTypeSymbol? _task;
        private readonly INamedTypeSymbol? _taskOfT;
        private readonly INamedTypeSymbol? _valueTask;
        private readonly INamedTypeSymbol? _valueTaskOfT;
        private readonly INamedTypeSymbol? _fromServices;
        private readonly INamedTypeSymbol? _jsonContextAttribute;
        private readonly bool _hasContainerPackage;

        public FunctionReader(Compilation compilation)
        {
            _compilation = compilation;
            _lambdaContext = compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaContext);
            _cancellationToken = compilation.GetTypeByMetadataName(FunctionTypeNames.CancellationToken);
            _stream = compilation.GetTypeByMetadataName(FunctionTypeNames.Stream);
            _task = compilation.GetTypeByMetadataName(FunctionTypeNames.Task);
            _taskOfT = compilation.GetTypeByMetadataName(FunctionTypeNames.TaskOfT);
            _valueTask = compilation.GetTypeByMetadataName(FunctionTypeNames.ValueTask);
            _valueTaskOfT = compilation.GetTypeByMetadataName(FunctionTypeNames.ValueTaskOfT);
            _fromServices = compilation.GetTypeByMetadataName(FunctionTypeNames.FromServicesAttribute);
            _jsonContextAttribute = compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaJsonContextAttribute);
            _hasContainerPackage = FunctionEnvironmentReader.HasContainerPackage(compilation);
        }

        public List<FunctionProblem> Problems { get; } = new List<FunctionProblem>();

        /// <summary>Reads one function; null when it has an error (reported through <see cref="Problems"/>) or is still being typed.</summary>
        public FunctionDeclaration? Read(IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken)
        {
            // A route method is read by the route reader: it takes an API Gateway event, not a JSON payload.
            if (Http.RouteReader.IsRoute(method))
            {
                return null;
            }

            // An event-source method is read by the event reader: it takes a batch of messages or records.
            if (Events.EventSourceAttributes.IsEventSource(method))
            {
                return null;
            }

            var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? method.Locations.FirstOrDefault(l => l.IsInSource);
            var deployment = ReadDeployment(attribute, attributeLocation);
            var shape = ReadShape(method, FunctionNames.Read(method, attribute), attributeLocation);
            return shape is null ? null : new FunctionDeclaration(shape, deployment);
        }

        /// <summary>
        /// The handler shape of a method called with the event as its payload: name, accessibility, parameters, result,
        /// construction and handler string, each problem reported; null when the method cannot get a handler. Shared by
        /// <c>[LambdaFunction]</c> and by event-source methods that take the whole <c>Amazon.Lambda.*Events</c> event.
        /// </summary>
        internal FunctionShape? ReadShape(IMethodSymbol method, string name, Location? nameLocation)
        {
            var complete = true;
            var errorsBefore = Problems.Count(p => p.BlocksGeneration);
            var methodLocation = method.Locations.FirstOrDefault(l => l.IsInSource);
            if (!IsValidIdentifier(name))
            {
                Problems.Add(new FunctionProblem(FunctionRules.InvalidName, nameLocation, name));
            }

            CheckAccessibility(method, methodLocation);
            CheckGeneric(method, methodLocation);
            var parameters = ReadParameters(method, ref complete);
            var (invocation, resultFormat, resultType) = ReadReturn(method, methodLocation, ref complete);
            var constructorServices = method.IsStatic ? EquatableArray<TypeRef>.Empty : ReadConstruction(method.ContainingType, methodLocation, ref complete);

            var ns = FunctionNames.Namespace(method);
            var handlerTypeName = FunctionNames.HandlerType(method, name);
            var handlerString = _compilation.AssemblyName + "::" + (ns.Length == 0 ? string.Empty : ns + ".") + handlerTypeName + "::" + HandlerMethodName;
            if (handlerString.Length > FunctionRules.MaxHandlerStringLength)
            {
                Problems.Add(new FunctionProblem(FunctionRules.HandlerStringTooLong, nameLocation, handlerString, handlerString.Length));
            }

            if (!complete || Problems.Count(p => p.BlocksGeneration) > errorsBefore || method.ContainingType is null)
            {
                return null;
            }

            return new FunctionShape(
                name,
                ns,
                handlerTypeName,
                handlerString,
                TypeNames.Of(method.ContainingType),
                method.Name,
                method.ContainingType.ToDisplayString() + "." + method.Name,
                method.IsStatic,
                constructorServices,
                parameters,
                invocation,
                resultFormat,
                resultType,
                ReadExplicitJsonContext(method.ContainingType),
                (ns.Length == 0 ? string.Empty : ns + ".") + handlerTypeName + ".g.cs");
        }

        /// <summary>
        /// The context named by [LambdaJsonContext] on the function's class (or an enclosing one), else on the assembly,
        /// read from its symbol so a context in a referenced assembly works too. A type that is not a context reads as
        /// one that registers nothing, so every payload and result is reported missing from it (SLS1010).
        /// </summary>
        public JsonContextModel? ReadExplicitJsonContext(INamedTypeSymbol? type)
        {
            if (_jsonContextAttribute is null)
            {
                return null;
            }

            for (var current = type; current is not null; current = current.ContainingType)
            {
                if (ContextFrom(current.GetAttributes()) is { } fromType)
                {
                    return fromType;
                }
            }

            return ContextFrom(_compilation.Assembly.GetAttributes());
        }

        private JsonContextModel? ContextFrom(ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _jsonContextAttribute) &&
                    attribute.ConstructorArguments.Length == 1 &&
                    attribute.ConstructorArguments[0].Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } context)
                {
                    return CompilationFacts.JsonContext(_compilation, context, requireRegistrations: false, CancellationToken.None)
                        ?? new JsonContextModel(TypeNames.Of(context), EquatableArray<string>.Empty);
                }
            }

            return null;
        }

        internal void CheckAccessibility(IMethodSymbol method, Location? location)
        {
            if (!IsReachable(method.DeclaredAccessibility))
            {
                Problems.Add(new FunctionProblem(FunctionRules.InaccessibleMethod, location, method.Name));
                return;
            }

            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                if (!IsReachable(type.DeclaredAccessibility))
                {
                    Problems.Add(new FunctionProblem(FunctionRules.InaccessibleMethod, location, method.Name));
                    return;
                }
            }
        }

        private static bool IsReachable(Accessibility accessibility) =>
            accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

        internal void CheckGeneric(IMethodSymbol method, Location? location)
        {
            if (method.IsGenericMethod)
            {
                Problems.Add(new FunctionProblem(FunctionRules.GenericMethod, location, method.Name, string.Empty));
                return;
            }

            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.IsGenericType)
                {
                    Problems.Add(new FunctionProblem(FunctionRules.GenericMethod, location, method.Name, $" (its class '{type.ToDisplayString()}' is generic)"));
                    return;
                }
            }
        }

        private EquatableArray<FunctionParameter> ReadParameters(IMethodSymbol method, ref bool complete)
        {
            var parameters = ImmutableArray.CreateBuilder<FunctionParameter>(method.Parameters.Length);
            IParameterSymbol? payload = null;
            foreach (var parameter in method.Parameters)
            {
                var location = parameter.Locations.FirstOrDefault(l => l.IsInSource);
                if (string.IsNullOrEmpty(parameter.Name) || parameter.Type.TypeKind == TypeKind.Error)
                {
                    complete = false;
                    continue;
                }

                if (UnbindableReason(parameter) is { } reason)
                {
                    Problems.Add(new FunctionProblem(FunctionRules.UnbindableParameter, location, parameter.Name, reason));
                    continue;
                }

                var type = TypeNames.RefOf(parameter.Type, parameter.NullableAnnotation == NullableAnnotation.Annotated || parameter.HasExplicitDefaultValue);
                if (_lambdaContext is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, _lambdaContext))
                {
                    parameters.Add(new FunctionParameter(ParameterSource.LambdaContext, type, parameter.Name, WireFormat.None));
                }
                else if (SymbolEqualityComparer.Default.Equals(parameter.Type, _cancellationToken))
                {
                    if (_lambdaContext is null)
                    {
                        Problems.Add(new FunctionProblem(FunctionRules.CancellationNeverSignalled, location, parameter.Name));
                    }

                    parameters.Add(new FunctionParameter(ParameterSource.CancellationToken, type, parameter.Name, WireFormat.None));
                }
                else if (_fromServices is not null && parameter.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _fromServices)))
                {
                    parameters.Add(new FunctionParameter(ParameterSource.Service, type, parameter.Name, WireFormat.None));
                }
                else if (payload is not null)
                {
                    Problems.Add(new FunctionProblem(FunctionRules.SeveralPayloads, location, parameter.Name, payload.Name));
                }
                else if (IsStream(parameter.Type) && !SymbolEqualityComparer.Default.Equals(parameter.Type, _stream))
                {
                    Problems.Add(new FunctionProblem(FunctionRules.UnbindableParameter, location, parameter.Name, "the event arrives as a Stream; declare the parameter as Stream"));
                }
                else
                {
                    payload = parameter;
                    parameters.Add(new FunctionParameter(ParameterSource.Payload, type, parameter.Name, PayloadFormat(parameter.Type)));
                }
            }

            return new EquatableArray<FunctionParameter>(parameters.ToImmutable());
        }

        /// <summary>Why no handler can pass this parameter (SLS1003), or null: by-reference, ref struct and pointer parameters.</summary>
        internal static string? UnbindableReason(IParameterSymbol parameter)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return $"it is passed by reference ({RefKindText(parameter.RefKind)})";
            }

            return parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer
                ? $"a handler cannot pass a value of type '{parameter.Type.ToDisplayString()}'"
                : null;
        }

        private static string RefKindText(RefKind kind) => kind switch
        {
            RefKind.Out => "out",
            RefKind.In => "in",
            _ => "ref",
        };

        private WireFormat PayloadFormat(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return WireFormat.String;
            }

            return SymbolEqualityComparer.Default.Equals(type, _stream) ? WireFormat.Stream : WireFormat.Json;
        }

        internal (InvocationKind Invocation, WireFormat Format, TypeRef? Type) ReadReturn(IMethodSymbol method, Location? location, ref bool complete)
        {
            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                Problems.Add(new FunctionProblem(FunctionRules.UnsupportedReturnType, location, method.Name, "a reference", "the value must be copied to the response"));
                return (InvocationKind.Sync, WireFormat.None, null);
            }

            if (method.ReturnsVoid)
            {
                if (method.IsAsync)
                {
                    Problems.Add(new FunctionProblem(FunctionRules.AsyncVoid, location, method.Name));
                }

                return (InvocationKind.Sync, WireFormat.None, null);
            }

            var returnType = method.ReturnType;
            if (returnType.TypeKind == TypeKind.Error)
            {
                complete = false;
                return (InvocationKind.Sync, WireFormat.None, null);
            }

            if (SymbolEqualityComparer.Default.Equals(returnType, _task))
            {
                return (InvocationKind.Task, WireFormat.None, null);
            }

            if (SymbolEqualityComparer.Default.Equals(returnType, _valueTask))
            {
                return (InvocationKind.ValueTask, WireFormat.None, null);
            }

            var invocation = InvocationKind.Sync;
            var resultType = returnType;
            var resultAnnotation = method.ReturnNullableAnnotation;
            if (returnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic &&
                (SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, _taskOfT) || SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, _valueTaskOfT)))
            {
                invocation = SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, _taskOfT) ? InvocationKind.Task : InvocationKind.ValueTask;
                resultType = generic.TypeArguments[0];
                resultAnnotation = generic.TypeArgumentNullableAnnotations[0];
            }

            if (resultType.TypeKind == TypeKind.Error)
            {
                complete = false;
                return (invocation, WireFormat.None, null);
            }

            if (UnsupportedResultReason(resultType) is { } reason)
            {
                Problems.Add(new FunctionProblem(FunctionRules.UnsupportedReturnType, location, method.Name, returnType.ToDisplayString(), reason));
                return (invocation, WireFormat.None, null);
            }

            var format = resultType.SpecialType == SpecialType.System_String ? WireFormat.String
                : IsStream(resultType) ? WireFormat.Stream
                : WireFormat.Json;
            return (invocation, format, TypeNames.RefOf(resultType, resultAnnotation == NullableAnnotation.Annotated));
        }

        private string? UnsupportedResultReason(ITypeSymbol type)
        {
            if (type.IsRefLikeType || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                return "it cannot be stored for serialization";
            }

            if (type.TypeKind == TypeKind.Dynamic)
            {
                return "dynamic has no serialization metadata; return a concrete type";
            }

            if (type is INamedTypeSymbol named && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _taskOfT) ||
                                                   SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _valueTaskOfT) ||
                                                   SymbolEqualityComparer.Default.Equals(named, _task) ||
                                                   SymbolEqualityComparer.Default.Equals(named, _valueTask)))
            {
                return "a task of a task is awaited only once; return the inner value";
            }

            if (type.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IAsyncEnumerable<T>")
            {
                return "response streaming is not supported; return a collection";
            }

            if (type.GetMembers("GetAwaiter").OfType<IMethodSymbol>().Any(m => m.Parameters.IsEmpty && !m.IsStatic))
            {
                return "only Task and ValueTask are awaited";
            }

            return null;
        }

        internal bool IsStream(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _stream))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The services the function's class needs from the container: the parameters of the constructor the handler
        /// will call. With a container package referenced that is the constructor with the most parameters (as
        /// ActivatorUtilities chooses), otherwise the parameterless one.
        /// </summary>
        internal EquatableArray<TypeRef> ReadConstruction(INamedTypeSymbol? type, Location? location, ref bool complete)
        {
            if (type is null)
            {
                complete = false;
                return EquatableArray<TypeRef>.Empty;
            }

            if (type.TypeKind is TypeKind.Interface || type.IsAbstract)
            {
                Problems.Add(new FunctionProblem(FunctionRules.CannotConstruct, location, type.Name, "it is abstract; make the method static or the class concrete"));
                return EquatableArray<TypeRef>.Empty;
            }

            if (type.TypeKind == TypeKind.Struct)
            {
                return EquatableArray<TypeRef>.Empty;
            }

            var constructors = type.InstanceConstructors
                .Where(c => IsReachable(c.DeclaredAccessibility) && !IsCopyConstructor(c, type))
                .ToList();
            if (constructors.Count == 0)
            {
                Problems.Add(new FunctionProblem(FunctionRules.CannotConstruct, location, type.Name, "it has no public or internal constructor"));
                return EquatableArray<TypeRef>.Empty;
            }

            IMethodSymbol chosen;
            if (_hasContainerPackage)
            {
                var most = constructors.Max(c => c.Parameters.Length);
                var candidates = constructors.Where(c => c.Parameters.Length == most).ToList();
                if (candidates.Count > 1)
                {
                    Problems.Add(new FunctionProblem(FunctionRules.CannotConstruct, location, type.Name, $"it has {candidates.Count} constructors with {most} parameters and the handler cannot choose; keep one"));
                    return EquatableArray<TypeRef>.Empty;
                }

                chosen = candidates[0];
            }
            else
            {
                chosen = constructors.FirstOrDefault(c => c.Parameters.IsEmpty) ?? constructors.OrderBy(c => c.Parameters.Length).First();
            }

            var services = ImmutableArray.CreateBuilder<TypeRef>(chosen.Parameters.Length);
            foreach (var parameter in chosen.Parameters)
            {
                if (parameter.Type.TypeKind == TypeKind.Error)
                {
                    complete = false;
                    continue;
                }

                if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
                {
                    Problems.Add(new FunctionProblem(FunctionRules.CannotConstruct, location, type.Name, $"constructor parameter '{parameter.Name}' cannot come from a container"));
                    continue;
                }

                services.Add(TypeNames.RefOf(parameter.Type, parameter.NullableAnnotation == NullableAnnotation.Annotated || parameter.HasExplicitDefaultValue));
            }

            return new EquatableArray<TypeRef>(services.ToImmutable());
        }

        // Records declare a protected copy constructor; it is not a way to create the first instance.
        private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
            type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

        internal FunctionDeployment ReadDeployment(AttributeData attribute, Location? location)
        {
            var memory = NamedInt(attribute, "MemorySize");
            if (memory != 0 && (memory < 128 || memory > 10240))
            {
                Problems.Add(new FunctionProblem(FunctionRules.InvalidSetting, location, "MemorySize", memory, "128 to 10240 MB"));
            }

            var timeout = NamedInt(attribute, "Timeout");
            if (timeout != 0 && (timeout < 1 || timeout > 900))
            {
                Problems.Add(new FunctionProblem(FunctionRules.InvalidSetting, location, "Timeout", timeout, "1 to 900 seconds"));
            }

            var policies = (NamedString(attribute, "Policies") ?? string.Empty)
                .Split(',')
                .Select(p => p.Trim())
                .Where(p => p.Length > 0)
                .ToEquatableArray();
            return new FunctionDeployment(
                memory,
                timeout,
                NamedString(attribute, "Role"),
                policies,
                AttributeArguments.Strings(attribute, "SubnetIds").ToEquatableArray(),
                AttributeArguments.Strings(attribute, "SecurityGroupIds").ToEquatableArray());
        }

        private static string? NamedString(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is string value)
                {
                    return value;
                }
            }

            return null;
        }

        private static int NamedInt(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is int value)
                {
                    return value;
                }
            }

            return 0;
        }

        public static bool IsValidIdentifier(string name) =>
            SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;
    }
}
