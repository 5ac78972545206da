using System;

namespace Sharpless
{
    /// <summary>
    /// Marks a method as an AWS Lambda function. Sharpless generates the handler the Lambda runtime calls
    /// and treats the method body as per-invocation code in its analyzers.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class LambdaFunctionAttribute : Attribute
    {
        /// <summary>The function name (and the name of its constant in <c>Sharpless.Generated.Functions</c>). Defaults to the method name.</summary>
        public string? Name { get; set; }

        /// <summary>Memory in MB (128 to 10,240). Zero leaves the deployment default.</summary>
        public int MemorySize { get; set; }

        /// <summary>Timeout in seconds (1 to 900). Zero leaves the deployment default.</summary>
        public int Timeout { get; set; }

        /// <summary>The ARN or logical ID of the function's execution role.</summary>
        public string? Role { get; set; }

        /// <summary>Comma-separated managed policy names or ARNs attached to a generated role.</summary>
        public string? Policies { get; set; }

        /// <summary>
        /// The subnets the function is attached to (its <c>VpcConfig.SubnetIds</c>), for code-first projects. A function
        /// that talks to an RDS Proxy or anything else inside a VPC needs these and <see cref="SecurityGroupIds"/>.
        /// </summary>
        public string[]? SubnetIds { get; set; }

        /// <summary>The security groups of the function's network interfaces (its <c>VpcConfig.SecurityGroupIds</c>).</summary>
        public string[]? SecurityGroupIds { get; set; }
    }
}
