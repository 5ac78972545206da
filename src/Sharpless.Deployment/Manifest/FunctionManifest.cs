using System.Collections.Generic;

namespace Sharpless.Deployment.Manifest
{
    /// <summary>
    /// The functions an assembly declares, as the generator compiled them into <c>Sharpless.Generated.FunctionManifest.Json</c>
    /// (format: docs/functions.md). Null numbers and roles mean "not set in code".
    /// </summary>
    internal sealed record FunctionManifest(IReadOnlyList<ManifestFunction> Functions)
    {
        public static readonly FunctionManifest Empty = new(new ManifestFunction[0]);
    }

    internal sealed record ManifestFunction(
        string Name,
        string Handler,
        string Method,
        int? MemorySize,
        int? Timeout,
        string? Role,
        IReadOnlyList<string> Policies,
        ManifestVpcConfig? VpcConfig,
        IReadOnlyList<ManifestEvent> Events);

    internal sealed record ManifestVpcConfig(IReadOnlyList<string> SubnetIds, IReadOnlyList<string> SecurityGroupIds);

    /// <summary>
    /// A route — <c>Type</c> is the SAM event type, <c>HttpApi</c> (payload 2.0) or <c>Api</c> (REST, payload 1.0) — or a
    /// trigger (<c>SQS</c>, <c>DynamoDB</c>), which has a <see cref="Name"/> and its SAM <see cref="Properties"/> instead
    /// of a method and path.
    /// </summary>
    internal sealed record ManifestEvent(string Type, string Method, string Path, string PayloadFormatVersion, string? Name = null, Templates.TemplateValue? Properties = null)
    {
        public bool IsTrigger => Properties is not null;
    }
}
