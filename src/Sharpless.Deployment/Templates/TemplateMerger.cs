using System;
using System.Collections.Generic;
using System.Linq;
using Sharpless.Deployment.Templates;
using Sharpless.Deployment.Manifest;

namespace Sharpless.Deployment.Templates
{
    public enum TemplateFormat
    {
        Yaml,
        Json,
    }

    /// <summary>What a merge did: the new text (equal to the old when nothing changed) and what the user should know.</summary>
    internal sealed record MergeResult(string Text, IReadOnlyList<string> Added, IReadOnlyList<string> Updated, IReadOnlyList<string> Removed, IReadOnlyList<MergeWarning> Warnings);

    /// <summary>
    /// Something the merge left alone on purpose, with the template node it is about (or null). Not every one is a
    /// warning: a function the user declares by hand is a choice, reported as a message.
    /// </summary>
    internal sealed record MergeWarning(string Code, string Message, TemplateNode? Node, bool IsWarning = true);

    /// <summary>
    /// Merges a project's functions into its SAM template. Sharpless changes only the resources it owns
    /// (<c>Metadata: Tool: Sharpless</c>), and within them only the keys it manages; a function the user already
    /// declares by hand (a resource with its handler string) is the user's, and is left as written.
    /// </summary>
    internal static class TemplateMerger
    {
        private const string ServerlessTransform = "AWS::Serverless-2016-10-31";

        public static MergeResult Merge(string? existingText, TemplateFormat format, FunctionManifest manifest, ProjectDeployment project, string description)
        {
            var added = new List<string>();
            var updated = new List<string>();
            var removed = new List<string>();
            var warnings = new List<MergeWarning>();

            if (string.IsNullOrWhiteSpace(existingText))
            {
                if (manifest.Functions.Count == 0)
                {
                    return new MergeResult(existingText ?? string.Empty, added, updated, removed, warnings);
                }

                var resources = new List<EntrySpec>();
                foreach (var function in manifest.Functions)
                {
                    var spec = SamFunctionSpec.For(function, SamFunctionSpec.EventNames(function), project, existing: null);
                    resources.Add(new NestedEntry(SamNames.LogicalId(function.Name), spec));
                    added.Add(SamNames.LogicalId(function.Name));
                }

                var document = new MappingSpec(new EntrySpec[]
                {
                    new SetEntry("AWSTemplateFormatVersion", TemplateValue.String("2010-09-09")),
                    new SetEntry("Transform", TemplateValue.String(ServerlessTransform)),
                    new SetEntry("Description", TemplateValue.String(description)),
                    new NestedEntry("Resources", new MappingSpec(resources)),
                });
                var fresh = Syntax(format, string.Empty).NewDocument(document.ToNewValue());
                return new MergeResult(fresh, added, updated, removed, warnings);
            }

            var text = existingText!;
            var parsed = format == TemplateFormat.Yaml ? CloudFormationYamlParser.Parse(text) : LenientJsonParser.Parse(text);
            if (parsed.Root is null)
            {
                throw new TemplateEditException($"The template could not be read: {parsed.Error!.Message}", null) { Line = parsed.Error.LineSpan.Start.Line + 1, Column = parsed.Error.LineSpan.Start.Character + 1 };
            }

            if (parsed.Root is not TemplateMapping root)
            {
                throw new TemplateEditException("The template's top level is not a mapping.", parsed.Root);
            }

            var syntax = Syntax(format, text, IndentUnitOf(root));
            if (!syntax.CanEditInPlace(root))
            {
                throw new TemplateEditException("The template is one flow mapping; Sharpless edits block YAML.", root);
            }

            var existingResources = root.GetMapping("Resources");
            var resourceSpecs = new List<EntrySpec>();
            var desiredIds = new HashSet<string>(StringComparer.Ordinal);
            var userHandlers = UserHandlers(existingResources);
            foreach (var function in manifest.Functions)
            {
                var id = SamNames.LogicalId(function.Name);
                if (userHandlers.TryGetValue(function.Handler, out var userResource))
                {
                    // Declared by hand: the drift rules compare it with the code; the writer does not take it over.
                    warnings.Add(new MergeWarning("SLST003", $"Function '{function.Name}' is declared by resource '{userResource.Key}', which Sharpless does not own; it is left as written.", userResource.KeyNode, IsWarning: false));
                    continue;
                }

                TemplateMapping? current = null;
                if (existingResources is not null && existingResources.TryGetEntry(id, out var entry))
                {
                    current = entry.Value as TemplateMapping;
                    if (current is null || !SamFunctionSpec.IsOwned(current))
                    {
                        warnings.Add(new MergeWarning("SLST003", $"Resource '{id}' is not Sharpless's (its Metadata has no 'Tool: Sharpless'), so function '{function.Name}' was not written. Rename one of them, or mark the resource as Sharpless's.", entry.KeyNode));
                        continue;
                    }

                    if (SamFunctionSpec.IsOtherProjects(current, project.AssemblyName))
                    {
                        warnings.Add(new MergeWarning("SLST003", $"Resource '{id}' is kept by Sharpless for assembly '{SamFunctionSpec.HandlerAssembly(current)}', another project writing this template, so function '{function.Name}' was not written. Give one of the functions another Name.", entry.KeyNode));
                        continue;
                    }
                }

                desiredIds.Add(id);
                var spec = SamFunctionSpec.For(function, SamFunctionSpec.EventNames(function), project, current);
                resourceSpecs.Add(new NestedEntry(id, spec));
                if (current is null)
                {
                    added.Add(id);
                }
                else if (!spec.Apply(TemplateValue.FromNode(current)).IsWrittenAs(current))
                {
                    updated.Add(id);
                }
            }

            if (existingResources is not null)
            {
                foreach (var entry in existingResources.Entries)
                {
                    // Another project's resources in a shared template are that project's to remove.
                    if (entry.Value is TemplateMapping resource && SamFunctionSpec.IsOwned(resource) && !desiredIds.Contains(entry.Key) &&
                        !SamFunctionSpec.IsOtherProjects(resource, project.AssemblyName))
                    {
                        resourceSpecs.Add(new RemoveEntry(entry.Key));
                        removed.Add(entry.Key);
                    }
                }
            }

            var rootSpec = new List<EntrySpec>();
            if (desiredIds.Count > 0 && TransformEntry(root, warnings) is { } transform)
            {
                rootSpec.Add(transform);
            }

            rootSpec.Add(new NestedEntry("Resources", new MappingSpec(resourceSpecs)));
            var edits = new TextEdits();
            if (added.Count > 0 || updated.Count > 0 || removed.Count > 0 || rootSpec.Count > 1)
            {
                MappingMerger.Merge(syntax, root, new MappingSpec(rootSpec), edits);
            }

            return new MergeResult(edits.ApplyTo(text), added, updated, removed, warnings);
        }

        private static TemplateSyntax Syntax(TemplateFormat format, string text, int indentUnit = 2) =>
            format == TemplateFormat.Yaml ? new YamlTemplateSyntax(text, indentUnit) : new JsonTemplateSyntax(text, indentUnit);

        /// <summary>The file's indentation step, read off its Resources (two spaces when there is nothing to read).</summary>
        private static int IndentUnitOf(TemplateMapping root)
        {
            if (root.TryGetEntry("Resources", out var resources) && resources.Value is TemplateMapping { Count: > 0 } mapping)
            {
                var step = mapping.Entries[0].KeyLineSpan.Start.Character - resources.KeyLineSpan.Start.Character;
                if (step >= 1 && step <= 8)
                {
                    return step;
                }
            }

            return 2;
        }

        private static Dictionary<string, TemplateEntry> UserHandlers(TemplateMapping? resources)
        {
            var handlers = new Dictionary<string, TemplateEntry>(StringComparer.Ordinal);
            if (resources is null)
            {
                return handlers;
            }

            foreach (var entry in resources.Entries)
            {
                if (entry.Value is TemplateMapping resource && !SamFunctionSpec.IsOwned(resource) &&
                    resource.GetMapping("Properties")?.GetScalar("Handler") is { IsNull: false } handler)
                {
                    handlers[handler.Value] = entry;
                }
            }

            return handlers;
        }

        /// <summary>
        /// The change that makes the template's <c>Transform</c> include SAM's, or null when it already does.
        /// Without it CloudFormation rejects the AWS::Serverless::Function resources Sharpless writes. SAM's
        /// transform goes last: CloudFormation applies transforms in list order, and others (AWS::LanguageExtensions)
        /// are written to run before it.
        /// </summary>
        private static EntrySpec? TransformEntry(TemplateMapping root, List<MergeWarning> warnings)
        {
            switch (root.Get("Transform"))
            {
                case null:
                    return new SeedEntry("Transform", TemplateValue.String(ServerlessTransform));
                case TemplateScalar scalar when scalar.Value == ServerlessTransform:
                    return null;
                case TemplateSequence sequence when sequence.Items.OfType<TemplateScalar>().Any(s => s.Value == ServerlessTransform):
                    return null;
                case TemplateScalar { Tag: null, IsNull: false } other:
                    return new SetEntry("Transform", TemplateValue.List(new[] { TemplateValue.String(other.Value), TemplateValue.String(ServerlessTransform) }));
                case TemplateSequence { Tag: null } list when list.Items.All(i => i is TemplateScalar { Tag: null, IsNull: false }):
                    return new SetEntry("Transform", TemplateValue.List(list.Items.Cast<TemplateScalar>().Select(i => TemplateValue.String(i.Value)).Concat(new[] { TemplateValue.String(ServerlessTransform) })));
                case var unknown:
                    // A macro with parameters ({ Name: …, Parameters: … }) or an intrinsic: not Sharpless's to rewrite.
                    warnings.Add(new MergeWarning("SLST003", $"The template's Transform does not include {ServerlessTransform}; AWS::Serverless::Function resources need it.", unknown));
                    return null;
            }
        }
    }
}
