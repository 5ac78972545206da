using System.Collections.Generic;

namespace Sharpless.Deployment.Templates
{
    /// <summary>What one key of a mapping should become; keys a spec does not name are the user's and stay as they are.</summary>
    internal abstract class EntrySpec
    {
        protected EntrySpec(string key)
        {
            Key = key;
        }

        public string Key { get; }
    }

    /// <summary>The key holds this value: written when missing, replaced when it differs, untouched when it matches.</summary>
    internal sealed class SetEntry : EntrySpec
    {
        public SetEntry(string key, TemplateValue value)
            : base(key)
        {
            Value = value;
        }

        public TemplateValue Value { get; }
    }

    /// <summary>Written when the key is missing; a value already there is the user's choice (<c>CodeUri</c>).</summary>
    internal sealed class SeedEntry : EntrySpec
    {
        public SeedEntry(string key, TemplateValue value)
            : base(key)
        {
            Value = value;
        }

        public TemplateValue Value { get; }
    }

    /// <summary>The key is Sharpless's and should no longer be there.</summary>
    internal sealed class RemoveEntry : EntrySpec
    {
        public RemoveEntry(string key)
            : base(key)
        {
        }
    }

    /// <summary>The key holds a mapping that Sharpless shares with the user: some of its keys are Sharpless's.</summary>
    internal sealed class NestedEntry : EntrySpec
    {
        public NestedEntry(string key, MappingSpec spec)
            : base(key)
        {
            Spec = spec;
        }

        public MappingSpec Spec { get; }
    }

    /// <summary>The Sharpless-owned keys of one mapping, in the order new keys are written.</summary>
    internal sealed class MappingSpec
    {
        public MappingSpec(IReadOnlyList<EntrySpec> entries, bool removeWhenEmpty = false)
        {
            Entries = entries;
            RemoveWhenEmpty = removeWhenEmpty;
        }

        public IReadOnlyList<EntrySpec> Entries { get; }

        /// <summary>When nothing would be left in the mapping, its key goes too (an <c>Events</c> with no events).</summary>
        public bool RemoveWhenEmpty { get; }

        /// <summary>The mapping this spec writes where there is none yet: every value it sets or seeds.</summary>
        public TemplateValue ToNewValue() => Apply(TemplateValue.Map(new KeyValuePair<string, TemplateValue>[0]));

        /// <summary>This spec applied to an existing value (a mapping rewritten whole, since it cannot be edited in place).</summary>
        public TemplateValue Apply(TemplateValue existing)
        {
            var entries = new List<KeyValuePair<string, TemplateValue>>(existing.Entries);
            foreach (var spec in Entries)
            {
                var index = entries.FindIndex(e => e.Key == spec.Key);
                switch (spec)
                {
                    case SetEntry set:
                        Put(entries, index, set.Key, set.Value);
                        break;
                    case SeedEntry seed when index < 0:
                        entries.Add(new KeyValuePair<string, TemplateValue>(seed.Key, seed.Value));
                        break;
                    case RemoveEntry when index >= 0:
                        entries.RemoveAt(index);
                        break;
                    case NestedEntry nested:
                        var inner = nested.Spec.Apply(index >= 0 && entries[index].Value.Kind == TemplateValueKind.Mapping
                            ? entries[index].Value
                            : TemplateValue.Map(new KeyValuePair<string, TemplateValue>[0]));
                        if (inner.Entries.Count == 0 && nested.Spec.RemoveWhenEmpty)
                        {
                            if (index >= 0)
                            {
                                entries.RemoveAt(index);
                            }
                        }
                        else
                        {
                            Put(entries, index, nested.Key, inner);
                        }

                        break;
                }
            }

            return TemplateValue.Map(entries);
        }

        private static void Put(List<KeyValuePair<string, TemplateValue>> entries, int index, string key, TemplateValue value)
        {
            var entry = new KeyValuePair<string, TemplateValue>(key, value);
            if (index >= 0)
            {
                entries[index] = entry;
            }
            else
            {
                entries.Add(entry);
            }
        }
    }
}
