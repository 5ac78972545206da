using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>SLS4006: <c>JsonConvert.SerializeObject</c>/<c>DeserializeObject</c>/… in per-invocation code.</summary>
    internal sealed class NewtonsoftJsonRule : PerInvocationRule
    {
        private readonly INamedTypeSymbol _jsonConvert;

        private NewtonsoftJsonRule(INamedTypeSymbol jsonConvert)
            : base(ColdStartRules.NewtonsoftJsonInHandler)
        {
            _jsonConvert = jsonConvert;
        }

        public override bool IsHoistable => false;

        public static PerInvocationRule? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert") is { } jsonConvert ? new NewtonsoftJsonRule(jsonConvert) : null;

        public override string? Match(IOperation operation) =>
            operation is IInvocationOperation { TargetMethod: { IsStatic: true } method } && TypeChecks.IsType(method.ContainingType, _jsonConvert)
                ? "JsonConvert." + method.Name
                : null;
    }
}
