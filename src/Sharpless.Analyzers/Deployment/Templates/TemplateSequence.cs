using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Deployment.Templates
{
    /// <summary>A YAML sequence or JSON array.</summary>
    internal sealed class TemplateSequence : TemplateNode
    {
        internal TemplateSequence(ImmutableArray<TemplateNode> items, string? tag, TextSpan span, LinePositionSpan lineSpan)
            : base(tag, span, lineSpan)
        {
            Items = items;
        }

        public override TemplateNodeKind Kind => TemplateNodeKind.Sequence;

        public ImmutableArray<TemplateNode> Items { get; }

        public int Count => Items.Length;
    }
}
