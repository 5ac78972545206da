using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// A Lambda function declared in a template (<c>AWS::Serverless::Function</c> or <c>AWS::Lambda::Function</c>),
    /// with the properties it deploys with: for a SAM function, its own properties merged over <c>Globals.Function</c>.
    /// Typed values are set where the template alone decides them (a literal, or a <c>Ref</c> to a parameter default).
    /// </summary>
    internal sealed class TemplateFunction
    {
        public const string ServerlessType = "AWS::Serverless::Function";
        public const string LambdaType = "AWS::Lambda::Function";

        internal TemplateFunction(
            TemplateResource resource,
            TemplateMapping properties,
            string? handler,
            string? runtime,
            int? memorySize,
            int? timeout,
            string? autoPublishAlias,
            string? snapStartApplyOn,
            TemplateVpcConfig? vpcConfig,
            ImmutableArray<TemplateEntry> environmentVariables,
            ImmutableArray<TemplateEvent> events)
        {
            Resource = resource;
            Properties = properties;
            Handler = handler;
            Runtime = runtime;
            MemorySize = memorySize;
            Timeout = timeout;
            AutoPublishAlias = autoPublishAlias;
            SnapStartApplyOn = snapStartApplyOn;
            VpcConfig = vpcConfig;
            EnvironmentVariables = environmentVariables;
            Events = events;
        }

        public TemplateResource Resource { get; }

        public string LogicalId => Resource.LogicalId;

        /// <summary>Where the function's logical id is written.</summary>
        public Location Location => Resource.Location;

        public bool IsServerless => Resource.Type == ServerlessType;

        /// <summary>
        /// The properties the function deploys with. For a SAM function this is a merged view (SAM's rules: the
        /// resource's value replaces a global scalar, mappings merge key by key, lists are the global entries followed
        /// by the resource's); every node in it keeps the span of where it is written.
        /// </summary>
        public TemplateMapping Properties { get; }

        /// <summary>The handler string (<c>Assembly::Namespace.Type::Method</c>, or an executable's name).</summary>
        public string? Handler { get; }

        public string? Runtime { get; }

        public int? MemorySize { get; }

        public int? Timeout { get; }

        /// <summary>SAM's <c>AutoPublishAlias</c>: SAM publishes a version on every change and points this alias at it.</summary>
        public string? AutoPublishAlias { get; }

        /// <summary><c>SnapStart.ApplyOn</c>: <c>PublishedVersions</c> or <c>None</c>.</summary>
        public string? SnapStartApplyOn { get; }

        /// <summary>SnapStart is on when <c>ApplyOn</c> is <c>PublishedVersions</c> (the only value that enables it).</summary>
        public bool IsSnapStartEnabled => string.Equals(SnapStartApplyOn, "PublishedVersions", StringComparison.Ordinal);

        /// <summary>The merged <c>VpcConfig</c>, or null when the function has none.</summary>
        public TemplateVpcConfig? VpcConfig { get; }

        /// <summary><c>Environment.Variables</c> (Globals' merged with the function's own; the function's win).</summary>
        public ImmutableArray<TemplateEntry> EnvironmentVariables { get; }

        /// <summary>SAM <c>Events</c> (empty for <c>AWS::Lambda::Function</c>, which has none).</summary>
        public ImmutableArray<TemplateEvent> Events { get; }

        public bool TryGetEnvironmentVariable(string name, [NotNullWhen(true)] out TemplateNode? value)
        {
            for (var i = EnvironmentVariables.Length - 1; i >= 0; i--)
            {
                if (string.Equals(EnvironmentVariables[i].Key, name, StringComparison.Ordinal))
                {
                    value = EnvironmentVariables[i].Value;
                    return true;
                }
            }

            value = null;
            return false;
        }

        public static bool IsFunctionType(string? type) => type == ServerlessType || type == LambdaType;

        public override string ToString() => LogicalId;
    }

    /// <summary>A function's <c>VpcConfig</c>. The node may be an intrinsic (<c>!If [HasVpc, {...}, !Ref AWS::NoValue]</c>).</summary>
    internal sealed class TemplateVpcConfig
    {
        internal TemplateVpcConfig(TemplateNode node)
        {
            Node = node;
            var mapping = node as TemplateMapping;
            SubnetIds = mapping?.Get("SubnetIds");
            SecurityGroupIds = mapping?.Get("SecurityGroupIds");
        }

        public TemplateNode Node { get; }

        public TemplateNode? SubnetIds { get; }

        public TemplateNode? SecurityGroupIds { get; }

        /// <summary>
        /// Names subnets: a non-empty list, or a value the template cannot settle alone (a <c>Ref</c> to a
        /// <c>List&lt;AWS::EC2::Subnet::Id&gt;</c> parameter, an import), which is taken at its word.
        /// </summary>
        public bool HasSubnets => SubnetIds switch
        {
            null => false,
            TemplateSequence sequence => sequence.Count > 0,
            TemplateScalar scalar => !scalar.IsNull,
            _ => true,
        };
    }

    /// <summary>An entry of a SAM function's <c>Events</c>.</summary>
    internal sealed class TemplateEvent
    {
        internal TemplateEvent(TemplateEntry entry)
        {
            Name = entry.Key;
            KeyNode = entry.KeyNode;
            Definition = entry.Value;
            var definition = entry.Value as TemplateMapping;
            Type = definition?.GetScalar("Type")?.Value;
            Properties = definition?.GetMapping("Properties");
        }

        public string Name { get; }

        public TemplateScalar KeyNode { get; }

        /// <summary><c>Api</c>, <c>HttpApi</c>, <c>SQS</c>, <c>Schedule</c>, …</summary>
        public string? Type { get; }

        public TemplateMapping? Properties { get; }

        public TemplateNode Definition { get; }
    }
}
