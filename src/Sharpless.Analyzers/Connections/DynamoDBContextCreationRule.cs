using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>SLS5005: <c>new DynamoDBContext(...)</c> or <c>DynamoDBContextBuilder.Build()</c>.</summary>
    internal sealed class DynamoDBContextCreationRule : PerInvocationRule
    {
        private readonly INamedTypeSymbol _context;
        private readonly INamedTypeSymbol? _builder;
        private readonly INamedTypeSymbol? _builderInterface;

        private DynamoDBContextCreationRule(INamedTypeSymbol context, Compilation compilation)
            : base(ConnectionRules.DynamoDBContextCreatedPerInvocation)
        {
            _context = context;
            _builder = compilation.GetTypeByMetadataName("Amazon.DynamoDBv2.DataModel.DynamoDBContextBuilder");
            _builderInterface = compilation.GetTypeByMetadataName("Amazon.DynamoDBv2.DataModel.IDynamoDBContextBuilder");
        }

        public static PerInvocationRule? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName("Amazon.DynamoDBv2.DataModel.DynamoDBContext") is { } context
                ? new DynamoDBContextCreationRule(context, compilation)
                : null;

        public override bool IsCreationOf(ITypeSymbol type) => TypeChecks.IsOrDerivesFrom(type, _context);

        // The builder's fluent methods return IDynamoDBContextBuilder, so Build is called on the class or the interface.
        public override string? Match(IOperation operation) =>
            TypeChecks.IsCreationOf(operation, _context, out var created) ? created.Name
            : TypeChecks.IsCallTo(operation, _builder, "Build") || TypeChecks.IsCallTo(operation, _builderInterface, "Build") ? "DynamoDBContext"
            : null;
    }
}
