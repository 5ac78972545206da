using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// A SAM or CloudFormation template, read for what analyzers ask about: its parameters, conditions, resources and
    /// Lambda functions. The parsed nodes stay reachable (<see cref="Root"/>, each resource's properties) for anything
    /// this model does not name.
    /// </summary>
    internal sealed class DeploymentTemplate
    {
        private readonly Dictionary<string, TemplateParameter> _parameters;
        private readonly Dictionary<string, TemplateResource> _resources;
        private readonly HashSet<string> _conditions;

        internal DeploymentTemplate(
            string path,
            TemplateMapping root,
            bool isServerless,
            ImmutableArray<TemplateParameter> parameters,
            ImmutableArray<string> conditionNames,
            TemplateMapping? globalsFunction,
            ImmutableArray<TemplateResource> resources,
            ImmutableArray<TemplateFunction> functions)
        {
            Path = path;
            Root = root;
            IsServerless = isServerless;
            Parameters = parameters;
            ConditionNames = conditionNames;
            GlobalsFunction = globalsFunction;
            Resources = resources;
            Functions = functions;
            _parameters = ToDictionary(parameters, p => p.Name);
            _resources = ToDictionary(resources, r => r.LogicalId);
            _conditions = new HashSet<string>(conditionNames, System.StringComparer.Ordinal);
        }

        public string Path { get; }

        public TemplateMapping Root { get; }

        /// <summary>Declares the SAM transform (<c>Transform: AWS::Serverless-2016-10-31</c>).</summary>
        public bool IsServerless { get; }

        public ImmutableArray<TemplateParameter> Parameters { get; }

        public ImmutableArray<string> ConditionNames { get; }

        /// <summary><c>Globals.Function</c>, the defaults SAM applies to every <c>AWS::Serverless::Function</c>.</summary>
        public TemplateMapping? GlobalsFunction { get; }

        public ImmutableArray<TemplateResource> Resources { get; }

        /// <summary>Every <c>AWS::Serverless::Function</c> and <c>AWS::Lambda::Function</c>, in written order.</summary>
        public ImmutableArray<TemplateFunction> Functions { get; }

        public bool TryGetParameter(string name, [NotNullWhen(true)] out TemplateParameter? parameter) =>
            _parameters.TryGetValue(name, out parameter);

        public bool TryGetResource(string logicalId, [NotNullWhen(true)] out TemplateResource? resource) =>
            _resources.TryGetValue(logicalId, out resource);

        public bool HasCondition(string name) => _conditions.Contains(name);

        /// <summary>
        /// The text a property will have when deployed, where the template alone decides it: a scalar, or a
        /// <c>Ref</c> to a parameter with a scalar default. Other intrinsic functions are not evaluated.
        /// </summary>
        public bool TryResolveString(TemplateNode? node, [NotNullWhen(true)] out string? value) =>
            TemplateValues.TryResolveString(node, _parameters, out value);

        private static Dictionary<string, T> ToDictionary<T>(ImmutableArray<T> items, System.Func<T, string> key)
        {
            // Later definitions win, as for duplicate mapping keys.
            var dictionary = new Dictionary<string, T>(System.StringComparer.Ordinal);
            foreach (var item in items)
            {
                dictionary[key(item)] = item;
            }

            return dictionary;
        }
    }

    /// <summary>An entry of <c>Parameters</c>.</summary>
    internal sealed class TemplateParameter
    {
        internal TemplateParameter(string path, TemplateEntry entry)
        {
            Name = entry.Key;
            KeyNode = entry.KeyNode;
            Definition = entry.Value;
            var definition = entry.Value as TemplateMapping;
            Type = definition?.GetScalar("Type")?.Value;
            Default = definition?.Get("Default");
            Location = entry.KeyNode.GetLocation(path);
        }

        public string Name { get; }

        public TemplateScalar KeyNode { get; }

        /// <summary>Where the parameter's name is written.</summary>
        public Location Location { get; }

        public string? Type { get; }

        public TemplateNode? Default { get; }

        public TemplateNode Definition { get; }
    }

    /// <summary>An entry of <c>Resources</c>.</summary>
    internal sealed class TemplateResource
    {
        internal TemplateResource(string path, TemplateEntry entry)
        {
            LogicalId = entry.Key;
            KeyNode = entry.KeyNode;
            Definition = entry.Value;
            var definition = entry.Value as TemplateMapping;
            Type = definition?.GetScalar("Type")?.Value;
            Properties = definition?.GetMapping("Properties");
            Condition = definition?.GetScalar("Condition")?.Value;
            Location = entry.KeyNode.GetLocation(path);
        }

        public string LogicalId { get; }

        public TemplateScalar KeyNode { get; }

        /// <summary>Where the logical id is written: the place to report a problem with the whole resource.</summary>
        public Location Location { get; }

        /// <summary>The resource type as written (<c>AWS::Serverless::Function</c>), or null when missing or not text.</summary>
        public string? Type { get; }

        /// <summary>The resource's own <c>Properties</c>, before SAM Globals.</summary>
        public TemplateMapping? Properties { get; }

        public string? Condition { get; }

        public TemplateNode Definition { get; }
    }
}
