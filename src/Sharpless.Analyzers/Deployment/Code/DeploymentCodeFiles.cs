using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Sharpless.Common;

namespace Sharpless.Deployment.Code
{
    /// <summary>
    /// Deployment code outside the project that names its handlers: CDK apps, Pulumi programs, Terraform and
    /// Serverless Framework services, added as AdditionalFiles by buildTransitive/Sharpless.targets (docs/handlers.md,
    /// "Handler strings in deployment code"). A file counts by name and place, never by content:
    /// <list type="bullet">
    /// <item><c>*.tf</c> (Terraform), <c>serverless.yml</c>/<c>serverless.yaml</c>, <c>Pulumi.yaml</c>/<c>Pulumi.yml</c>
    /// (a Pulumi YAML program), wherever they are;</item>
    /// <item>program sources (<c>.cs .ts .js .mjs .cjs .py .go</c>) only under the folder of a <c>cdk.json</c> or
    /// <c>Pulumi.yaml</c> that is an AdditionalFile too, so a .cs or .ts file added for another tool is never read.</item>
    /// </list>
    /// These are not templates: the template readers (<see cref="Templates.DeploymentDocuments"/>) go by
    /// <see cref="DeploymentFiles.IsDeploymentFile"/>, which none of these names match.
    /// </summary>
    internal static class DeploymentCodeFiles
    {
        /// <summary>Files longer than this (in characters, about 1 MB) are skipped: generated bundles, not stacks.</summary>
        public const int MaxFileLength = 1_000_000;

        private static readonly string[] ProgramExtensions = { ".cs", ".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".py", ".go" };

        /// <summary>The scan of a text, kept as long as the text (the IDE keeps the same text across compilations).</summary>
        private static readonly ConditionalWeakTable<SourceText, HandlerString[]> Cache = new();

        public static List<HandlerString> ReadHandlerStrings(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            var result = new List<HandlerString>();
            if (files.IsDefaultOrEmpty)
            {
                return result;
            }

            var appFolders = AppFolders(files);
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!IsDeploymentCode(SafePath(file), appFolders))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text is null || text.Length > MaxFileLength)
                {
                    continue;
                }

                result.AddRange(Cache.GetValue(text, t => HandlerStringScanner.Scan(t.ToString()).ToArray()));
            }

            return result;
        }

        /// <summary>Whether <paramref name="path"/> is deployment code, given the CDK/Pulumi app folders of the project.</summary>
        public static bool IsDeploymentCode(string? path, IReadOnlyList<string> appFolders)
        {
            if (path is null || path.Length == 0)
            {
                return false;
            }

            var normalized = Normalize(path);
            var slash = normalized.LastIndexOf('/');
            var name = slash >= 0 ? normalized.Substring(slash + 1) : normalized;
            if (name.EndsWith(".tf", StringComparison.OrdinalIgnoreCase) ||
                IsName(name, "serverless.yml") || IsName(name, "serverless.yaml") ||
                IsName(name, "Pulumi.yaml") || IsName(name, "Pulumi.yml"))
            {
                return true;
            }

            if (!HasProgramExtension(name) || name.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var folder in appFolders)
            {
                if (normalized.StartsWith(folder, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Folders (normalized, ending in '/') holding a cdk.json or Pulumi.yaml among the files.</summary>
        public static List<string> AppFolders(ImmutableArray<AdditionalText> files)
        {
            var folders = new List<string>();
            foreach (var file in files)
            {
                var path = SafePath(file);
                if (path is null)
                {
                    continue;
                }

                var normalized = Normalize(path);
                var slash = normalized.LastIndexOf('/');
                if (slash < 0)
                {
                    continue;
                }

                var name = normalized.Substring(slash + 1);
                if (IsName(name, "cdk.json") || IsName(name, "Pulumi.yaml") || IsName(name, "Pulumi.yml"))
                {
                    folders.Add(normalized.Substring(0, slash + 1));
                }
            }

            return folders;
        }

        private static bool HasProgramExtension(string name)
        {
            foreach (var extension in ProgramExtensions)
            {
                if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsName(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

        private static string Normalize(string path) => path.Replace('\\', '/');

        private static string? SafePath(AdditionalText file)
        {
            try
            {
                return file.Path;
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or NotSupportedException)
            {
                // A host's AdditionalText may reject odd paths; such a file is simply not deployment code.
                return null;
            }
        }
    }
}
