using Microsoft.CodeAnalysis;

namespace Sharpless.Functions
{
    /// <summary>Reads the project-wide facts the handlers depend on; cheap enough to run on every compilation.</summary>
    internal static class FunctionEnvironmentReader
    {
        public static FunctionEnvironment Read(Compilation compilation)
        {
            var hasLambdaContext = compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaContext) is not null;
            return new FunctionEnvironment(
                hasLambdaContext,
                HasRuntimeSupport: hasLambdaContext && compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaBootstrapBuilder) is not null,
                HasContainer: HasContainerPackage(compilation),
                IsExecutable: compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication,
                MainRequested: ReadMainRequest(compilation),
                AssemblyName: compilation.AssemblyName ?? string.Empty);
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
