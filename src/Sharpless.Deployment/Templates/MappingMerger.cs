using System.Collections.Generic;
using System.Linq;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// Applies a <see cref="MappingSpec"/> to a mapping already in a template as the smallest set of text edits:
    /// matching values are left alone, differing ones replaced, missing ones appended after the last entry, and keys
    /// the spec does not name never touched.
    /// </summary>
    internal static class MappingMerger
    {
        public static void Merge(TemplateSyntax syntax, TemplateMapping mapping, MappingSpec spec, TextEdits edits)
        {
            var removals = new List<int>();
            var appends = new List<KeyValuePair<string, TemplateValue>>();

            foreach (var entrySpec in spec.Entries)
            {
                var index = LastIndexOf(mapping, entrySpec.Key);
                var entry = index >= 0 ? mapping.Entries[index] : null;
                switch (entrySpec)
                {
                    case SetEntry set when entry is null:
                        appends.Add(new KeyValuePair<string, TemplateValue>(set.Key, set.Value));
                        break;
                    case SetEntry set:
                        if (!set.Value.IsWrittenAs(entry.Value))
                        {
                            syntax.Replace(mapping, entry, null, set.Value, edits);
                        }

                        break;
                    case SeedEntry seed when entry is null:
                        appends.Add(new KeyValuePair<string, TemplateValue>(seed.Key, seed.Value));
                        break;
                    case RemoveEntry when entry is not null:
                        removals.Add(index);
                        break;
                    case NestedEntry nested when entry is null:
                        var created = nested.Spec.ToNewValue();
                        if (created.Entries.Count > 0 || !nested.Spec.RemoveWhenEmpty)
                        {
                            appends.Add(new KeyValuePair<string, TemplateValue>(nested.Key, created));
                        }

                        break;
                    case NestedEntry nested:
                        MergeNested(syntax, mapping, entry, index, nested.Spec, removals, edits);
                        break;
                }
            }

            if (removals.Count == mapping.Count && appends.Count == 0)
            {
                throw new TemplateEditException("Every entry of a mapping would be removed; the caller removes the mapping instead.", mapping);
            }

            // A removed entry and a new one become one replacement in place, so a mapping never needs both a removal and
            // an append (in JSON both would want the comma after the last entry).
            removals.Sort();
            while (removals.Count > 0 && appends.Count > 0)
            {
                var replaced = mapping.Entries[removals[0]];
                syntax.Replace(mapping, replaced, appends[0].Key, appends[0].Value, edits);
                removals.RemoveAt(0);
                appends.RemoveAt(0);
            }

            if (removals.Count > 0)
            {
                syntax.Remove(mapping, removals, edits);
            }

            if (appends.Count > 0)
            {
                syntax.Append(mapping, appends, edits);
            }
        }

        private static void MergeNested(TemplateSyntax syntax, TemplateMapping mapping, TemplateEntry entry, int index, MappingSpec spec, List<int> removals, TextEdits edits)
        {
            var existing = entry.Value as TemplateMapping;
            var result = spec.Apply(existing is null ? TemplateValue.Map(new KeyValuePair<string, TemplateValue>[0]) : TemplateValue.FromNode(existing));
            if (result.Entries.Count == 0)
            {
                if (spec.RemoveWhenEmpty)
                {
                    removals.Add(index);
                }
                else if (existing is null || existing.Count > 0)
                {
                    syntax.Replace(mapping, entry, null, result, edits);
                }

                return;
            }

            if (existing is not null && syntax.CanEditInPlace(existing))
            {
                Merge(syntax, existing, spec, edits);
            }
            else if (!result.IsWrittenAs(entry.Value))
            {
                // Not a mapping, or one written in a style edited only whole (a YAML flow mapping): rewrite the value.
                syntax.Replace(mapping, entry, null, result, edits);
            }
        }

        private static int LastIndexOf(TemplateMapping mapping, string key)
        {
            for (var i = mapping.Count - 1; i >= 0; i--)
            {
                if (mapping.Entries[i].Key == key)
                {
                    return i;
                }
            }

            return -1;
        }

        internal static bool HasKey(TemplateMapping mapping, string key) => mapping.Entries.Any(e => e.Key == key);
    }
}
