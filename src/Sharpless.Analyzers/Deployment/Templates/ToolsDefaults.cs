using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// aws-lambda-tools-defaults.json: the defaults the Amazon.Lambda.Tools CLI (<c>dotnet lambda deploy-function</c>,
    /// <c>deploy-serverless</c>) and the Visual Studio toolkit deploy with when the command line does not say.
    /// </summary>
    internal sealed class ToolsDefaults
    {
        public const string FunctionHandlerKey = "function-handler";
        public const string TemplateKey = "template";
        public const string FunctionSubnetsKey = "function-subnets";
        public const string FunctionSecurityGroupsKey = "function-security-groups";
        public const string MsbuildParametersKey = "msbuild-parameters";
        public const string FunctionRuntimeKey = "function-runtime";
        public const string FrameworkKey = "framework";
        public const string FunctionMemorySizeKey = "function-memory-size";
        public const string FunctionTimeoutKey = "function-timeout";

        internal ToolsDefaults(string path, TemplateMapping root)
        {
            Path = path;
            Root = root;
            FunctionHandler = Text(FunctionHandlerKey);
            Template = Text(TemplateKey);
            FunctionSubnets = List(FunctionSubnetsKey);
            FunctionSecurityGroups = List(FunctionSecurityGroupsKey);
            MsbuildParameters = Text(MsbuildParametersKey);
            FunctionRuntime = Text(FunctionRuntimeKey);
            Framework = Text(FrameworkKey);
            FunctionMemorySize = Number(FunctionMemorySizeKey);
            FunctionTimeout = Number(FunctionTimeoutKey);
        }

        public string Path { get; }

        public TemplateMapping Root { get; }

        /// <summary>The handler string of a function deployed without a template (<c>deploy-function</c>).</summary>
        public string? FunctionHandler { get; }

        /// <summary>The template <c>deploy-serverless</c> deploys, relative to the project (<c>serverless.template</c>).</summary>
        public string? Template { get; }

        /// <summary>Subnet ids; the CLI takes them comma-separated in one string.</summary>
        public ImmutableArray<string> FunctionSubnets { get; }

        public ImmutableArray<string> FunctionSecurityGroups { get; }

        public string? MsbuildParameters { get; }

        public string? FunctionRuntime { get; }

        /// <summary>The target framework the tools build (<c>net8.0</c>).</summary>
        public string? Framework { get; }

        public int? FunctionMemorySize { get; }

        public int? FunctionTimeout { get; }

        /// <summary>Where the value of <paramref name="key"/> is written, for a diagnostic about it; null when absent.</summary>
        public Location? GetLocation(string key) => Root.TryGet(key, out var value) ? value.GetLocation(Path) : null;

        private string? Text(string key) => Root.Get(key) is TemplateScalar { IsNull: false } scalar ? scalar.Value : null;

        private int? Number(string key) => Root.Get(key) is TemplateScalar scalar && scalar.TryGetInt32(out var value) ? value : null;

        private ImmutableArray<string> List(string key)
        {
            var items = ImmutableArray.CreateBuilder<string>();
            switch (Root.Get(key))
            {
                case TemplateScalar { IsNull: false } scalar:
                    foreach (var part in scalar.Value.Split(','))
                    {
                        Add(part);
                    }

                    break;
                case TemplateSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item is TemplateScalar { IsNull: false } text)
                        {
                            Add(text.Value);
                        }
                    }

                    break;
            }

            return items.ToImmutable();

            void Add(string part)
            {
                var trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    items.Add(trimmed);
                }
            }
        }
    }
}
