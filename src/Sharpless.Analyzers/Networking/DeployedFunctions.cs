using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sharpless.Common;
using Sharpless.Deployment.Templates;
using Sharpless.Functions;

namespace Sharpless.Networking
{
    /// <summary>
    /// The Lambda functions this project's code is deployed as, and which of them run a given piece of code.
    /// Sources, merged by handler string: templates (<c>Handler:</c>, SAM Globals merged), aws-lambda-tools-defaults.json
    /// (<c>function-handler</c>, <c>function-subnets</c>, <c>function-security-groups</c>), <c>[LambdaFunction]</c>
    /// methods (<c>SubnetIds</c>, <c>SecurityGroupIds</c>) and router functions (<c>Api</c>). A function is attached to
    /// a VPC when any of its declarations attaches it, so a template that lags behind the attributes (or the reverse)
    /// raises no false alarm here; that disagreement is drift, for the drift rules.
    /// </summary>
    internal sealed class DeployedFunctions
    {
        private DeployedFunctions(ImmutableArray<DeployedFunction> all)
        {
            All = all;
        }

        public ImmutableArray<DeployedFunction> All { get; }

        public static DeployedFunctions Read(Compilation compilation, DeploymentDocuments documents, CancellationToken cancellationToken)
        {
            var builder = new Builder(compilation);
            builder.AddSourceFunctions(cancellationToken);
            foreach (var template in documents.Templates)
            {
                foreach (var function in template.Functions)
                {
                    builder.AddTemplateFunction(template, function);
                }
            }

            foreach (var tools in documents.ToolsDefaults)
            {
                builder.AddToolsDefaults(tools);
            }

            return new DeployedFunctions(builder.Build());
        }

        /// <summary>
        /// The functions that run <paramref name="member"/>'s code. <paramref name="eachRunsIt"/> is true when every one of
        /// them certainly does (a handler method, or INIT code of a handler's class); otherwise the code is shared — a
        /// helper in a handler's class, or any other type — and may run in only some of them.
        /// </summary>
        public ImmutableArray<DeployedFunction> OwnersOf(ISymbol member, out bool eachRunsIt)
        {
            eachRunsIt = true;
            if (All.IsEmpty)
            {
                return All;
            }

            var owners = ImmutableArray.CreateBuilder<DeployedFunction>();
            if (member is IMethodSymbol method)
            {
                var definition = method.OriginalDefinition;
                foreach (var function in All)
                {
                    if (function.Methods.Contains(definition))
                    {
                        owners.Add(function);
                    }
                }

                if (owners.Count > 0)
                {
                    return owners.ToImmutable();
                }
            }

            for (var type = member.ContainingType; type is not null && owners.Count == 0; type = type.ContainingType)
            {
                foreach (var function in All)
                {
                    if (function.Types.Contains(type.OriginalDefinition))
                    {
                        owners.Add(function);
                    }
                }
            }

            if (owners.Count > 0)
            {
                eachRunsIt = IsInitCode(member);
                return owners.ToImmutable();
            }

            foreach (var function in All)
            {
                if (function.RunsWholeAssembly)
                {
                    owners.Add(function);
                }
            }

            if (owners.Count > 0)
            {
                return owners.ToImmutable();
            }

            eachRunsIt = All.Length == 1;
            return All;
        }

        /// <summary>Constructors and initializers of a handler's class run in INIT of each function that uses the class.</summary>
        private static bool IsInitCode(ISymbol member) => member switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } => true,
            IFieldSymbol or IPropertySymbol => true,
            _ => false,
        };

        private sealed class Builder
        {
            private readonly Compilation _compilation;
            private readonly List<DeployedFunction> _functions = new List<DeployedFunction>();
            private readonly Dictionary<string, DeployedFunction> _byHandler = new Dictionary<string, DeployedFunction>(StringComparer.Ordinal);

            public Builder(Compilation compilation)
            {
                _compilation = compilation;
            }

            public ImmutableArray<DeployedFunction> Build() => _functions.ToImmutableArray();

            /// <summary>[LambdaFunction] methods and route methods, each under the handler string Sharpless generates for it.</summary>
            public void AddSourceFunctions(CancellationToken cancellationToken)
            {
                foreach (var source in FunctionMethods.Read(_compilation, cancellationToken))
                {
                    var method = source.Method;
                    var deployed = GetOrAdd(source.Handler, source.Name);
                    deployed.Methods.Add(method.OriginalDefinition);
                    deployed.Types.Add(method.ContainingType.OriginalDefinition);
                    if (source.FunctionAttribute is { } function)
                    {
                        var location = function.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location.None;
                        deployed.AddDeclaration(location, VpcAttachment.FromLists(AttributeArguments.Strings(function, "SubnetIds"), AttributeArguments.Strings(function, "SecurityGroupIds"), location));
                    }
                }
            }

            public void AddTemplateFunction(DeploymentTemplate template, TemplateFunction function)
            {
                if (Resolve(function.Handler, function.LogicalId) is { } deployed)
                {
                    deployed.AddTemplate(template, function);
                }
            }

            public void AddToolsDefaults(ToolsDefaults tools)
            {
                if (tools.FunctionHandler is null || Resolve(tools.FunctionHandler, ToolsFunctionName(tools)) is not { } deployed)
                {
                    return;
                }

                var location = tools.GetLocation(ToolsDefaults.FunctionHandlerKey) ?? Location.None;
                var environment = tools.Root.Get(ToolsEnvironment.Key) is TemplateScalar { IsNull: false } variables ? variables.Value : null;
                deployed.AddToolsDefaults(
                    tools,
                    location,
                    VpcAttachment.FromLists(tools.FunctionSubnets, tools.FunctionSecurityGroups, tools.GetLocation(ToolsDefaults.FunctionSubnetsKey) ?? location),
                    environment);
            }

            /// <summary><c>function-name</c>, else what the handler string names (<c>Function.Handle</c>).</summary>
            private static string ToolsFunctionName(ToolsDefaults tools)
            {
                if (tools.Root.Get("function-name") is TemplateScalar { IsNull: false } functionName && functionName.Value.Trim().Length > 0)
                {
                    return functionName.Value.Trim();
                }

                if (HandlerString.TryParse(tools.FunctionHandler, out var handler))
                {
                    var type = handler.TypeName.Substring(handler.TypeName.LastIndexOfAny(new[] { '.', '+' }) + 1);
                    return type + "." + handler.MethodName;
                }

                return tools.FunctionHandler!.Trim();
            }

            /// <summary>The function a handler string deploys, when it runs code of this assembly.</summary>
            private DeployedFunction? Resolve(string? handler, string name)
            {
                if (handler is null)
                {
                    return null;
                }

                if (!HandlerString.TryParse(handler, out var parsed))
                {
                    if (!string.Equals(handler.Trim(), _compilation.AssemblyName, StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }

                    var executable = GetOrAdd(handler.Trim(), name);
                    executable.RunsWholeAssembly = true;
                    return executable;
                }

                if (!string.Equals(parsed.Assembly, _compilation.AssemblyName, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                var key = Key(parsed);
                if (_byHandler.TryGetValue(key, out var known))
                {
                    return known;
                }

                var type = HandlerTargets.Find(_compilation, parsed.TypeName, out var generatedFunction);
                if (type is null)
                {
                    // A handler whose class is not (or no longer) in this project: stale, or another project's.
                    return null;
                }

                var deployed = GetOrAdd(key, name);
                deployed.Types.Add(type.OriginalDefinition);
                if (generatedFunction is null && HandlerTargets.FindMethod(type, parsed.MethodName) is { } method)
                {
                    deployed.Methods.Add(method.OriginalDefinition);
                }

                return deployed;
            }

            private DeployedFunction GetOrAdd(string handler, string name)
            {
                var key = HandlerString.TryParse(handler, out var parsed) ? Key(parsed) : handler.ToUpperInvariant();
                if (!_byHandler.TryGetValue(key, out var function))
                {
                    function = new DeployedFunction(name);
                    _byHandler.Add(key, function);
                    _functions.Add(function);
                }

                return function;
            }

            // The runtime loads the assembly by name, case-insensitively; type and method names are case-sensitive.
            private static string Key(HandlerString handler) =>
                handler.Assembly.ToUpperInvariant() + "::" + handler.TypeName + "::" + handler.MethodName;
        }
    }
}
