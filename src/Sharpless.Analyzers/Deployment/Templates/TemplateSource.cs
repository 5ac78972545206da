using System;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// The text a parser reads and the limits both parsers share. Line positions come from Roslyn's own line table so
    /// a reported location lands where the IDE shows that line.
    /// </summary>
    internal sealed class TemplateSource
    {
        /// <summary>
        /// Larger files are refused unread. CloudFormation accepts template bodies up to 1 MB (from S3); SAM templates
        /// before transformation can be bigger, but not sixteen times bigger.
        /// </summary>
        public const int MaxLength = 16 * 1024 * 1024;

        /// <summary>
        /// Deepest nesting read. Real templates nest a dozen levels; the limit keeps recursion far from the stack's end
        /// on any thread a host runs analyzers on.
        /// </summary>
        public const int MaxDepth = 200;

        private readonly SourceText _text;

        public TemplateSource(SourceText text)
        {
            _text = text;
            Content = text.ToString();
        }

        public string Content { get; }

        public LinePositionSpan Map(int start, int end) => _text.Lines.GetLinePositionSpan(TextSpan.FromBounds(start, end));

        public TemplateParseError Error(string message, int position) => ErrorAt(_text, message, position);

        public static TemplateParseError ErrorAt(SourceText text, string message, int position)
        {
            position = Math.Max(0, Math.Min(position, text.Length));
            // One character wide where there is a visible character, so the squiggle has something to underline.
            var length = position < text.Length && text[position] != '\n' && text[position] != '\r' ? 1 : 0;
            var span = new TextSpan(position, length);
            return new TemplateParseError(message, span, text.Lines.GetLinePositionSpan(span));
        }

        public static TemplateParseError? CheckLength(SourceText text) =>
            text.Length > MaxLength
                ? ErrorAt(text, $"The file is larger than {MaxLength / (1024 * 1024)} MB and was not read.", 0)
                : null;

        /// <summary>
        /// Runs a parser over the text so that it never throws: too large a file, a syntax error, nesting deeper than the
        /// stack allows, or a bug in the parser all become a failed result (cancellation still propagates). A parser bug
        /// must not take the analyzer, and every diagnostic it reports, down with it.
        /// </summary>
        internal static TemplateParseResult ParseSafely(SourceText text, Func<TemplateSource, TemplateNode> parse)
        {
            var tooLarge = CheckLength(text);
            if (tooLarge is not null)
            {
                return TemplateParseResult.Failure(tooLarge);
            }

            var source = new TemplateSource(text);
            try
            {
                return TemplateParseResult.Success(parse(source));
            }
            catch (TemplateSyntaxException e)
            {
                return TemplateParseResult.Failure(source.Error(e.Message, e.Position));
            }
            catch (InsufficientExecutionStackException)
            {
                return TemplateParseResult.Failure(source.Error("The file nests too deeply to read.", 0));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return TemplateParseResult.Failure(source.Error($"The file could not be read ({e.GetType().Name}: {e.Message}).", 0));
            }
        }
    }

    /// <summary>
    /// How a parser abandons a file: thrown where the problem is found, caught once at the parser's entry point and
    /// turned into a <see cref="TemplateParseError"/>. It never leaves the parser.
    /// </summary>
    internal sealed class TemplateSyntaxException : Exception
    {
        public TemplateSyntaxException(string message, int position)
            : base(message)
        {
            Position = position;
        }

        public int Position { get; }
    }
}
