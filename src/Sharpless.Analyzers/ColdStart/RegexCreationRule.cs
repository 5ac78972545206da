using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>SLS4009: <c>new Regex(...)</c> per invocation. The static <c>Regex.IsMatch(input, pattern)</c> helpers
    /// use the runtime's regex cache and are not reported.</summary>
    internal sealed class RegexCreationRule : PerInvocationRule
    {
        private readonly INamedTypeSymbol _regex;

        private RegexCreationRule(INamedTypeSymbol regex)
            : base(ColdStartRules.RegexPerInvocation)
        {
            _regex = regex;
        }

        public static PerInvocationRule? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName("System.Text.RegularExpressions.Regex") is { } regex ? new RegexCreationRule(regex) : null;

        public override string? Match(IOperation operation) =>
            TypeChecks.IsCreationOf(operation, _regex, out var created) ? created.Name : null;
    }
}
