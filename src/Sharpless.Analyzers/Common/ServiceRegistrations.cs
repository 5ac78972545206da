using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Common
{
    /// <summary>
    /// The Microsoft.Extensions.DependencyInjection registrations of a compilation, and the calls that resolve services
    /// from a container. A transient service is built on every resolution and a scoped one once per scope; a container
    /// resolved per invocation (a handler or code it reaches calls <c>GetService</c>/<c>GetRequiredService</c> on it, a
    /// handler takes a <c>[FromServices]</c> parameter — Sharpless and Lambda Annotations resolve those from a scope
    /// created per invocation — or the project is ASP.NET Core on Lambda, which creates a scope per request) therefore
    /// builds such a service per invocation. Singletons (<c>AddSingleton</c>, an instance, <c>AddAWSService</c>,
    /// <c>AddHttpClient</c>) are built once and never reported.
    /// <para>
    /// Read only when a resolution is reached, and then only the files that mention a lifetime; the registration calls
    /// found by name are the only code bound.
    /// </para>
    /// </summary>
    internal sealed class ServiceRegistrations
    {
        private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

        private readonly Dictionary<ITypeSymbol, List<Registration>> _byService;
        private readonly List<Registration> _all;

        private ServiceRegistrations(Dictionary<ITypeSymbol, List<Registration>> byService, List<Registration> all)
        {
            _byService = byService;
            _all = all;
        }

        /// <summary>The transient and scoped registrations of every service.</summary>
        public IReadOnlyList<Registration> All => _all;

        /// <summary>The registrations of <paramref name="service"/> (any lifetime; singletons end the walk).</summary>
        public IReadOnlyList<Registration> For(ITypeSymbol service) =>
            _byService.TryGetValue(service, out var found) ? found : (IReadOnlyList<Registration>)Array.Empty<Registration>();

        /// <summary>
        /// A call that resolves a service from a container: the service (null when the call does not say which), and
        /// how the hop reads in a path. False for any other call.
        /// </summary>
        public static bool IsResolution(IInvocationOperation invocation, out ITypeSymbol? service, out string label)
        {
            service = null;
            label = string.Empty;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "GetService":
                case "GetRequiredService":
                case "GetServices":
                case "GetKeyedService":
                case "GetRequiredKeyedService":
                case "GetKeyedServices":
                    break;
                default:
                    return false;
            }

            var type = method.ContainingType;
            if (type is null || !(IsDependencyInjectionType(type) || (type.Name == "IServiceProvider" && type.ContainingNamespace?.ToDisplayString() == "System")))
            {
                return false;
            }

            service = method.TypeArguments.Length == 1 ? method.TypeArguments[0] : FirstTypeOf(invocation);
            label = service is null ? method.Name : method.Name + "<" + service.Name + ">";
            return true;
        }

        public static ServiceRegistrations Read(IEnumerable<SemanticModel> models, CancellationToken cancellationToken)
        {
            var byService = new Dictionary<ITypeSymbol, List<Registration>>(SymbolEqualityComparer.Default);
            var all = new List<Registration>();
            foreach (var model in models)
            {
                var text = model.SyntaxTree.GetText(cancellationToken);
                if (!TextSearch.Contains(text, "Transient", StringComparison.Ordinal) &&
                    !TextSearch.Contains(text, "Scoped", StringComparison.Ordinal) &&
                    !TextSearch.Contains(text, "Singleton", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var node in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax call || LifetimeOf(MethodName(call)) is not { } lifetime ||
                        model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation ||
                        invocation.TargetMethod.ContainingType is not { } owner || !IsDependencyInjectionType(owner) ||
                        Describe(invocation, lifetime) is not { } registration)
                    {
                        continue;
                    }

                    if (!byService.TryGetValue(registration.Service, out var list))
                    {
                        list = new List<Registration>();
                        byService.Add(registration.Service, list);
                    }

                    list.Add(registration);
                    if (lifetime != ServiceLifetimes.Singleton)
                    {
                        all.Add(registration);
                    }
                }
            }

            return new ServiceRegistrations(byService, all);
        }

        private static Registration? Describe(IInvocationOperation invocation, string lifetime)
        {
            var method = invocation.TargetMethod;
            IOperation? factory = null;
            var types = new List<ITypeSymbol>(2);
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation or IDelegateCreationOperation)
                {
                    value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
                }

                switch (value)
                {
                    case IAnonymousFunctionOperation or IMethodReferenceOperation:
                        factory = value;
                        break;
                    case ITypeOfOperation typeOf:
                        types.Add(typeOf.TypeOperand);
                        break;
                }
            }

            foreach (var argument in method.TypeArguments)
            {
                types.Add(argument);
            }

            if (types.Count == 0)
            {
                return null;
            }

            // AddScoped<TService, TImplementation>(), AddScoped(typeof(TService), typeof(TImplementation)),
            // AddScoped<T>() (the service is its own implementation), AddScoped<TService>(factory).
            var implementation = factory is null ? types[types.Count - 1] as INamedTypeSymbol : null;
            return new Registration(types[0], lifetime, implementation, factory, NameToEnd(invocation.Syntax));
        }

        /// <summary>`services.AddScoped&lt;…&gt;(…)` from the method name on: a fluent chain's receiver is not the registration.</summary>
        private static Location NameToEnd(SyntaxNode call) =>
            call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                ? Location.Create(call.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(access.Name.SpanStart, call.Span.End))
                : call.GetLocation();

        private static string? LifetimeOf(string? methodName)
        {
            if (methodName is null)
            {
                return null;
            }

            // AddScoped, TryAddScoped, AddKeyedScoped, TryAddKeyedScoped, ServiceDescriptor.Scoped/KeyedScoped; the same for the others.
            foreach (var lifetime in new[] { ServiceLifetimes.Transient, ServiceLifetimes.Scoped, ServiceLifetimes.Singleton })
            {
                if (methodName.EndsWith(lifetime, StringComparison.Ordinal) &&
                    (methodName.Length == lifetime.Length || methodName.EndsWith("Add" + lifetime, StringComparison.Ordinal) || methodName.EndsWith("Keyed" + lifetime, StringComparison.Ordinal)))
                {
                    return lifetime;
                }
            }

            return null;
        }

        private static string? MethodName(InvocationExpressionSyntax call) => call.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private static ITypeSymbol? FirstTypeOf(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (TypeChecks.WithoutConversions(argument.Value) is ITypeOfOperation typeOf)
                {
                    return typeOf.TypeOperand;
                }
            }

            return null;
        }

        private static bool IsDependencyInjectionType(INamedTypeSymbol type)
        {
            var name = type.ContainingNamespace?.ToDisplayString();
            return name is not null && (name == DependencyInjectionNamespace || name.StartsWith(DependencyInjectionNamespace + ".", StringComparison.Ordinal));
        }
    }

    internal static class ServiceLifetimes
    {
        public const string Transient = "Transient";
        public const string Scoped = "Scoped";
        public const string Singleton = "Singleton";
    }

    /// <summary>One registration: the service, its lifetime, and how the container builds it (a type's constructor or a factory).</summary>
    internal sealed class Registration
    {
        public Registration(ITypeSymbol service, string lifetime, INamedTypeSymbol? implementation, IOperation? factory, Location location)
        {
            Service = service;
            Lifetime = lifetime;
            Implementation = implementation;
            Factory = factory;
            Location = location;
        }

        public ITypeSymbol Service { get; }

        public string Lifetime { get; }

        public INamedTypeSymbol? Implementation { get; }

        /// <summary>The factory lambda or method group, when the registration has one.</summary>
        public IOperation? Factory { get; }

        public Location Location { get; }

        public bool IsSingleton => Lifetime == ServiceLifetimes.Singleton;

        /// <summary>The message note: why the registration builds the work per invocation, and the fix.</summary>
        public string Note => Lifetime == ServiceLifetimes.Transient
            ? " (registered as transient: the container builds a new one every time it is resolved; register it as a singleton)"
            : " (registered as scoped: the container builds one per scope, and a scope is created per invocation or request; register it as a singleton)";
    }
}
