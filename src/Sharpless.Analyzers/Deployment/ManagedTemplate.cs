using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Functions;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment
{
    /// <summary>
    /// The SAM template that Sharpless's template writer keeps in step with the code ("the managed template"), and
    /// whether the writer runs in this build. The package targets set <c>SharplessWriteTemplate</c> (true locally,
    /// false in CI or when the project opts out) and may name the file with <c>SharplessTemplateFile</c>.
    /// </summary>
    internal static class ManagedTemplate
    {
        public const string WriteTemplateProperty = "build_property.SharplessWriteTemplate";
        public const string TemplateFileProperty = "build_property.SharplessTemplateFile";
        private const string ProjectDirProperty = "build_property.ProjectDir";
        private const string ToolsDefaultsName = "aws-lambda-tools-defaults.json";

        /// <summary>Template names the writer looks for when nothing names one, in order of preference.</summary>
        private static readonly string[] TemplateNames = { "template.yaml", "template.yml", "serverless.template", "template.json" };

        /// <summary>Whether the writer updates the template in this build (then the template cannot drift).</summary>
        public static bool IsWritten(AnalyzerOptions options) =>
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(WriteTemplateProperty, out var value) &&
            string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The managed template, read; null when the project has none (a CDK project, say) or it cannot be read
        /// (SLS6006 says why). <c>SharplessTemplateFile</c> first, then the tools defaults' <c>template</c>, then the
        /// conventional names, preferring the tools defaults' folder (else the project's) when several are present.
        /// </summary>
        public static DeploymentTemplate? Find(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var files = options.AdditionalFiles;
            if (files.IsDefaultOrEmpty)
            {
                return null;
            }

            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var projectFolder = Folder(global.TryGetValue(ProjectDirProperty, out var dir) ? dir : null);
            if (global.TryGetValue(TemplateFileProperty, out var named) && !string.IsNullOrWhiteSpace(named))
            {
                // Relative to the project folder, as the package targets and the writer take it (not to the compiler's
                // working directory).
                return Read(FindByPath(files, Combine(projectFolder, named.Trim())), cancellationToken);
            }

            var tools = FindByName(files, ToolsDefaultsName, preferredFolder: projectFolder);
            var preferredFolder = tools is null ? projectFolder : Folder(tools.Path);
            if (tools is not null && tools.GetText(cancellationToken) is { } toolsText &&
                DeploymentDocuments.ReadFile(tools.Path, toolsText, cancellationToken).ToolsDefaults is { Template: { } relative } &&
                relative.Trim().Length > 0)
            {
                return Read(FindByPath(files, Combine(preferredFolder, relative.Trim())), cancellationToken);
            }

            foreach (var name in TemplateNames)
            {
                if (preferredFolder is not null && FindByName(files, name, preferredFolder) is { } nearby && SameText(Folder(nearby.Path), preferredFolder))
                {
                    return Read(nearby, cancellationToken);
                }
            }

            foreach (var name in TemplateNames)
            {
                if (FindByName(files, name, preferredFolder: null) is { } anywhere)
                {
                    return Read(anywhere, cancellationToken);
                }
            }

            return null;
        }

        private static DeploymentTemplate? Read(AdditionalText? file, CancellationToken cancellationToken) =>
            file?.Path is { } path && file.GetText(cancellationToken) is { } text
                ? DeploymentDocuments.ReadFile(path, text, cancellationToken).Template
                : null;

        /// <summary>The file at <paramref name="path"/>, comparing normalised full paths without case.</summary>
        private static AdditionalText? FindByPath(ImmutableArray<AdditionalText> files, string? path)
        {
            if (path is null)
            {
                return null;
            }

            var wanted = Normalize(path);
            foreach (var file in files)
            {
                if (file.Path is { } candidate && SameText(Normalize(candidate), wanted))
                {
                    return file;
                }
            }

            return null;
        }

        /// <summary>The first file with this name, one in <paramref name="preferredFolder"/> first.</summary>
        private static AdditionalText? FindByName(ImmutableArray<AdditionalText> files, string name, string? preferredFolder)
        {
            AdditionalText? first = null;
            foreach (var file in files)
            {
                if (file.Path is not { } path || !SameText(FileName(path), name))
                {
                    continue;
                }

                if (preferredFolder is null || SameText(Folder(path), preferredFolder))
                {
                    return file;
                }

                first ??= file;
            }

            return first;
        }

        private static bool SameText(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private static string Normalize(string path)
        {
            var unified = path.Replace('\\', '/');
            try
            {
                // Resolves `a/../b` and `./`; a path the platform rejects is compared as written.
                unified = Path.GetFullPath(unified).Replace('\\', '/');
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
            {
            }

            return unified.TrimEnd('/');
        }

        private static string FileName(string path)
        {
            var normalized = path.Replace('\\', '/');
            return normalized.Substring(normalized.LastIndexOf('/') + 1);
        }

        /// <summary>The folder of a file path or a folder path (<c>ProjectDir</c> ends with a separator), normalised.</summary>
        private static string? Folder(string? path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return null;
            }

            var normalized = path!.Trim().Replace('\\', '/');
            if (normalized.EndsWith("/", StringComparison.Ordinal))
            {
                return Normalize(normalized);
            }

            var slash = normalized.LastIndexOf('/');
            return slash < 0 ? string.Empty : Normalize(normalized.Substring(0, slash + 1));
        }

        private static string? Combine(string? folder, string relative)
        {
            var unified = relative.Replace('\\', '/');
            if (unified.StartsWith("/", StringComparison.Ordinal) || (unified.Length > 1 && unified[1] == ':') || string.IsNullOrEmpty(folder))
            {
                return unified;
            }

            return folder + "/" + unified;
        }
    }
}
