using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Networking
{
    /// <summary>
    /// SLS6xxx: what the code talks to against where the function is deployed. An RDS Proxy "can't be publicly
    /// accessible" and must be in the database's VPC (RDS User Guide, RDS Proxy limitations), so a Lambda function
    /// reaches it only through <c>VpcConfig</c> in that VPC.
    /// </summary>
    internal static class NetworkingRules
    {
        public const string ProxyWithoutVpcId = "SLS6001";
        public const string IncompleteVpcConfigId = "SLS6002";
        public const string ProxySubnetsNotSharedId = "SLS6003";
        public const string DirectDatabaseEndpointId = "SLS6004";
        public const string AuthTokenPerInvocationId = "SLS6005";
        public const string UnreadableDeploymentFileId = "SLS6006";

        /// <summary>{0} what the code uses ('host' or environment variable 'X' = value); {1} "function 'F' has" / "functions 'F' and 'G' have".</summary>
        public static readonly DiagnosticDescriptor ProxyWithoutVpc = RuleDescriptors.Create(
            ProxyWithoutVpcId,
            RuleCategories.Networking,
            DiagnosticSeverity.Warning,
            title: "RDS Proxy used by a function without VpcConfig",
            messageFormat: "{0} is an RDS Proxy endpoint, but {1} no VpcConfig; an RDS Proxy is reachable only from inside its VPC, so every connection will time out: attach the function to the proxy's VPC with SubnetIds and SecurityGroupIds",
            description:
                "An RDS Proxy can't be publicly accessible and must be in the same VPC as its database. A Lambda function that " +
                "is not attached to that VPC (VpcConfig with subnets and security groups) cannot open a connection to it; the " +
                "failure shows only at run time, as connection timeouts.");

        /// <summary>{0} what the code uses; {1} "function 'F'"; {2} the missing list ("SubnetIds", "SecurityGroupIds", both).</summary>
        public static readonly DiagnosticDescriptor IncompleteVpcConfig = RuleDescriptors.Create(
            IncompleteVpcConfigId,
            RuleCategories.Networking,
            DiagnosticSeverity.Warning,
            title: "VpcConfig of a function that uses an RDS Proxy has no subnets or security groups",
            messageFormat: "{0} is an RDS Proxy endpoint, but the VpcConfig of {1} has no {2}; a function is attached to a VPC only with both subnets and security groups, so it cannot reach the proxy",
            description:
                "Lambda attaches a function to a VPC through network interfaces in the subnets of VpcConfig.SubnetIds, with the " +
                "security groups of VpcConfig.SecurityGroupIds. With either list empty or missing the function is not attached " +
                "(or the deployment fails), and an RDS Proxy, which is reachable only inside its VPC, times out.");

        /// <summary>{0} what the code uses; {1} the proxy's logical id; {2} "function 'F'".</summary>
        public static readonly DiagnosticDescriptor ProxySubnetsNotShared = RuleDescriptors.Create(
            ProxySubnetsNotSharedId,
            RuleCategories.Networking,
            DiagnosticSeverity.Info,
            title: "Function and RDS Proxy share no subnet",
            messageFormat: "{0} is the endpoint of RDS Proxy '{1}', but {2} is attached to none of the proxy's subnets; if the function's subnets are in another VPC it cannot reach the proxy: attach it to subnets of the proxy's VPC",
            description:
                "The function's VpcConfig.SubnetIds and the proxy's VpcSubnetIds, both written in this template, have no subnet " +
                "in common. Different subnets of one VPC work, so this is advice: check that both are in the same VPC.");

        /// <summary>Message arguments: see <see cref="PerInvocationRule"/>; {0} is the host name.</summary>
        public static readonly DiagnosticDescriptor DirectDatabaseEndpoint = RuleDescriptors.Create(
            DirectDatabaseEndpointId,
            RuleCategories.Networking,
            DiagnosticSeverity.Info,
            title: "Per-invocation code connects to an RDS database endpoint directly",
            messageFormat: "'{0}' is an RDS database endpoint that code running on every invocation {1} connects to directly; under concurrency every execution environment holds its own connections and can exhaust the database's limit: consider connecting through an RDS Proxy{2}",
            description:
                "AWS recommends RDS Proxy for Lambda functions that make frequent short database connections: a proxy pools and " +
                "shares database connections, so the function can scale to high concurrency without exhausting them.");

        /// <summary>Message arguments: see <see cref="PerInvocationRule"/>; {0} is the method called.</summary>
        public static readonly DiagnosticDescriptor AuthTokenPerInvocation = RuleDescriptors.Create(
            AuthTokenPerInvocationId,
            RuleCategories.Networking,
            DiagnosticSeverity.Info,
            title: "RDS IAM authentication token generated per invocation",
            messageFormat: "'{0}' generates an IAM authentication token on every invocation {1}; a token is valid for 15 minutes: generate it in a periodic password provider of a data source created once per execution environment{2}",
            description:
                "RDSAuthTokenGenerator signs a token with the function's credentials. Tokens are valid for 15 minutes, so one " +
                "per invocation repeats the signing (and, with a new token per connection string, defeats connection pooling). " +
                "A pooled data source created once, with a periodic password provider, refreshes the token in the background.");

        /// <summary>{0} what is wrong with the file.</summary>
        public static readonly DiagnosticDescriptor UnreadableDeploymentFile = RuleDescriptors.Create(
            UnreadableDeploymentFileId,
            RuleCategories.Networking,
            DiagnosticSeverity.Info,
            title: "Deployment file cannot be read",
            messageFormat: "This deployment file cannot be read ({0}); Sharpless analyzers that check deployment configuration (VpcConfig, SnapStart, handlers) skip it",
            description:
                "Sharpless reads template.yaml, template.json, serverless.template and aws-lambda-tools-defaults.json to connect " +
                "the code to its deployment configuration. A file it cannot parse is left out of every check, so diagnostics " +
                "about the functions it declares are missing until it parses again.");

        public static readonly DiagnosticDescriptor[] PerInvocation =
        {
            DirectDatabaseEndpoint,
            AuthTokenPerInvocation,
        };
    }
}
