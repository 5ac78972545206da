using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Sharpless.Deployment.Templates;

namespace Sharpless.Networking
{
    /// <summary>
    /// One Lambda function of this project as every source declares it — a template resource, the tools defaults'
    /// <c>function-handler</c>, a <c>[LambdaFunction]</c> method or the routes of a router function — merged by handler
    /// string, with the code it runs and its VPC attachment.
    /// </summary>
    internal sealed class DeployedFunction
    {
        private readonly List<Location> _declarations = new List<Location>();
        private readonly List<(DeploymentTemplate Template, TemplateFunction Function)> _templates = new List<(DeploymentTemplate, TemplateFunction)>();
        private readonly List<(ToolsDefaults Tools, string Value)> _toolsEnvironment = new List<(ToolsDefaults, string)>();

        public DeployedFunction(string name)
        {
            Name = name;
        }

        /// <summary>The name messages use: the template's logical id when there is one, else the function's name.</summary>
        public string Name { get; private set; }

        /// <summary>Handler methods: the <c>[LambdaFunction]</c> method, the method a handler string names, route methods.</summary>
        public HashSet<IMethodSymbol> Methods { get; } = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

        /// <summary>Types whose instance the function creates in INIT (the handler's class, a route method's class).</summary>
        public HashSet<INamedTypeSymbol> Types { get; } = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        /// <summary>An executable's function (<c>Handler</c> is the assembly name): it runs all of this assembly's code.</summary>
        public bool RunsWholeAssembly { get; set; }

        public VpcAttachment Vpc { get; private set; } = VpcAttachment.NotAttached;

        /// <summary>Where the function is declared: template resources, tools defaults, attributes (additional locations).</summary>
        public IReadOnlyList<Location> Declarations => _declarations;

        public void AddDeclaration(Location location, VpcAttachment vpc)
        {
            _declarations.Add(location);
            Vpc = VpcAttachment.Best(Vpc, vpc);
        }

        public void AddTemplate(DeploymentTemplate template, TemplateFunction function)
        {
            Name = function.LogicalId;
            _templates.Add((template, function));
            AddDeclaration(function.Location, VpcAttachment.FromTemplate(template, function.VpcConfig));
        }

        public void AddToolsDefaults(ToolsDefaults tools, Location location, VpcAttachment vpc, string? environment)
        {
            AddDeclaration(location, vpc);
            if (environment is not null)
            {
                _toolsEnvironment.Add((tools, environment));
            }
        }

        /// <summary>
        /// The RDS Proxy endpoint an environment variable of this function holds, with the template that sets it.
        /// Names compare ordinally for <c>Environment.GetEnvironmentVariable</c> (Linux) and ignoring case for
        /// configuration keys, as Microsoft.Extensions.Configuration compares them.
        /// </summary>
        public (ProxyEndpointValue Value, string Path, DeploymentTemplate? Template)? ProxyInEnvironment(string name, bool ignoreCase)
        {
            var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            foreach (var (template, function) in _templates)
            {
                var variables = function.EnvironmentVariables;
                for (var i = variables.Length - 1; i >= 0; i--)
                {
                    if (string.Equals(variables[i].Key, name, comparison))
                    {
                        if (ProxyEndpointValue.Read(template, variables[i].Value) is { } value)
                        {
                            return (value, template.Path, template);
                        }

                        break;
                    }
                }
            }

            foreach (var (tools, environment) in _toolsEnvironment)
            {
                if (ToolsEnvironment.TryGet(environment, name, comparison, out var text) &&
                    RdsHostName.Find(text) is { IsProxy: true } host &&
                    tools.Root.Get(ToolsEnvironment.Key) is { } node)
                {
                    return (ProxyEndpointValue.ForText(host, node), tools.Path, null);
                }
            }

            return null;
        }

        public override string ToString() => Name;
    }
}
