using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.Networking
{
    /// <summary>
    /// SLS6005: <c>RDSAuthTokenGenerator.GenerateAuthToken[Async]</c> (AWSSDK.RDS) in per-invocation code. A token lives
    /// 15 minutes; the Lambda-shaped answer is a pooled data source built once with a periodic password provider,
    /// whose factory lambda is deferred code and not reported.
    /// </summary>
    internal sealed class AuthTokenPerInvocationRule : PerInvocationRule
    {
        public const string GeneratorTypeName = "Amazon.RDS.Util.RDSAuthTokenGenerator";

        private readonly INamedTypeSymbol _generator;

        private AuthTokenPerInvocationRule(INamedTypeSymbol generator)
            : base(NetworkingRules.AuthTokenPerInvocation)
        {
            _generator = generator;
        }

        // A token in a field expires after 15 minutes; moving the call into a field would break every later invocation.
        public override bool IsHoistable => false;

        public static PerInvocationRule? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName(GeneratorTypeName) is { } generator ? new AuthTokenPerInvocationRule(generator) : null;

        public override string? Match(IOperation operation) =>
            operation is IInvocationOperation { TargetMethod: { Name: "GenerateAuthToken" or "GenerateAuthTokenAsync" } method } &&
            SymbolEqualityComparer.Default.Equals(method.ContainingType, _generator)
                ? _generator.Name + "." + method.Name
                : null;
    }
}
