using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Sharpless.Deployment.Templates;

namespace Sharpless.Networking
{
    /// <summary>One function's use of an RDS Proxy at one place in the code: which proxy (when the template says) and where that is set.</summary>
    internal sealed class ProxyUse
    {
        public ProxyUse(DeployedFunction function, DeploymentTemplate? proxyTemplate, TemplateResource? proxy, Location? valueLocation)
        {
            Function = function;
            ProxyTemplate = proxyTemplate;
            Proxy = proxy;
            ValueLocation = valueLocation;
        }

        public DeployedFunction Function { get; }

        public DeploymentTemplate? ProxyTemplate { get; }

        /// <summary>The <c>AWS::RDS::DBProxy</c> or <c>AWS::RDS::DBProxyEndpoint</c> resource, when declared in a template here.</summary>
        public TemplateResource? Proxy { get; }

        /// <summary>Where the environment value naming the proxy is written, for an environment variable read.</summary>
        public Location? ValueLocation { get; }

        /// <summary>The proxy's subnets (<c>VpcSubnetIds</c>), when the template lists them all.</summary>
        public SubnetSet? ProxySubnets(out Location? location)
        {
            location = null;
            if (Proxy?.Properties?.Get("VpcSubnetIds") is not { } node || ProxyTemplate is null)
            {
                return null;
            }

            location = node.GetLocation(ProxyTemplate.Path);
            return SubnetSet.Read(ProxyTemplate, node);
        }
    }

    /// <summary>Finds the template resource of a proxy host across this project's templates.</summary>
    internal static class ProxyResources
    {
        public static (DeploymentTemplate? Template, TemplateResource? Resource) Find(IEnumerable<DeploymentTemplate> templates, RdsHostName host)
        {
            foreach (var template in templates)
            {
                if (ProxyEndpointValue.FindProxyResource(template, host) is { } resource)
                {
                    return (template, resource);
                }
            }

            return (null, null);
        }
    }
}
