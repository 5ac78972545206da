using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Deployment.Templates
{
    internal enum TemplateNodeKind
    {
        Scalar,
        Mapping,
        Sequence,
    }

    /// <summary>
    /// One node of a deployment file, read from YAML or JSON into the same shape so analyzers ask one question
    /// ("is VpcConfig a mapping with SubnetIds?") whatever the file's syntax. Nodes keep where they were written,
    /// because the point of reading a template in an analyzer is to report a diagnostic on the right line.
    /// </summary>
    internal abstract class TemplateNode
    {
        private protected TemplateNode(string? tag, TextSpan span, LinePositionSpan lineSpan)
        {
            Tag = tag;
            Span = span;
            LineSpan = lineSpan;
        }

        public abstract TemplateNodeKind Kind { get; }

        /// <summary>
        /// The YAML tag as written (<c>!Ref</c>, <c>!GetAtt</c>, <c>!!str</c>), or null. CloudFormation's short-form
        /// intrinsic functions are tags, so they are kept rather than resolved; see <see cref="Intrinsic"/>.
        /// </summary>
        public string? Tag { get; }

        /// <summary>
        /// Where the node is written, tag and anchor included. A node synthesised by merging (SAM Globals, YAML
        /// merge keys) carries the span of the node it was merged into.
        /// </summary>
        public TextSpan Span { get; }

        public LinePositionSpan LineSpan { get; }

        /// <summary>A location in the deployment file, for diagnostics reported on an additional file.</summary>
        public Location GetLocation(string path) => Location.Create(path, Span, LineSpan);
    }
}
