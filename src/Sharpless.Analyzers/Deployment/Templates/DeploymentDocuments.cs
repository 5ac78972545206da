using System;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// The deployment files of a project (its AdditionalFiles named like <see cref="DeploymentFiles"/>' list), read
    /// into models, plus one error per file that could not be read so an analyzer can say so once.
    /// </summary>
    internal sealed class DeploymentDocuments
    {
        /// <summary>
        /// Each file is parsed once per text, however many analyzers ask in a compilation (and across compilations
        /// while the IDE keeps the same text). Entries live as long as their SourceText.
        /// </summary>
        private static readonly ConditionalWeakTable<SourceText, DeploymentFile> Cache = new();

        public static readonly DeploymentDocuments Empty = new(
            ImmutableArray<DeploymentTemplate>.Empty,
            ImmutableArray<ToolsDefaults>.Empty,
            ImmutableArray<DeploymentFileError>.Empty);

        private DeploymentDocuments(
            ImmutableArray<DeploymentTemplate> templates,
            ImmutableArray<ToolsDefaults> toolsDefaults,
            ImmutableArray<DeploymentFileError> errors)
        {
            Templates = templates;
            ToolsDefaults = toolsDefaults;
            Errors = errors;
        }

        public ImmutableArray<DeploymentTemplate> Templates { get; }

        public ImmutableArray<ToolsDefaults> ToolsDefaults { get; }

        /// <summary>Files that are deployment files by name but could not be read (syntax, not a mapping, binary).</summary>
        public ImmutableArray<DeploymentFileError> Errors { get; }

        public static DeploymentDocuments Read(AnalyzerOptions options, CancellationToken cancellationToken) =>
            Read(options.AdditionalFiles, cancellationToken);

        public static DeploymentDocuments Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            if (files.IsDefaultOrEmpty)
            {
                return Empty;
            }

            var templates = ImmutableArray.CreateBuilder<DeploymentTemplate>();
            var toolsDefaults = ImmutableArray.CreateBuilder<ToolsDefaults>();
            var errors = ImmutableArray.CreateBuilder<DeploymentFileError>();
            foreach (var file in files)
            {
                var path = file.Path;
                if (!IsDeploymentFile(path))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text is null)
                {
                    continue;
                }

                var read = ReadFile(path, text, cancellationToken);
                if (read.Template is not null)
                {
                    templates.Add(read.Template);
                }
                else if (read.ToolsDefaults is not null)
                {
                    toolsDefaults.Add(read.ToolsDefaults);
                }
                else if (read.Error is not null)
                {
                    errors.Add(read.Error);
                }
            }

            return templates.Count + toolsDefaults.Count + errors.Count == 0
                ? Empty
                : new DeploymentDocuments(templates.ToImmutable(), toolsDefaults.ToImmutable(), errors.ToImmutable());
        }

        /// <summary>Reads one deployment file (cached per text). The kind follows the file name.</summary>
        public static DeploymentFile ReadFile(string path, SourceText text, CancellationToken cancellationToken)
        {
            var file = Cache.GetValue(text, t => ReadUncached(path, t, cancellationToken));
            // The cache is keyed by text; a second path sharing a text instance (never seen in practice) is read anew.
            return string.Equals(file.Path, path, StringComparison.Ordinal) ? file : ReadUncached(path, text, cancellationToken);
        }

        private static DeploymentFile ReadUncached(string path, SourceText text, CancellationToken cancellationToken)
        {
            var isToolsDefaults = IsToolsDefaults(path);
            // serverless.template and template.json are JSON; YAML would read JSON too, but the JSON reader also takes
            // comments and trailing commas and says more precisely what is wrong.
            var parsed = isToolsDefaults || StartsLikeJson(text)
                ? LenientJsonParser.Parse(text, cancellationToken)
                : CloudFormationYamlParser.Parse(text, cancellationToken);
            if (parsed.Root is null)
            {
                return DeploymentFile.Failed(path, parsed.Error!);
            }

            if (parsed.Root is not TemplateMapping root)
            {
                var message = isToolsDefaults
                    ? "aws-lambda-tools-defaults.json must hold a JSON object."
                    : "A template's top level must be a mapping of sections (Resources, Parameters, ...).";
                return DeploymentFile.Failed(path, new TemplateParseError(message, parsed.Root.Span, parsed.Root.LineSpan));
            }

            return isToolsDefaults
                ? DeploymentFile.ForToolsDefaults(new ToolsDefaults(path, root))
                : DeploymentFile.ForTemplate(DeploymentTemplateReader.Read(path, root, cancellationToken));
        }

        private static bool IsDeploymentFile(string? path)
        {
            try
            {
                return path is not null && DeploymentFiles.IsDeploymentFile(path);
            }
            catch (ArgumentException)
            {
                // Path.GetFileName rejects characters some hosts allow in paths.
                return false;
            }
        }

        private static bool IsToolsDefaults(string path)
        {
            try
            {
                return string.Equals(Path.GetFileName(path), "aws-lambda-tools-defaults.json", StringComparison.OrdinalIgnoreCase);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        /// <summary>JSON when the first character after white space opens an object or a comment.</summary>
        private static bool StartsLikeJson(SourceText text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\uFEFF' || char.IsWhiteSpace(c))
                {
                    continue;
                }

                return c == '{' || c == '/';
            }

            return false;
        }
    }

    /// <summary>One deployment file's outcome: a template, tools defaults, or an error.</summary>
    internal sealed class DeploymentFile
    {
        private DeploymentFile(string path, DeploymentTemplate? template, ToolsDefaults? toolsDefaults, DeploymentFileError? error)
        {
            Path = path;
            Template = template;
            ToolsDefaults = toolsDefaults;
            Error = error;
        }

        public string Path { get; }

        public DeploymentTemplate? Template { get; }

        public ToolsDefaults? ToolsDefaults { get; }

        public DeploymentFileError? Error { get; }

        internal static DeploymentFile ForTemplate(DeploymentTemplate template) => new(template.Path, template, null, null);

        internal static DeploymentFile ForToolsDefaults(ToolsDefaults toolsDefaults) => new(toolsDefaults.Path, null, toolsDefaults, null);

        internal static DeploymentFile Failed(string path, TemplateParseError error) => new(path, null, null, new DeploymentFileError(path, error));
    }

    /// <summary>A deployment file that could not be read: which, why, where.</summary>
    internal sealed class DeploymentFileError
    {
        internal DeploymentFileError(string path, TemplateParseError error)
        {
            Path = path;
            Message = error.Message;
            Span = error.Span;
            LineSpan = error.LineSpan;
        }

        public string Path { get; }

        public string Message { get; }

        public TextSpan Span { get; }

        public LinePositionSpan LineSpan { get; }

        public Location Location => Location.Create(Path, Span, LineSpan);

        public override string ToString() => $"{Path}({LineSpan.Start.Line + 1},{LineSpan.Start.Character + 1}): {Message}";
    }
}
