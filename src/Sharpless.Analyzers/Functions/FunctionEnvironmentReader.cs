using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sharpless.Functions
{
    /// <summary>
    /// Reads the project-wide facts the handlers depend on; cheap enough to run on every compilation of a project that
    /// declares functions or routes (the generator does not call it otherwise).
    /// </summary>
    internal static class FunctionEnvironmentReader
    {
        public static FunctionEnvironment Read(Compilation compilation)
        {
            var hasLambdaContext = compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaContext) is not null;
            var hasRuntimeSupport = hasLambdaContext && compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaBootstrapBuilder) is not null;
            var isExecutable = compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication;
            var mainRequested = ReadMainRequest(compilation);
            return new FunctionEnvironment(
                hasLambdaContext,
                hasRuntimeSupport,
                HasContainer: HasContainerPackage(compilation),
                IsExecutable: isExecutable,
                MainRequested: mainRequested,
                // Only an executable that could get a generated Main needs to know whether it has one of its own.
                HasUserEntryPoint: hasRuntimeSupport && isExecutable && mainRequested is null && HasUserEntryPoint(compilation),
                AssemblyName: compilation.AssemblyName ?? string.Empty);
        }

        /// <summary>
        /// Top-level statements or a static <c>Main</c> in the project's own code (generated code is not in this
        /// compilation). Declarations only: top-level members, namespaces and types, never method bodies.
        /// </summary>
        internal static bool HasUserEntryPoint(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot() is CompilationUnitSyntax unit && DeclaresEntryPoint(unit.Members))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DeclaresEntryPoint(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case GlobalStatementSyntax:
                        return true;
                    case MethodDeclarationSyntax { Identifier.ValueText: "Main" } method when method.Modifiers.Any(SyntaxKind.StaticKeyword):
                        return true;
                    case BaseNamespaceDeclarationSyntax ns when DeclaresEntryPoint(ns.Members):
                        return true;
                    case TypeDeclarationSyntax type when DeclaresEntryPoint(type.Members):
                        return true;
                }
            }

            return false;
        }

        public static bool HasContainerPackage(Compilation compilation) =>
            compilation.GetTypeByMetadataName(FunctionTypeNames.ContainerBuilderExtensions) is not null &&
            compilation.GetTypeByMetadataName(FunctionTypeNames.ServiceCollectionInterface) is not null &&
            compilation.GetTypeByMetadataName(FunctionTypeNames.ServiceCollection) is not null;

        private static bool? ReadMainRequest(Compilation compilation)
        {
            var attributeType = compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaMainAttribute);
            if (attributeType is null)
            {
                return null;
            }

            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is bool generate ? generate : true;
                }
            }

            return null;
        }
    }
}
