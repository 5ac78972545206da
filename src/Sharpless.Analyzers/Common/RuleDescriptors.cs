using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sharpless.Common
{
    /// <summary>
    /// The one place descriptors are built: every rule gets its category, help link and tags the same way,
    /// and the help link always points at the rule's page under docs/rules.
    /// </summary>
    internal static class RuleDescriptors
    {
        public const string DocsBaseUri = "https://github.com/sharpless-dotnet/sharpless/blob/main/docs/rules/";

        public static string GetHelpUri(string id) => DocsBaseUri + id + ".md";

        public static DiagnosticDescriptor Create(
            string id,
            string category,
            DiagnosticSeverity severity,
            string title,
            string messageFormat,
            string description,
            bool isEnabledByDefault = true)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault,
                description,
                GetHelpUri(id));
        }

        /// <summary>
        /// The same rule, reported from a compilation-end action. Such diagnostics need the whole compilation (the
        /// IDE computes them in full-solution analysis and on build, not per keystroke), and Roslyn expects them tagged.
        /// </summary>
        public static DiagnosticDescriptor AsCompilationEnd(DiagnosticDescriptor descriptor)
        {
            var tags = new string[descriptor.CustomTags.Count() + 1];
            var i = 0;
            foreach (var tag in descriptor.CustomTags)
            {
                tags[i++] = tag;
            }

            tags[i] = WellKnownDiagnosticTags.CompilationEnd;
            return new DiagnosticDescriptor(
                descriptor.Id,
                descriptor.Title,
                descriptor.MessageFormat,
                descriptor.Category,
                descriptor.DefaultSeverity,
                descriptor.IsEnabledByDefault,
                descriptor.Description,
                descriptor.HelpLinkUri,
                tags);
        }
    }

    /// <summary>Diagnostic categories, one per domain (design.md: SLS1xxx…SLS6xxx).</summary>
    internal static class RuleCategories
    {
        public const string Functions = "Sharpless.Functions";
        public const string Http = "Sharpless.Http";
        public const string DynamoDB = "Sharpless.DynamoDB";
        public const string ColdStart = "Sharpless.ColdStart";
        public const string Connections = "Sharpless.Connections";
        public const string Networking = "Sharpless.Networking";
        public const string Events = "Sharpless.Events";
    }
}
