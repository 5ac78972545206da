using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>SLS5005: <c>new DynamoDBContext(...)</c> or <c>DynamoDBContextBuilder.Build()</c>.</summary>
    internal sealed class DynamoDBContextCreationRule : PerInvocationRule
    {
        private readonly INamedTypeSymbol _context;
        private readonly INamedTypeSymbol? _builder;

        private DynamoDBContextCreationRule(INamedTypeSymbol context, INamedTypeSymbol? builder)
            : base(ConnectionRules.DynamoDBContextCreatedPerInvocation)
        {
            _context = context;
            _builder = builder;
        }

        public static PerInvocationRule? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName("Amazon.DynamoDBv2.DataModel.DynamoDBContext") is { } context
                ? new DynamoDBContextCreationRule(context, compilation.GetTypeByMetadataName("Amazon.DynamoDBv2.DataModel.DynamoDBContextBuilder"))
                : null;

        public override string? Match(IOperation operation) =>
            TypeChecks.IsCreationOf(operation, _context, out var created) ? created.Name
            : TypeChecks.IsCallTo(operation, _builder, "Build") ? "DynamoDBContext"
            : null;
    }
}
