using System;
using System.IO;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment
{
    /// <summary>The template a project's functions are written into, and in which syntax.</summary>
    internal sealed record TemplateLocation(string Path, TemplateFormat Format);

    /// <summary>
    /// Chooses the template: the path the project sets (<c>SharplessTemplatePath</c>); else the one
    /// <c>aws-lambda-tools-defaults.json</c> names (<c>"template"</c>), which is what <c>dotnet lambda deploy-serverless</c>
    /// deploys; else the first of <c>template.yaml</c>, <c>template.yml</c>, <c>serverless.template</c>,
    /// <c>template.json</c> in the project folder; else a new one, <c>serverless.template</c> for a project set up for
    /// the AWS Lambda tooling (it has the tools-defaults file) and <c>template.yaml</c>, SAM's name, otherwise.
    /// </summary>
    internal static class TemplateLocator
    {
        public const string ToolsDefaultsFileName = "aws-lambda-tools-defaults.json";

        private static readonly string[] Conventional = { "template.yaml", "template.yml", "serverless.template", "template.json" };

        public static TemplateLocation Locate(string projectDirectory, string? configuredPath)
        {
            if (!string.IsNullOrWhiteSpace(configuredPath))
            {
                var path = Path.GetFullPath(Path.Combine(projectDirectory, configuredPath!.Trim()));
                return new TemplateLocation(path, FormatOf(path));
            }

            var toolsDefaults = Path.Combine(projectDirectory, ToolsDefaultsFileName);
            var named = File.Exists(toolsDefaults) ? TemplateNamedBy(File.ReadAllText(toolsDefaults)) : null;
            if (named is not null)
            {
                var path = Path.GetFullPath(Path.Combine(projectDirectory, named));
                return new TemplateLocation(path, FormatOf(path));
            }

            foreach (var name in Conventional)
            {
                var path = Path.Combine(projectDirectory, name);
                if (File.Exists(path))
                {
                    return new TemplateLocation(Path.GetFullPath(path), FormatOf(path));
                }
            }

            var fresh = Path.GetFullPath(Path.Combine(projectDirectory, File.Exists(toolsDefaults) ? "serverless.template" : "template.yaml"));
            return new TemplateLocation(fresh, FormatOf(fresh));
        }

        /// <summary>The <c>"template"</c> of a tools-defaults file, or null (missing, not a string, or unreadable JSON).</summary>
        internal static string? TemplateNamedBy(string toolsDefaultsJson)
        {
            var parsed = LenientJsonParser.Parse(toolsDefaultsJson);
            return parsed.Root is TemplateMapping root && root.GetScalar("template") is { IsNull: false } template &&
                template.Value.Trim().Length > 0
                ? template.Value.Trim()
                : null;
        }

        /// <summary>
        /// JSON for <c>.json</c> and <c>.template</c> (the AWS tooling's JSON name); YAML for <c>.yaml</c>/<c>.yml</c>;
        /// otherwise an existing file's first character decides, and a new one is YAML.
        /// </summary>
        internal static TemplateFormat FormatOf(string path)
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension == ".json" || extension == ".template")
            {
                return TemplateFormat.Json;
            }

            if (extension == ".yaml" || extension == ".yml" || !File.Exists(path))
            {
                return TemplateFormat.Yaml;
            }

            foreach (var c in File.ReadAllText(path))
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    return c == '{' ? TemplateFormat.Json : TemplateFormat.Yaml;
                }
            }

            return TemplateFormat.Yaml;
        }

        /// <summary>The project folder as the template's <c>CodeUri</c>: relative to the template, with forward slashes.</summary>
        public static string CodeUriFor(string templatePath, string projectDirectory)
        {
            var templateDirectory = Path.GetDirectoryName(Path.GetFullPath(templatePath))!;
            var relative = Path.GetRelativePath(templateDirectory, Path.GetFullPath(projectDirectory)).Replace('\\', '/');
            if (relative == ".")
            {
                return "./";
            }

            return relative.EndsWith("/", StringComparison.Ordinal) ? relative : relative + "/";
        }
    }
}
