using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Deployment.Templates
{
    /// <summary>Why a file could not be read, and where: enough for one diagnostic on the file.</summary>
    internal sealed class TemplateParseError
    {
        internal TemplateParseError(string message, TextSpan span, LinePositionSpan lineSpan)
        {
            Message = message;
            Span = span;
            LineSpan = lineSpan;
        }

        public string Message { get; }

        public TextSpan Span { get; }

        public LinePositionSpan LineSpan { get; }

        public Location GetLocation(string path) => Location.Create(path, Span, LineSpan);

        public override string ToString() =>
            $"({LineSpan.Start.Line + 1},{LineSpan.Start.Character + 1}): {Message}";
    }

    /// <summary>
    /// What a parser returns instead of throwing: a root node, or an error. Analyzers run on half-typed files in the
    /// IDE, so an unreadable file is an expected outcome, not an exception.
    /// </summary>
    internal sealed class TemplateParseResult
    {
        private TemplateParseResult(TemplateNode? root, TemplateParseError? error)
        {
            Root = root;
            Error = error;
        }

        public TemplateNode? Root { get; }

        public TemplateParseError? Error { get; }

        public bool Succeeded => Root is not null;

        internal static TemplateParseResult Success(TemplateNode root) => new(root, null);

        internal static TemplateParseResult Failure(TemplateParseError error) => new(null, error);
    }
}
