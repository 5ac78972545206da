using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Functions
{
    /// <summary>
    /// Reads a source-generated JsonSerializerContext: its <c>[JsonSerializable]</c> types and everything they reach
    /// through public properties, fields, element types and type arguments, which is what the System.Text.Json
    /// generator also emits metadata for. Over-approximating is deliberate: a type wrongly counted as present fails
    /// at run time with a clear message, but a type wrongly counted as missing would be a false compile error.
    /// </summary>
    internal static class JsonContextReader
    {
        // A bound on the reachable-type walk, so a pathological model cannot stall the IDE.
        private const int MaxTypes = 4000;

        /// <summary>
        /// The context's model, or null when the type is not a JsonSerializerContext, and how many types it registers
        /// itself. Read through <see cref="CompilationFacts.JsonContext"/>, which reads each context once per compilation.
        /// </summary>
        public static JsonContextModel? Read(INamedTypeSymbol type, out int registrations, CancellationToken cancellationToken)
        {
            registrations = 0;
            if (!IsContext(type))
            {
                return null;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var attribute in type.GetAttributes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (attribute.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonSerializableAttribute" &&
                    attribute.ConstructorArguments.Length == 1 &&
                    attribute.ConstructorArguments[0].Value is ITypeSymbol registered)
                {
                    AddReachable(registered, seen, visited);
                    registrations++;
                }
            }

            return new JsonContextModel(TypeNames.Of(type), seen.OrderBy(t => t, StringComparer.Ordinal).ToEquatableArray());
        }

        public static bool IsContext(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class)
            {
                return false;
            }

            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == FunctionTypeNames.JsonSerializerContext)
                {
                    return true;
                }
            }

            return false;
        }

        private static void AddReachable(ITypeSymbol root, HashSet<string> seen, HashSet<ITypeSymbol> visited)
        {
            var pending = new Stack<ITypeSymbol>();
            pending.Push(root);
            while (pending.Count > 0 && seen.Count < MaxTypes)
            {
                var type = pending.Pop();
                if (type.TypeKind is TypeKind.Error or TypeKind.TypeParameter || !visited.Add(type))
                {
                    continue;
                }

                seen.Add(TypeNames.Of(type));
                if (type is IArrayTypeSymbol array)
                {
                    pending.Push(array.ElementType);
                    continue;
                }

                if (type is not INamedTypeSymbol named)
                {
                    continue;
                }

                foreach (var argument in named.TypeArguments)
                {
                    pending.Push(argument);
                }

                if (IsFrameworkType(named))
                {
                    continue;
                }

                for (var current = named; current is not null && !IsFrameworkType(current); current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                        {
                            continue;
                        }

                        if (member is IPropertySymbol { IsIndexer: false } property)
                        {
                            pending.Push(property.Type);
                        }
                        else if (member is IFieldSymbol field)
                        {
                            pending.Push(field.Type);
                        }
                    }
                }
            }
        }

        // The System.Text.Json generator uses built-in converters for framework types and does not walk their members.
        private static bool IsFrameworkType(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace;
            while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns?.Name is "System" or "Microsoft";
        }
    }
}
