using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Deployment.Templates
{
    internal enum TemplateScalarStyle
    {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
        Folded,
    }

    /// <summary>
    /// A scalar: its text after unquoting, escapes and folding. YAML would also type it (int, bool, null); the reader
    /// keeps the text and lets each question decide, because CloudFormation accepts <c>MemorySize: "512"</c> and
    /// <c>MemorySize: 512</c> alike. JSON numbers and literals keep their raw text with the plain style.
    /// </summary>
    internal sealed class TemplateScalar : TemplateNode
    {
        internal TemplateScalar(string value, TemplateScalarStyle style, bool isNull, string? tag, TextSpan span, LinePositionSpan lineSpan)
            : base(tag, span, lineSpan)
        {
            Value = value;
            Style = style;
            IsNull = isNull;
        }

        public override TemplateNodeKind Kind => TemplateNodeKind.Scalar;

        /// <summary>The text as read; for a null scalar, what was written (<c>~</c>, <c>null</c> or nothing).</summary>
        public string Value { get; }

        public TemplateScalarStyle Style { get; }

        public bool IsQuoted => Style == TemplateScalarStyle.SingleQuoted || Style == TemplateScalarStyle.DoubleQuoted;

        /// <summary>
        /// True for a plain <c>~</c>/<c>null</c>/<c>Null</c>/<c>NULL</c>, for an empty value (<c>Key:</c>, <c>!Ref</c> with
        /// nothing after it) and for JSON <c>null</c>.
        /// </summary>
        public bool IsNull { get; }

        /// <summary>A decimal integer, quoted or not (CloudFormation accepts both for numeric properties).</summary>
        public bool TryGetInt32(out int value)
        {
            value = 0;
            return !IsNull &&
                int.TryParse(Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>true/false in any case, quoted or not, as CloudFormation reads booleans.</summary>
        public bool TryGetBoolean(out bool value)
        {
            value = false;
            if (IsNull)
            {
                return false;
            }

            var text = Value.Trim();
            if (string.Equals(text, "true", System.StringComparison.OrdinalIgnoreCase))
            {
                value = true;
                return true;
            }

            return string.Equals(text, "false", System.StringComparison.OrdinalIgnoreCase);
        }

        public override string ToString() => Value;
    }
}
