using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;

namespace Sharpless.Deployment.Templates
{
    /// <summary>Builds a <see cref="DeploymentTemplate"/> from a parsed template's top-level mapping.</summary>
    internal static class DeploymentTemplateReader
    {
        private const string ServerlessTransform = "AWS::Serverless-2016-10-31";

        public static DeploymentTemplate Read(string path, TemplateMapping root, CancellationToken cancellationToken)
        {
            var parameters = ReadEntries(root.GetMapping("Parameters"), entry => new TemplateParameter(path, entry));
            var parameterIndex = new Dictionary<string, TemplateParameter>(System.StringComparer.Ordinal);
            foreach (var parameter in parameters)
            {
                parameterIndex[parameter.Name] = parameter;
            }

            var conditions = ReadEntries(root.GetMapping("Conditions"), entry => entry.Key);
            var globalsFunction = root.GetMapping("Globals")?.GetMapping("Function");
            var resources = ReadEntries(root.GetMapping("Resources"), entry => new TemplateResource(path, entry));

            var functions = ImmutableArray.CreateBuilder<TemplateFunction>();
            foreach (var resource in resources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TemplateFunction.IsFunctionType(resource.Type))
                {
                    functions.Add(ReadFunction(resource, globalsFunction, parameterIndex));
                }
            }

            return new DeploymentTemplate(
                path,
                root,
                IsServerless(root.Get("Transform")),
                parameters,
                conditions,
                globalsFunction,
                resources,
                functions.ToImmutable());
        }

        private static TemplateFunction ReadFunction(
            TemplateResource resource,
            TemplateMapping? globalsFunction,
            IReadOnlyDictionary<string, TemplateParameter> parameters)
        {
            var properties = EffectiveProperties(resource, globalsFunction);
            var vpcConfig = properties.Get("VpcConfig");
            var events = resource.Type == TemplateFunction.ServerlessType
                ? ReadEntries(properties.GetMapping("Events"), entry => new TemplateEvent(entry))
                : ImmutableArray<TemplateEvent>.Empty;
            var variables = properties.GetMapping("Environment")?.GetMapping("Variables");

            return new TemplateFunction(
                resource,
                properties,
                handler: String(properties.Get("Handler")),
                runtime: String(properties.Get("Runtime")),
                memorySize: TemplateValues.TryResolveInt32(properties.Get("MemorySize"), parameters),
                timeout: TemplateValues.TryResolveInt32(properties.Get("Timeout"), parameters),
                autoPublishAlias: String(properties.Get("AutoPublishAlias")),
                snapStartApplyOn: String(properties.GetMapping("SnapStart")?.Get("ApplyOn")),
                vpcConfig: vpcConfig is null || vpcConfig is TemplateScalar { IsNull: true } ? null : new TemplateVpcConfig(vpcConfig),
                environmentVariables: variables?.Entries ?? ImmutableArray<TemplateEntry>.Empty,
                events: events);

            string? String(TemplateNode? node) => TemplateValues.TryResolveString(node, parameters, out var value) ? value : null;
        }

        /// <summary>
        /// A SAM function deploys with Globals.Function merged under its own properties; a plain Lambda function with
        /// its own properties only (Globals apply to SAM resource types).
        /// </summary>
        private static TemplateMapping EffectiveProperties(TemplateResource resource, TemplateMapping? globalsFunction)
        {
            var own = resource.Properties;
            if (resource.Type == TemplateFunction.ServerlessType && globalsFunction is not null)
            {
                return own is null ? globalsFunction : SamGlobals.MergeMappings(globalsFunction, own);
            }

            return own ?? new TemplateMapping(
                ImmutableArray<TemplateEntry>.Empty,
                null,
                resource.Definition.Span,
                resource.Definition.LineSpan);
        }

        private static bool IsServerless(TemplateNode? transform) => transform switch
        {
            TemplateScalar scalar => scalar.Value == ServerlessTransform,
            TemplateSequence sequence => sequence.Items.Any(item => item is TemplateScalar { Value: ServerlessTransform }),
            _ => false,
        };

        private static ImmutableArray<T> ReadEntries<T>(TemplateMapping? section, System.Func<TemplateEntry, T> read)
        {
            if (section is null)
            {
                return ImmutableArray<T>.Empty;
            }

            var items = ImmutableArray.CreateBuilder<T>(section.Count);
            foreach (var entry in section.Entries)
            {
                items.Add(read(entry));
            }

            return items.MoveToImmutable();
        }
    }
}
