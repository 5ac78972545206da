using System;
using System.Diagnostics.CodeAnalysis;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// A CloudFormation intrinsic function, read the same from its short YAML form (<c>!GetAtt Proxy.Endpoint</c>, a tag)
    /// and its long form (<c>{ "Fn::GetAtt": ["Proxy", "Endpoint"] }</c>, a single-key mapping), so an analyzer asks one
    /// question for both.
    /// </summary>
    internal readonly struct Intrinsic
    {
        public const string Ref = "Ref";
        public const string Condition = "Condition";
        public const string GetAtt = "Fn::GetAtt";
        public const string Sub = "Fn::Sub";
        public const string If = "Fn::If";
        public const string Join = "Fn::Join";
        public const string ImportValue = "Fn::ImportValue";

        /// <summary>CloudFormation's short-form tags and the long name each stands for.</summary>
        private static readonly string[] ShortFormNames =
        {
            "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
            "Transform", "If", "Equals", "Not", "And", "Or",
        };

        private Intrinsic(string name, TemplateNode argument, TemplateNode node, bool isShortForm)
        {
            Name = name;
            Argument = argument;
            Node = node;
            IsShortForm = isShortForm;
        }

        /// <summary>The long-form name: <c>Ref</c>, <c>Condition</c> or <c>Fn::…</c> (<c>Fn::GetAtt</c>, <c>Fn::Sub</c>, …).</summary>
        public string Name { get; }

        /// <summary>
        /// What the function is applied to. In the short form this is the tagged node itself (the tag is the function),
        /// so <c>!Sub "x"</c> gives the scalar <c>x</c>; in the long form it is the mapping's single value.
        /// </summary>
        public TemplateNode Argument { get; }

        /// <summary>The whole expression, for locations.</summary>
        public TemplateNode Node { get; }

        public bool IsShortForm { get; }

        public static bool TryRead(TemplateNode? node, out Intrinsic intrinsic)
        {
            intrinsic = default;
            if (node is null)
            {
                return false;
            }

            if (node.Tag is { } tag && TryGetShortFormName(tag, out var name))
            {
                intrinsic = new Intrinsic(name, node, node, isShortForm: true);
                return true;
            }

            if (node is TemplateMapping { Count: 1 } mapping)
            {
                var entry = mapping.Entries[0];
                if (IsLongFormName(entry.Key))
                {
                    intrinsic = new Intrinsic(entry.Key, entry.Value, node, isShortForm: false);
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a mapping key names an intrinsic function (<c>Ref</c>, <c>Condition</c>, <c>Fn::…</c>).</summary>
        public static bool IsLongFormName(string key) =>
            key == Ref || key == Condition || key.StartsWith("Fn::", StringComparison.Ordinal);

        public bool Is(string name) => string.Equals(Name, name, StringComparison.Ordinal);

        /// <summary><c>!Ref Name</c> / <c>{ "Ref": "Name" }</c>: the parameter, resource or pseudo parameter it names.</summary>
        public bool TryGetRefTarget([NotNullWhen(true)] out string? target)
        {
            target = Is(Ref) && Argument is TemplateScalar { IsNull: false } scalar && scalar.Value.Length > 0 ? scalar.Value : null;
            return target is not null;
        }

        /// <summary>
        /// <c>Fn::GetAtt</c> as <c>A.B</c> (split at the first dot, as CloudFormation does; attributes such as
        /// <c>Endpoint.Address</c> keep their own dots) or as the list <c>[A, B]</c> with a literal attribute name.
        /// </summary>
        public bool TryGetGetAtt([NotNullWhen(true)] out string? logicalId, [NotNullWhen(true)] out string? attribute)
        {
            logicalId = null;
            attribute = null;
            if (!Is(GetAtt))
            {
                return false;
            }

            if (Argument is TemplateScalar { IsNull: false } scalar)
            {
                var dot = scalar.Value.IndexOf('.');
                if (dot <= 0 || dot == scalar.Value.Length - 1)
                {
                    return false;
                }

                logicalId = scalar.Value.Substring(0, dot);
                attribute = scalar.Value.Substring(dot + 1);
                return true;
            }

            if (Argument is TemplateSequence { Count: 2 } sequence &&
                sequence.Items[0] is TemplateScalar { IsNull: false, Tag: null } id &&
                sequence.Items[1] is TemplateScalar { IsNull: false, Tag: null } name)
            {
                logicalId = id.Value;
                attribute = name.Value;
                return true;
            }

            return false;
        }

        /// <summary><c>Fn::Sub</c> as a string, or as <c>[string, { Var: value }]</c> (then <paramref name="variables"/> is set).</summary>
        public bool TryGetSub([NotNullWhen(true)] out string? template, out TemplateMapping? variables)
        {
            template = null;
            variables = null;
            if (!Is(Sub))
            {
                return false;
            }

            if (Argument is TemplateScalar scalar)
            {
                template = scalar.Value;
                return true;
            }

            if (Argument is TemplateSequence { Count: >= 1 } sequence && sequence.Items[0] is TemplateScalar text)
            {
                template = text.Value;
                variables = sequence.Count > 1 ? sequence.Items[1] as TemplateMapping : null;
                return true;
            }

            return false;
        }

        private static bool TryGetShortFormName(string tag, [NotNullWhen(true)] out string? name)
        {
            name = null;
            if (tag.Length < 2 || tag[0] != '!' || tag[1] == '!')
            {
                return false;
            }

            var bare = tag.Substring(1);
            if (bare == Ref || bare == Condition)
            {
                name = bare;
                return true;
            }

            foreach (var candidate in ShortFormNames)
            {
                if (candidate == bare)
                {
                    name = "Fn::" + bare;
                    return true;
                }
            }

            return false;
        }

        public override string ToString() => Name;
    }
}
