using System.Collections.Immutable;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// How SAM applies <c>Globals</c> to a resource (the SAM specification's "Globals section", and the SAM
    /// translator): a value in the resource replaces a global scalar; two mappings merge key by key, recursively, the
    /// resource winning; two lists concatenate, global entries first; values of different kinds, or an intrinsic
    /// function on either side (it resolves to a scalar at deploy time), leave the resource's value.
    /// </summary>
    internal static class SamGlobals
    {
        private enum Shape
        {
            Scalar,
            Mapping,
            List,
        }

        /// <summary>
        /// The merged value. Merged collections are new nodes with the resource's span; everything inside keeps its own.
        /// </summary>
        public static TemplateNode Merge(TemplateNode global, TemplateNode local)
        {
            var shape = ShapeOf(global);
            if (shape != ShapeOf(local) || shape == Shape.Scalar)
            {
                return local;
            }

            if (shape == Shape.Mapping)
            {
                return MergeMappings((TemplateMapping)global, (TemplateMapping)local);
            }

            var globalItems = ((TemplateSequence)global).Items;
            return new TemplateSequence(globalItems.AddRange(((TemplateSequence)local).Items), local.Tag, local.Span, local.LineSpan);
        }

        public static TemplateMapping MergeMappings(TemplateMapping global, TemplateMapping local)
        {
            var entries = ImmutableArray.CreateBuilder<TemplateEntry>(global.Count + local.Count);
            foreach (var entry in global.Entries)
            {
                entries.Add(local.TryGetEntry(entry.Key, out var own)
                    ? new TemplateEntry(own.KeyNode, Merge(entry.Value, own.Value))
                    : entry);
            }

            foreach (var entry in local.Entries)
            {
                if (!global.TryGetEntry(entry.Key, out _))
                {
                    entries.Add(entry);
                }
            }

            return new TemplateMapping(entries.ToImmutable(), local.Tag, local.Span, local.LineSpan);
        }

        private static Shape ShapeOf(TemplateNode node)
        {
            if (Intrinsic.TryRead(node, out _))
            {
                return Shape.Scalar;
            }

            return node switch
            {
                TemplateMapping => Shape.Mapping,
                TemplateSequence => Shape.List,
                _ => Shape.Scalar,
            };
        }
    }
}
