using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Sharpless.Deployment.Manifest;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment
{
    /// <summary>
    /// <c>dotnet Sharpless.Deployment.dll --assembly obj/…/App.dll --project-dir . [--template path] [--target-framework net8.0]
    /// [--publish-aot true] [--runtime provided.al2023] [--project-name App]</c>: merges the assembly's functions into the
    /// project's SAM template. Messages use MSBuild's canonical format (<c>file(line,col): warning CODE: text</c>) so the
    /// targets' Exec shows them as build warnings on the right line.
    /// </summary>
    internal static class Program
    {
        public static int Main(string[] args)
        {
            try
            {
                var options = Options.Parse(args);
                return Run(options, Console.Out);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("Sharpless.Deployment: error : " + e.Message);
                return 2;
            }
        }

        internal static int Run(Options options, TextWriter output)
        {
            var log = new ToolLog(output);
            var code = Merge(options, log, out var template);
            if (options.Stamp is not null)
            {
                if (code == 0 && !log.HasWarnings)
                {
                    TemplateStamp.Write(options.Stamp, options.StampKey ?? string.Empty, template, Path.Combine(options.ProjectDirectory, TemplateLocator.ToolsDefaultsFileName));
                }
                else
                {
                    TemplateStamp.Delete(options.Stamp);
                }
            }

            return code;
        }

        private static int Merge(Options options, ToolLog output, out string? templatePath)
        {
            templatePath = null;
            FunctionManifest? manifest;
            try
            {
                manifest = FunctionManifestReader.FromAssembly(options.Assembly);
            }
            catch (Exception e) when (e is ManifestException || e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException)
            {
                output.Warning($"{options.Assembly}: error SLST001: Sharpless could not read the function manifest: {e.Message}");
                return 1;
            }

            var location = TemplateLocator.Locate(options.ProjectDirectory, options.Template);
            templatePath = location.Path;
            var exists = File.Exists(location.Path);
            if (manifest is null && !exists)
            {
                // No functions and no template: nothing to write, and no reason to create a file.
                return 0;
            }

            var runtime = LambdaRuntime.For(options.TargetFramework, options.PublishAot, options.Runtime);
            if (runtime is null && manifest is { Functions.Count: > 0 })
            {
                output.Warning($"{location.Path}: warning SLST002: {LambdaRuntime.UnknownMessage(options.TargetFramework)}");
            }

            Encoding encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            var original = exists ? ReadPreservingEncoding(location.Path, out encoding) : null;
            var project = new ProjectDeployment(runtime, TemplateLocator.CodeUriFor(location.Path, options.ProjectDirectory), Path.GetFileNameWithoutExtension(options.Assembly));
            var description = $"{options.ProjectName} Lambda functions. Sharpless keeps the resources whose Metadata names it as Tool in step with the code at build time; everything else in this file is yours.";

            MergeResult result;
            try
            {
                result = TemplateMerger.Merge(original, location.Format, manifest ?? FunctionManifest.Empty, project, description);
            }
            catch (TemplateEditException e)
            {
                var (line, column) = e.Node is null ? (e.Line, e.Column) : (e.Node.LineSpan.Start.Line + 1, e.Node.LineSpan.Start.Character + 1);
                var where = line > 0 ? $"{location.Path}({line},{column})" : location.Path;
                output.Warning($"{where}: warning SLST004: Sharpless did not update the template: {e.Message}");
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException || e is IndexOutOfRangeException || e is NullReferenceException)
            {
                // A template shape the merger did not foresee: the file stays as it was and the build goes on.
                output.Warning($"{location.Path}: warning SLST005: Sharpless did not update the template because of an internal error ({e.GetType().Name}: {e.Message}); please report it with the template.");
                return 0;
            }

            foreach (var warning in result.Warnings)
            {
                var where = warning.Node is null ? location.Path : $"{location.Path}({warning.Node.LineSpan.Start.Line + 1},{warning.Node.LineSpan.Start.Character + 1})";
                if (warning.IsWarning)
                {
                    output.Warning($"{where}: warning {warning.Code}: {warning.Message}");
                }
                else
                {
                    output.Info($"Sharpless: {warning.Message}");
                }
            }

            if (string.Equals(result.Text, original ?? string.Empty, StringComparison.Ordinal))
            {
                output.Info($"Sharpless: {location.Path} is up to date.");
                return 0;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(location.Path)!);
                File.WriteAllText(location.Path, result.Text, encoding);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                output.Warning($"{location.Path}: warning SLST006: Sharpless could not write the template: {e.Message}");
                return 0;
            }

            output.Info($"Sharpless: wrote {location.Path}{Summary(result)}.");
            return 0;
        }

        private static string Summary(MergeResult result)
        {
            var parts = new List<string>();
            if (result.Added.Count > 0)
            {
                parts.Add("added " + string.Join(", ", result.Added));
            }

            if (result.Updated.Count > 0)
            {
                parts.Add("updated " + string.Join(", ", result.Updated));
            }

            if (result.Removed.Count > 0)
            {
                parts.Add("removed " + string.Join(", ", result.Removed));
            }

            return parts.Count == 0 ? string.Empty : " (" + string.Join("; ", parts) + ")";
        }

        /// <summary>The file's text, and the encoding to write it back with: a byte order mark stays if there was one.</summary>
        private static string ReadPreservingEncoding(string path, out Encoding encoding)
        {
            var bytes = File.ReadAllBytes(path);
            var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: hasBom);
            return new UTF8Encoding(false).GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        }
    }

    /// <summary>The tool's output lines, and whether any of them was a warning or an error (then no stamp is written).</summary>
    internal sealed class ToolLog
    {
        private readonly TextWriter _output;

        public ToolLog(TextWriter output) => _output = output;

        public bool HasWarnings { get; private set; }

        public void Warning(string line)
        {
            HasWarnings = true;
            _output.WriteLine(line);
        }

        public void Info(string line) => _output.WriteLine(line);
    }

    /// <summary>The command line, as the package's targets pass it.</summary>
    internal sealed record Options(string Assembly, string ProjectDirectory, string ProjectName, string? Template, string? TargetFramework, bool PublishAot, string? Runtime, string? Stamp = null, string? StampKey = null)
    {
        public static Options Parse(IReadOnlyList<string> args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Count; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                {
                    throw new ArgumentException($"Expected '--name value' pairs; got '{args[i]}'.");
                }

                values[args[i].Substring(2)] = args[++i];
            }

            string? Get(string name) => values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

            var assembly = Get("assembly") ?? throw new ArgumentException("--assembly is required.");
            var projectDirectory = Get("project-dir") ?? throw new ArgumentException("--project-dir is required.");
            return new Options(
                assembly,
                projectDirectory,
                Get("project-name") ?? Path.GetFileNameWithoutExtension(assembly),
                Get("template"),
                Get("target-framework"),
                LambdaRuntime.IsTrue(Get("publish-aot")),
                Get("runtime"),
                Get("stamp"),
                Get("stamp-key"));
        }
    }
}
