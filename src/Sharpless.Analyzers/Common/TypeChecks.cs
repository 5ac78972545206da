using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Common
{
    /// <summary>Small symbol questions several rules ask.</summary>
    internal static class TypeChecks
    {
        public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? @interface)
        {
            if (type is null || @interface is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, @interface))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, @interface))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsType(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

        /// <summary>A call to <paramref name="type"/>'s method named <paramref name="name"/> (static or instance).</summary>
        public static bool IsCallTo(IOperation operation, INamedTypeSymbol? type, string name) =>
            operation is IInvocationOperation invocation &&
            invocation.TargetMethod.Name == name &&
            IsType(invocation.TargetMethod.ContainingType, type);

        /// <summary>An object creation of <paramref name="type"/> or a type derived from it.</summary>
        public static bool IsCreationOf(IOperation operation, INamedTypeSymbol? type, out INamedTypeSymbol created)
        {
            if (operation is IObjectCreationOperation { Type: INamedTypeSymbol named } && IsOrDerivesFrom(named, type))
            {
                created = named;
                return true;
            }

            created = null!;
            return false;
        }
    
        /// <summary>The operation without the implicit and explicit conversions around it.</summary>
        public static IOperation WithoutConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>The body or initializer the operation belongs to (the top of its operation tree).</summary>
        public static IOperation Root(IOperation operation)
        {
            while (operation.Parent is not null)
            {
                operation = operation.Parent;
            }

            return operation;
        }
    }
}
