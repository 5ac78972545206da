using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Sharpless.Deployment.Templates;

namespace Sharpless.Networking
{
    /// <summary>
    /// A set of subnets as written, compared by what they name: a literal id (<c>subnet-0a1b…</c>, also from a
    /// parameter's default), or a reference (<c>!Ref PrivateSubnetA</c>, <c>!GetAtt</c>, <c>!ImportValue</c>) that
    /// names the same subnet wherever it is written in one template. A set with anything else is not built.
    /// </summary>
    internal sealed class SubnetSet
    {
        private readonly HashSet<string> _keys;

        /// <summary>The template whose references the keys name; null when every key is a literal id (comparable anywhere).</summary>
        private readonly string? _scope;

        private SubnetSet(HashSet<string> keys, string? scope)
        {
            _keys = keys;
            _scope = scope;
        }

        /// <summary>Whether both sets name their subnets in a way that can be compared: literal ids, or references within one template.</summary>
        public bool IsComparableWith(SubnetSet other) => _scope is null && other._scope is null || string.Equals(_scope, other._scope, StringComparison.Ordinal);

        public bool Overlaps(SubnetSet other) => _keys.Overlaps(other._keys);

        public static SubnetSet FromLiterals(ImmutableArray<string> subnets)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var subnet in subnets)
            {
                keys.Add(Literal(subnet));
            }

            return new SubnetSet(keys, null);
        }

        /// <summary>The subnets of a <c>SubnetIds</c>/<c>VpcSubnetIds</c> node, or null when one of them is not known.</summary>
        public static SubnetSet? Read(DeploymentTemplate template, TemplateNode? node)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            if (node is TemplateSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    if (!TryAdd(template, item, keys))
                    {
                        return null;
                    }
                }
            }
            else if (node is null || !TryAdd(template, node, keys))
            {
                return null;
            }

            if (keys.Count == 0)
            {
                return null;
            }

            var literalOnly = true;
            foreach (var key in keys)
            {
                literalOnly &= key.StartsWith(LiteralPrefix, StringComparison.Ordinal);
            }

            return new SubnetSet(keys, literalOnly ? null : template.Path);
        }

        private static bool TryAdd(DeploymentTemplate template, TemplateNode item, HashSet<string> keys)
        {
            if (item is TemplateScalar { Tag: null, IsNull: false } literal)
            {
                keys.Add(Literal(literal.Value));
                return true;
            }

            if (!Intrinsic.TryRead(item, out var intrinsic))
            {
                return false;
            }

            if (intrinsic.TryGetRefTarget(out var target))
            {
                // A parameter with a default: the subnets it names (one id, or a CommaDelimitedList/List<…> of them).
                if (template.TryGetParameter(target, out var parameter) && parameter.Default is TemplateScalar { Tag: null, IsNull: false } defaultValue)
                {
                    foreach (var part in defaultValue.Value.Split(','))
                    {
                        if (part.Trim().Length > 0)
                        {
                            keys.Add(Literal(part));
                        }
                    }

                    return true;
                }

                keys.Add("ref:" + target);
                return true;
            }

            if (intrinsic.TryGetGetAtt(out var logicalId, out var attribute))
            {
                keys.Add("getatt:" + logicalId + "." + attribute);
                return true;
            }

            // In the short form the argument is the tagged scalar itself.
            if (intrinsic.Is(Intrinsic.ImportValue) && intrinsic.Argument is TemplateScalar { IsNull: false } export && (intrinsic.IsShortForm || export.Tag is null))
            {
                keys.Add("import:" + export.Value);
                return true;
            }

            return false;
        }

        private const string LiteralPrefix = "id:";

        private static string Literal(string subnet) => LiteralPrefix + subnet.Trim();
    }
}
