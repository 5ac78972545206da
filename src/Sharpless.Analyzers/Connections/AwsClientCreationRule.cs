using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>
    /// SLS5001: an AWS SDK service client (any <c>Amazon.Runtime.AmazonServiceClient</c>) created directly, or through a
    /// library factory named <c>Create…</c> that returns a client (<c>AWSOptions.CreateServiceClient&lt;T&gt;()</c>,
    /// <c>ActivatorUtilities.CreateInstance</c>). Resolving a client from a container (<c>GetService</c>) is not creation.
    /// </summary>
    internal sealed class AwsClientCreationRule : PerInvocationRule
    {
        private readonly INamedTypeSymbol _serviceClient;
        private readonly INamedTypeSymbol? _service;
        private readonly IAssemblySymbol _assembly;

        private AwsClientCreationRule(INamedTypeSymbol serviceClient, INamedTypeSymbol? service, IAssemblySymbol assembly)
            : base(ConnectionRules.AwsClientCreatedPerInvocation)
        {
            _serviceClient = serviceClient;
            _service = service;
            _assembly = assembly;
        }

        public static PerInvocationRule? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName("Amazon.Runtime.AmazonServiceClient") is { } serviceClient
                ? new AwsClientCreationRule(serviceClient, compilation.GetTypeByMetadataName("Amazon.Runtime.IAmazonService"), compilation.Assembly)
                : null;

        public override bool IsCreationOf(ITypeSymbol type) => TypeChecks.IsOrDerivesFrom(type, _serviceClient);

        public override string? Match(IOperation operation)
        {
            if (TypeChecks.IsCreationOf(operation, _serviceClient, out var created))
            {
                return created.Name;
            }

            // Factories in this compilation are followed by the call graph and reported where they create the client.
            if (operation is IInvocationOperation invocation &&
                invocation.TargetMethod.Name.StartsWith("Create", System.StringComparison.Ordinal) &&
                !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingAssembly, _assembly) &&
                invocation.Type is { } returned &&
                (TypeChecks.IsOrDerivesFrom(returned, _serviceClient) || (returned.TypeKind == TypeKind.Interface && TypeChecks.Implements(returned, _service))))
            {
                return returned.Name;
            }

            return null;
        }
    }
}
