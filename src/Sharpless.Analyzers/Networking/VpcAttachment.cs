using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Sharpless.Deployment.Templates;

namespace Sharpless.Networking
{
    internal enum VpcState
    {
        /// <summary>No VpcConfig anywhere the function is declared.</summary>
        None,

        /// <summary>VpcConfig without subnets or without security groups.</summary>
        Incomplete,

        /// <summary>Subnets and security groups are both given (literal or by reference).</summary>
        Attached,

        /// <summary>VpcConfig is an expression the template alone cannot settle (<c>!If</c>, an import): taken as attached.</summary>
        Unknown,
    }

    /// <summary>Whether, and how, a function is attached to a VPC, with where that is written for diagnostics.</summary>
    internal sealed class VpcAttachment
    {
        public static readonly VpcAttachment NotAttached = new VpcAttachment(VpcState.None, null, null, null);

        private VpcAttachment(VpcState state, string? missing, Location? location, SubnetSet? subnets)
        {
            State = state;
            Missing = missing;
            Location = location;
            Subnets = subnets;
        }

        public VpcState State { get; }

        /// <summary>For <see cref="VpcState.Incomplete"/>: "SubnetIds", "SecurityGroupIds" or both.</summary>
        public string? Missing { get; }

        /// <summary>Where the VpcConfig (or the subnet list) is written.</summary>
        public Location? Location { get; }

        /// <summary>The subnets, when every one is known; null otherwise.</summary>
        public SubnetSet? Subnets { get; }

        /// <summary>A function counts as able to reach a VPC unless its configuration certainly says it cannot.</summary>
        public bool MayReachVpc => State is VpcState.Attached or VpcState.Unknown;

        public static VpcAttachment FromTemplate(DeploymentTemplate template, TemplateVpcConfig? config)
        {
            if (config is null)
            {
                return NotAttached;
            }

            var location = config.Node.GetLocation(template.Path);
            if (config.Node is not TemplateMapping)
            {
                // `VpcConfig: !If [UseVpc, {...}, !Ref AWS::NoValue]` and the like: deployment-time choices.
                return new VpcAttachment(VpcState.Unknown, null, location, null);
            }

            var hasSubnets = IsGiven(config.SubnetIds);
            var hasGroups = IsGiven(config.SecurityGroupIds);
            if (!hasSubnets || !hasGroups)
            {
                return Incomplete(hasSubnets, hasGroups, location);
            }

            var subnetsLocation = config.SubnetIds!.GetLocation(template.Path);
            return new VpcAttachment(VpcState.Attached, null, subnetsLocation, SubnetSet.Read(template, config.SubnetIds));
        }

        public static VpcAttachment FromLists(ImmutableArray<string> subnets, ImmutableArray<string> securityGroups, Location? location)
        {
            if (subnets.IsDefaultOrEmpty && securityGroups.IsDefaultOrEmpty)
            {
                return NotAttached;
            }

            return subnets.IsDefaultOrEmpty || securityGroups.IsDefaultOrEmpty
                ? Incomplete(!subnets.IsDefaultOrEmpty, !securityGroups.IsDefaultOrEmpty, location)
                : new VpcAttachment(VpcState.Attached, null, location, SubnetSet.FromLiterals(subnets));
        }

        /// <summary>The better of two declarations of one function: any source that attaches it wins (no false alarm).</summary>
        public static VpcAttachment Best(VpcAttachment a, VpcAttachment b) => Rank(b.State) > Rank(a.State) ? b : a;

        private static int Rank(VpcState state) => state switch
        {
            VpcState.None => 0,
            VpcState.Incomplete => 1,
            VpcState.Unknown => 2,
            _ => 3,
        };

        private static VpcAttachment Incomplete(bool hasSubnets, bool hasGroups, Location? location) =>
            new VpcAttachment(
                VpcState.Incomplete,
                !hasSubnets && !hasGroups ? "SubnetIds and no SecurityGroupIds" : hasSubnets ? "SecurityGroupIds" : "SubnetIds",
                location,
                null);

        /// <summary>A non-empty list, or a value only the deployment settles (a <c>Ref</c> to a list parameter, an import).</summary>
        private static bool IsGiven(TemplateNode? node) => node switch
        {
            null => false,
            TemplateSequence sequence => sequence.Count > 0,
            TemplateScalar scalar => !scalar.IsNull && (scalar.Tag is not null || scalar.Value.Trim().Length > 0),
            _ => true,
        };
    }
}
