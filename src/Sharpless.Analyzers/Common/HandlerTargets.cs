using System;
using Microsoft.CodeAnalysis;

namespace Sharpless.Common
{
    /// <summary>
    /// The user code a handler string runs. A Sharpless-generated handler (<c>Ns.Orders_Create_Handler::Handle</c>)
    /// stands for the user's class <c>Ns.Orders</c> and its function <c>Create</c>, whether or not the generated type is
    /// in the compilation yet (the generator may not have run, or the code is half-typed).
    /// </summary>
    internal static class HandlerTargets
    {
        private const string GeneratedSuffix = "_Handler";

        /// <summary>The user's type the handler string runs (its constructors are the function's INIT), or null.</summary>
        public static INamedTypeSymbol? FindType(Compilation compilation, string typeName) =>
            Find(compilation, typeName, out _);

        /// <summary>
        /// The user's type and, for a generated handler, the name of the function (<c>[LambdaFunction]</c> name) it runs.
        /// </summary>
        public static INamedTypeSymbol? Find(Compilation compilation, string typeName, out string? generatedFunction)
        {
            generatedFunction = null;
            var type = compilation.Assembly.GetTypeByMetadataName(typeName);
            if (!typeName.EndsWith(GeneratedSuffix, StringComparison.Ordinal))
            {
                return type;
            }

            // `Ns.Orders_Create_Handler` is generated for `Ns.Orders`; a class name may itself contain underscores.
            var lastDot = typeName.LastIndexOf('.');
            var name = typeName.Substring(lastDot + 1);
            var ns = typeName.Substring(0, lastDot + 1);
            var end = name.Length - GeneratedSuffix.Length;
            for (var cut = end <= 0 ? -1 : name.LastIndexOf('_', end - 1); cut > 0; cut = name.LastIndexOf('_', cut - 1))
            {
                if (compilation.Assembly.GetTypeByMetadataName(ns + name.Substring(0, cut)) is { } userType)
                {
                    generatedFunction = name.Substring(cut + 1, end - cut - 1);
                    return userType;
                }
            }

            return type;
        }

        /// <summary>The method a handler string names on a type or, as the runtime looks, on its base types.</summary>
        public static IMethodSymbol? FindMethod(INamedTypeSymbol type, string methodName)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(methodName))
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                    {
                        return method;
                    }
                }
            }

            return null;
        }
    }
}
