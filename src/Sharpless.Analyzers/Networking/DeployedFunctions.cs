using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sharpless.Common;
using Sharpless.Common.Templates;
using Sharpless.Functions;
using Sharpless.Http;

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
            private readonly INamedTypeSymbol? _lambdaFunction;
            private readonly INamedTypeSymbol? _httpApi;
            private readonly INamedTypeSymbol? _restApi;

            public Builder(Compilation compilation)
            {
                _compilation = compilation;
                _lambdaFunction = compilation.GetTypeByMetadataName(KnownTypeNames.SharplessLambdaFunctionAttribute);
                _httpApi = compilation.GetTypeByMetadataName(KnownTypeNames.SharplessHttpApiAttribute);
                _restApi = compilation.GetTypeByMetadataName(KnownTypeNames.SharplessRestApiAttribute);
            }

            public ImmutableArray<DeployedFunction> Build() => _functions.ToImmutableArray();

            /// <summary>[LambdaFunction] methods and route methods, each under the handler string Sharpless generates for it.</summary>
            public void AddSourceFunctions(CancellationToken cancellationToken)
            {
                if (_lambdaFunction is null && _httpApi is null && _restApi is null)
                {
                    return;
                }

                var stack = new Stack<INamespaceOrTypeSymbol>();
                stack.Push(_compilation.Assembly.GlobalNamespace);
                while (stack.Count > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var member in stack.Pop().GetMembers())
                    {
                        if (member is INamespaceSymbol ns)
                        {
                            stack.Push(ns);
                        }
                        else if (member is INamedTypeSymbol type && IsWrittenByHand(type))
                        {
                            stack.Push(type);
                            AddMethods(type);
                        }
                    }
                }
            }

            /// <summary>
            /// Source types outside generated files (<c>*.g.cs</c>, as the Sharpless and System.Text.Json generators name
            /// theirs): a project's generated code outweighs its own and declares no function.
            /// </summary>
            private static bool IsWrittenByHand(INamedTypeSymbol type)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (!reference.SyntaxTree.FilePath.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            private void AddMethods(INamedTypeSymbol type)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || !MayHaveFunctionAttribute(method))
                    {
                        continue;
                    }

                    AttributeData? function = null;
                    var isRoute = false;
                    foreach (var attribute in method.GetAttributes())
                    {
                        var attributeClass = attribute.AttributeClass;
                        if (Is(attributeClass, _lambdaFunction))
                        {
                            function = attribute;
                        }
                        else if (Is(attributeClass, _httpApi) || Is(attributeClass, _restApi))
                        {
                            isRoute = true;
                        }
                    }

                    if (function is null && !isRoute)
                    {
                        continue;
                    }

                    var name = function is null ? RouterPlanner.DefaultFunctionName : FunctionNames.Read(method, function);
                    var handler = isRoute
                        ? _compilation.AssemblyName + "::Sharpless.Generated." + RouterPlanner.TypeName(name) + "::" + FunctionReader.HandlerMethodName
                        : _compilation.AssemblyName + "::" + FunctionNames.QualifiedHandlerType(method, name) + "::" + FunctionReader.HandlerMethodName;
                    var deployed = GetOrAdd(handler, name);
                    deployed.Methods.Add(method.OriginalDefinition);
                    deployed.Types.Add(type.OriginalDefinition);
                    if (function is not null)
                    {
                        var location = function.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location.None;
                        deployed.AddDeclaration(location, VpcAttachment.FromLists(AttributeArguments.Strings(function, "SubnetIds"), AttributeArguments.Strings(function, "SecurityGroupIds"), location));
                    }
                }
            }

            /// <summary>
            /// A syntax-only first check, so only methods that name a function or route attribute have their attributes
            /// bound: an alias (<c>using LF = Sharpless.LambdaFunctionAttribute;</c>) is not followed.
            /// </summary>
            private static bool MayHaveFunctionAttribute(IMethodSymbol method)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is not MethodDeclarationSyntax declaration)
                    {
                        continue;
                    }

                    foreach (var list in declaration.AttributeLists)
                    {
                        foreach (var attribute in list.Attributes)
                        {
                            var name = attribute.Name switch
                            {
                                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                                SimpleNameSyntax simple => simple.Identifier.ValueText,
                                _ => string.Empty,
                            };
                            if (name is "LambdaFunction" or "LambdaFunctionAttribute" or "HttpApi" or "HttpApiAttribute" or "RestApi" or "RestApiAttribute")
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
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

            private static bool Is(INamedTypeSymbol? attributeClass, INamedTypeSymbol? known) =>
                known is not null && SymbolEqualityComparer.Default.Equals(attributeClass, known);
        }
    }
}
