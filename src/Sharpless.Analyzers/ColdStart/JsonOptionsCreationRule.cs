using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>SLS4004: <c>new JsonSerializerOptions(...)</c> per invocation.</summary>
    internal sealed class JsonOptionsCreationRule : PerInvocationRule
    {
        private readonly INamedTypeSymbol _options;

        private JsonOptionsCreationRule(INamedTypeSymbol options)
            : base(ColdStartRules.JsonOptionsPerInvocation)
        {
            _options = options;
        }

        public static PerInvocationRule? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializerOptions") is { } options ? new JsonOptionsCreationRule(options) : null;

        public override string? Match(IOperation operation) =>
            TypeChecks.IsCreationOf(operation, _options, out var created) ? created.Name : null;
    }
}
