using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.ColdStart;
using Sharpless.Connections;
using Sharpless.Networking;

namespace Sharpless.Common
{
    /// <summary>The rules <see cref="PerInvocationWorkAnalyzer"/> runs. A rule whose types the compilation lacks is left out.</summary>
    internal static class PerInvocationRuleCatalog
    {
        private static readonly Func<Compilation, PerInvocationRule?>[] Factories =
        {
            AwsClientCreationRule.Create,
            HttpClientCreationRule.Create,
            ConnectionPoolCreationRule.Create,
            UnpooledConnectionRule.Create,
            DynamoDBContextCreationRule.Create,
            ConnectionOwnerCreationRule.Create,
            SocketConnectRule.Create,
            JsonOptionsCreationRule.Create,
            NewtonsoftJsonRule.Create,
            HostBuildRule.Create,
            ReflectionScanRule.Create,
            RegexCreationRule.Create,
            DirectDatabaseEndpointRule.Create,
            AuthTokenPerInvocationRule.Create,
        };

        public static IEnumerable<DiagnosticDescriptor> Descriptors
        {
            get
            {
                foreach (var descriptor in ConnectionRules.PerInvocation)
                {
                    yield return descriptor;
                }

                foreach (var descriptor in ColdStartRules.PerInvocation)
                {
                    yield return descriptor;
                }

                foreach (var descriptor in NetworkingRules.PerInvocation)
                {
                    yield return descriptor;
                }
            }
        }

        /// <param name="options">Where the team's own list of per-invocation types is read (SLS5006, <see cref="ListedTypeCreationRule"/>).</param>
        public static IReadOnlyList<PerInvocationRule> Create(Compilation compilation, AnalyzerOptions? options = null)
        {
            var rules = new List<PerInvocationRule>(Factories.Length);
            foreach (var factory in Factories)
            {
                if (factory(compilation) is { } rule)
                {
                    rules.Add(rule);
                }
            }

            // Last: it defers to every rule above for the types they already report.
            if (ListedTypeCreationRule.Create(compilation, options, rules.ToArray()) is { } listed)
            {
                rules.Add(listed);
            }

            return rules;
        }
    }
}
