using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>
    /// SLS5006 for the team's own list: <c>sharpless.per_invocation_types = Ns.Type, Ns.Other</c> in .editorconfig (a
    /// <c>[*.cs]</c> section, or a global config). Constructing a listed type, or a type derived from one, in
    /// per-invocation code is reported. A listed type another rule already reports (an AWS SDK client, HttpClient, a
    /// data source…) stays under that rule's ID, so the user list never doubles a finding or moves it to another ID.
    /// </summary>
    internal sealed class ListedTypeCreationRule : PerInvocationRule
    {
        /// <summary>The .editorconfig key (analyzer config keys compare case-insensitively).</summary>
        public const string OptionKey = "sharpless.per_invocation_types";

        private static readonly char[] Separators = { ',', ';', ' ', '\t' };

        private readonly INamedTypeSymbol[] _types;
        private readonly IReadOnlyList<PerInvocationRule> _otherRules;

        private ListedTypeCreationRule(INamedTypeSymbol[] types, IReadOnlyList<PerInvocationRule> otherRules)
            : base(ConnectionRules.ConnectionOwnerCreatedPerInvocation)
        {
            _types = types;
            _otherRules = otherRules;
        }

        /// <summary>Null when the option is absent or names no type the compilation has.</summary>
        public static PerInvocationRule? Create(Compilation compilation, AnalyzerOptions? options, IReadOnlyList<PerInvocationRule> otherRules)
        {
            if (options is null)
            {
                return null;
            }

            var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in ListedNames(compilation, options.AnalyzerConfigOptionsProvider))
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    types.Add(type);
                }
            }

            if (types.Count == 0)
            {
                return null;
            }

            var listed = new INamedTypeSymbol[types.Count];
            types.CopyTo(listed);
            return new ListedTypeCreationRule(listed, otherRules);
        }

        public override string? Match(IOperation operation)
        {
            foreach (var type in _types)
            {
                if (TypeChecks.IsCreationOf(operation, type, out var created))
                {
                    return IsReportedByAnotherRule(operation) ? null : created.Name;
                }
            }

            return null;
        }

        private bool IsReportedByAnotherRule(IOperation operation)
        {
            foreach (var rule in _otherRules)
            {
                if (rule.Match(operation) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The names in the global options and in every source file's options: the list is one per project, wherever
        /// the .editorconfig section that sets it applies.
        /// </summary>
        private static IEnumerable<string> ListedNames(Compilation compilation, AnalyzerConfigOptionsProvider provider)
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            if (provider.GlobalOptions.TryGetValue(OptionKey, out var global))
            {
                values.Add(global);
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (provider.GetOptions(tree).TryGetValue(OptionKey, out var value))
                {
                    values.Add(value);
                }
            }

            foreach (var value in values)
            {
                foreach (var part in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return part.Trim();
                }
            }
        }
    }
}
