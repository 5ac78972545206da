using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment.Templates
{
    internal enum TemplateValueKind
    {
        Text,
        Number,
        Sequence,
        Mapping,
        Reference,
        Attribute,
    }

    /// <summary>
    /// A value Sharpless wants in a template, independent of YAML or JSON. Intrinsic functions are values of their own
    /// (<see cref="Ref"/>, <see cref="GetAtt"/>) because each syntax writes them differently: <c>!Ref X</c> in YAML,
    /// <c>{"Ref": "X"}</c> in JSON, and a template written by hand may use either form in either file.
    /// </summary>
    internal sealed class TemplateValue
    {
        private TemplateValue(TemplateValueKind kind, string text, IReadOnlyList<TemplateValue>? items, IReadOnlyList<KeyValuePair<string, TemplateValue>>? entries)
        {
            Kind = kind;
            Text = text;
            Items = items ?? Array.Empty<TemplateValue>();
            Entries = entries ?? Array.Empty<KeyValuePair<string, TemplateValue>>();
        }

        public TemplateValueKind Kind { get; }

        /// <summary>The scalar's text; for <see cref="TemplateValueKind.Reference"/> the logical ID, for
        /// <see cref="TemplateValueKind.Attribute"/> <c>LogicalId.Attribute</c>.</summary>
        public string Text { get; }

        public IReadOnlyList<TemplateValue> Items { get; }

        public IReadOnlyList<KeyValuePair<string, TemplateValue>> Entries { get; }

        public static TemplateValue String(string text) => new(TemplateValueKind.Text, text, null, null);

        public static TemplateValue Number(int value) => new(TemplateValueKind.Number, value.ToString(CultureInfo.InvariantCulture), null, null);

        /// <summary><c>true</c> or <c>false</c>: like a number, a plain scalar written without quotes in YAML and JSON.</summary>
        public static TemplateValue Boolean(bool value) => new(TemplateValueKind.Number, value ? "true" : "false", null, null);

        public static TemplateValue Ref(string logicalId) => new(TemplateValueKind.Reference, logicalId, null, null);

        public static TemplateValue GetAtt(string logicalId, string attribute) => new(TemplateValueKind.Attribute, logicalId + "." + attribute, null, null);

        public static TemplateValue List(IEnumerable<TemplateValue> items) => new(TemplateValueKind.Sequence, string.Empty, items.ToArray(), null);

        public static TemplateValue Map(params (string Key, TemplateValue Value)[] entries) =>
            new(TemplateValueKind.Mapping, string.Empty, null, entries.Select(e => new KeyValuePair<string, TemplateValue>(e.Key, e.Value)).ToArray());

        public static TemplateValue Map(IEnumerable<KeyValuePair<string, TemplateValue>> entries) =>
            new(TemplateValueKind.Mapping, string.Empty, null, entries.ToArray());

        /// <summary>
        /// Whether a node already in the template means this value, so an unchanged setting is left exactly as the
        /// user wrote it: <c>"512"</c> and <c>512</c>, <c>!Ref X</c> and <c>{"Ref": "X"}</c>, mapping keys in any order.
        /// </summary>
        public bool IsWrittenAs(TemplateNode? node)
        {
            if (node is null)
            {
                return false;
            }

            switch (Kind)
            {
                case TemplateValueKind.Text:
                case TemplateValueKind.Number:
                    return node is TemplateScalar scalar && scalar.Tag is null && !scalar.IsNull &&
                        string.Equals(scalar.Value, Text, StringComparison.Ordinal);

                case TemplateValueKind.Reference:
                    return IntrinsicArgument(node, "!Ref", "Ref") is TemplateScalar reference &&
                        string.Equals(reference.Value, Text, StringComparison.Ordinal);

                case TemplateValueKind.Attribute:
                    return IsAttribute(IntrinsicArgument(node, "!GetAtt", "Fn::GetAtt"));

                case TemplateValueKind.Sequence:
                    if (node is not TemplateSequence sequence || sequence.Tag is not null || sequence.Items.Length != Items.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < Items.Count; i++)
                    {
                        if (!Items[i].IsWrittenAs(sequence.Items[i]))
                        {
                            return false;
                        }
                    }

                    return true;

                case TemplateValueKind.Mapping:
                    if (node is not TemplateMapping mapping || mapping.Tag is not null || mapping.Count != Entries.Count)
                    {
                        return false;
                    }

                    foreach (var entry in Entries)
                    {
                        if (!entry.Value.IsWrittenAs(mapping.Get(entry.Key)))
                        {
                            return false;
                        }
                    }

                    return true;

                default:
                    return false;
            }
        }

        /// <summary>
        /// A node as a value, for the rare edit that must rewrite a collection Sharpless shares with the user (a flow
        /// mapping in YAML, say): the user's entries are written back with the same content, in the same order.
        /// </summary>
        public static TemplateValue FromNode(TemplateNode node)
        {
            switch (node)
            {
                case TemplateScalar scalar when scalar.Tag == "!Ref":
                    return Ref(scalar.Value);
                case TemplateScalar scalar when scalar.Tag == "!GetAtt":
                    var dot = scalar.Value.IndexOf('.');
                    return dot > 0 ? GetAtt(scalar.Value.Substring(0, dot), scalar.Value.Substring(dot + 1)) : String(scalar.Value);
                case TemplateScalar scalar:
                    return scalar.Style == TemplateScalarStyle.Plain && scalar.TryGetInt32(out var number) &&
                        number.ToString(CultureInfo.InvariantCulture) == scalar.Value
                        ? Number(number)
                        : String(scalar.Value);
                case TemplateSequence sequence:
                    return List(sequence.Items.Select(FromNode));
                case TemplateMapping mapping:
                    return Map(mapping.Entries.Select(e => new KeyValuePair<string, TemplateValue>(e.Key, FromNode(e.Value))));
                default:
                    throw new InvalidOperationException("Unknown template node.");
            }
        }

        private bool IsAttribute(TemplateNode? argument)
        {
            switch (argument)
            {
                case TemplateScalar scalar:
                    return string.Equals(scalar.Value, Text, StringComparison.Ordinal);
                case TemplateSequence { Items.Length: 2 } pair when pair.Items[0] is TemplateScalar id && pair.Items[1] is TemplateScalar name:
                    return string.Equals(id.Value + "." + name.Value, Text, StringComparison.Ordinal);
                default:
                    return false;
            }
        }

        private static TemplateNode? IntrinsicArgument(TemplateNode node, string shortTag, string longKey)
        {
            if (string.Equals(node.Tag, shortTag, StringComparison.Ordinal))
            {
                return node;
            }

            return node is TemplateMapping { Count: 1 } mapping && mapping.Tag is null && mapping.TryGet(longKey, out var argument)
                ? argument
                : null;
        }
    }
}
