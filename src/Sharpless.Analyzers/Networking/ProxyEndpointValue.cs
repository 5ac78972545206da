using System;
using System.Text.RegularExpressions;
using Sharpless.Deployment.Templates;

namespace Sharpless.Networking
{
    /// <summary>
    /// A template value that is (or contains) an RDS Proxy endpoint: a literal proxy host, <c>!GetAtt P.Endpoint</c> of
    /// an <c>AWS::RDS::DBProxy</c> or <c>AWS::RDS::DBProxyEndpoint</c>, a <c>!Sub</c> or <c>!Join</c> holding either,
    /// a <c>!Ref</c> to a parameter whose default is a proxy host, or either branch of an <c>!If</c>.
    /// </summary>
    internal sealed class ProxyEndpointValue
    {
        public const string DBProxyType = "AWS::RDS::DBProxy";
        public const string DBProxyEndpointType = "AWS::RDS::DBProxyEndpoint";

        private const int MaxDepth = 8;

        // `${OrdersProxy.Endpoint}` inside a Fn::Sub string.
        private static readonly Regex SubReference = new Regex(
            @"\$\{(?<name>[A-Za-z0-9:_.]+)\}",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
            TimeSpan.FromMilliseconds(200));

        private ProxyEndpointValue(string display, TemplateResource? proxy, TemplateNode node)
        {
            Display = display;
            Proxy = proxy;
            Node = node;
        }

        /// <summary>How the value names the proxy, for messages: the host, or <c>!GetAtt OrdersProxy.Endpoint</c>.</summary>
        public string Display { get; }

        /// <summary>The proxy resource in this template, when the value names one.</summary>
        public TemplateResource? Proxy { get; }

        /// <summary>The value as written, for an additional location.</summary>
        public TemplateNode Node { get; }

        public static bool IsProxyResource(TemplateResource resource) =>
            resource.Type is DBProxyType or DBProxyEndpointType;

        public static ProxyEndpointValue? Read(DeploymentTemplate template, TemplateNode? node) => Read(template, node, node, 0);

        /// <summary>
        /// The proxy (or proxy endpoint) resource a host name belongs to, matched by <c>DBProxyName</c> or
        /// <c>DBProxyEndpointName</c>, which are the host's first label.
        /// </summary>
        public static TemplateResource? FindProxyResource(DeploymentTemplate template, RdsHostName host)
        {
            var (type, nameProperty) = host.Kind == RdsHostKind.ProxyEndpoint
                ? (DBProxyEndpointType, "DBProxyEndpointName")
                : (DBProxyType, "DBProxyName");
            foreach (var resource in template.Resources)
            {
                if (resource.Type == type &&
                    template.TryResolveString(resource.Properties?.Get(nameProperty), out var name) &&
                    string.Equals(name, host.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return resource;
                }
            }

            return null;
        }

        private static ProxyEndpointValue? Read(DeploymentTemplate template, TemplateNode? node, TemplateNode? outer, int depth)
        {
            if (node is null || depth > MaxDepth)
            {
                return null;
            }

            var reported = outer ?? node;
            if (node is TemplateScalar { Tag: null, IsNull: false } scalar)
            {
                return FromText(template, scalar.Value, reported);
            }

            if (!Intrinsic.TryRead(node, out var intrinsic))
            {
                return null;
            }

            if (intrinsic.TryGetGetAtt(out var logicalId, out var attribute))
            {
                return FromGetAtt(template, logicalId, attribute, reported);
            }

            if (intrinsic.TryGetRefTarget(out var target))
            {
                return template.TryGetParameter(target, out var parameter) &&
                       parameter.Default is TemplateScalar { Tag: null, IsNull: false } defaultValue &&
                       FromText(template, defaultValue.Value, reported) is { } fromDefault
                    ? new ProxyEndpointValue("!Ref " + target + " (" + fromDefault.Display + ")", fromDefault.Proxy, reported)
                    : null;
            }

            if (intrinsic.TryGetSub(out var text, out var variables))
            {
                return FromSub(template, text, variables, reported, depth);
            }

            if ((intrinsic.Is(Intrinsic.Join) || intrinsic.Is(Intrinsic.If)) && intrinsic.Argument is TemplateSequence arguments)
            {
                // Join: [delimiter, [parts]]; If: [condition, whenTrue, whenFalse]. Any part or branch may be the proxy.
                for (var i = 1; i < arguments.Count; i++)
                {
                    var part = arguments.Items[i];
                    if (part is TemplateSequence parts && intrinsic.Is(Intrinsic.Join))
                    {
                        foreach (var item in parts.Items)
                        {
                            if (Read(template, item, reported, depth + 1) is { } found)
                            {
                                return found;
                            }
                        }
                    }
                    else if (Read(template, part, reported, depth + 1) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        /// <summary>A proxy host read from text outside a template (the tools defaults' environment variables).</summary>
        public static ProxyEndpointValue ForText(RdsHostName host, TemplateNode node) => new ProxyEndpointValue(host.Host, null, node);

        private static ProxyEndpointValue? FromText(DeploymentTemplate template, string text, TemplateNode node) =>
            RdsHostName.Find(text) is { IsProxy: true } host
                ? new ProxyEndpointValue(host.Host, FindProxyResource(template, host), node)
                : null;

        private static ProxyEndpointValue? FromGetAtt(DeploymentTemplate template, string logicalId, string attribute, TemplateNode node) =>
            attribute == "Endpoint" && template.TryGetResource(logicalId, out var resource) && IsProxyResource(resource)
                ? new ProxyEndpointValue("!GetAtt " + logicalId + ".Endpoint", resource, node)
                : null;

        private static ProxyEndpointValue? FromSub(DeploymentTemplate template, string text, TemplateMapping? variables, TemplateNode node, int depth)
        {
            if (FromText(template, text, node) is { } literal)
            {
                return literal;
            }

            try
            {
                for (var match = SubReference.Match(text); match.Success; match = match.NextMatch())
                {
                    var name = match.Groups["name"].Value;
                    if (variables?.Get(name) is { } variable)
                    {
                        if (Read(template, variable, node, depth + 1) is { } fromVariable)
                        {
                            return fromVariable;
                        }

                        continue;
                    }

                    var dot = name.IndexOf('.');
                    if (dot > 0 && FromGetAtt(template, name.Substring(0, dot), name.Substring(dot + 1), node) is { } fromAttribute)
                    {
                        return new ProxyEndpointValue("${" + name + "}", fromAttribute.Proxy, node);
                    }

                    if (dot < 0 && template.TryGetParameter(name, out var parameter) &&
                        parameter.Default is TemplateScalar { Tag: null, IsNull: false } defaultValue &&
                        FromText(template, defaultValue.Value, node) is { } fromParameter)
                    {
                        return new ProxyEndpointValue("${" + name + "} (" + fromParameter.Display + ")", fromParameter.Proxy, node);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
            }

            return null;
        }
    }
}
