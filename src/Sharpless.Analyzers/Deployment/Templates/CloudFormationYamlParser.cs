using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// Reads the YAML that SAM and CloudFormation templates are written in, into <see cref="TemplateNode"/>s with
    /// source spans.
    /// <para>
    /// Why Sharpless has its own reader: an analyzer assembly loads into the compiler and the IDE next to other
    /// analyzers, and a YAML library shipped beside it can clash with another analyzer's copy of the same library at a
    /// different version (the host loads one); analyzers need every node's position to report on the right line,
    /// which general-purpose loaders drop; and CloudFormation uses a small, regular part of YAML, small enough to read
    /// here in one place.
    /// </para>
    /// <para>
    /// Supported: block mappings and sequences (a sequence may sit at its parent key's indentation; compact
    /// <c>- key: v</c> and <c>- - a</c> items), flow <c>{ }</c> and <c>[ ]</c> collections (nested, over several lines,
    /// trailing commas, <c>[a: b]</c> single pairs), plain scalars over several lines, single- and double-quoted scalars
    /// with YAML's escapes and line folding, literal <c>|</c> and folded <c>&gt;</c> block scalars with chomping
    /// (<c>-</c>, <c>+</c>) and indentation indicators, comments, <c>%</c> directives, <c>---</c> and <c>...</c>, anchors and
    /// aliases (an alias yields the anchored node itself), merge keys <c>&lt;&lt;</c>, tags on any node (CloudFormation's
    /// short forms <c>!Ref</c>, <c>!GetAtt</c>, <c>!Sub</c> … are kept as written), CRLF line ends and a byte order mark.
    /// </para>
    /// <para>
    /// Not supported, reported as an error: explicit keys (<c>? key</c>), collections or aliases as keys, tabs as
    /// indentation, control characters. Not supported and ignored: documents after the first (CloudFormation reads
    /// one), tag directives (tags stay as written), the types YAML would give plain scalars (their text is kept).
    /// Some inputs YAML rejects are accepted (quoted scalars and flow collections may continue at any indentation).
    /// </para>
    /// <para>
    /// It never throws and never runs away: every outcome, including a binary file, is a
    /// <see cref="TemplateParseResult"/>; nesting is limited to <see cref="TemplateSource.MaxDepth"/>, input to
    /// <see cref="TemplateSource.MaxLength"/>, every loop consumes input, and the only exception that can escape is the
    /// <see cref="OperationCanceledException"/> of a cancelled token.
    /// </para>
    /// </summary>
    internal sealed partial class CloudFormationYamlParser
    {
        private readonly TemplateSource _source;
        private readonly string _s;
        private readonly int _length;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, TemplateNode> _anchors = new(StringComparer.Ordinal);

        private int _pos;

        // Start of the line _pos is on; a column is _pos - _lineStart. Kept in step by ConsumeBreak and Restore.
        private int _lineStart;
        private int _depth;

        // End of the last scalar, alias or collection read, so a collection's span ends at its last real character.
        private int _lastContentEnd;

        private CloudFormationYamlParser(TemplateSource source, CancellationToken cancellationToken)
        {
            _source = source;
            _s = source.Content;
            _length = _s.Length;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Where the parser stands in a block: what may follow on the line that introduced the node.</summary>
        private enum BlockContext
        {
            /// <summary>The top of the document, or after <c>---</c>.</summary>
            Document,

            /// <summary>After <c>key:</c>: a sequence may start at the key's own indentation on a later line.</summary>
            MappingValue,

            /// <summary>After <c>- </c>: a compact mapping or sequence may start on the same line.</summary>
            SequenceItem,
        }

        public static TemplateParseResult Parse(string text, CancellationToken cancellationToken = default) =>
            Parse(SourceText.From(text ?? string.Empty), cancellationToken);

        public static TemplateParseResult Parse(SourceText text, CancellationToken cancellationToken)
        {
            return TemplateSource.ParseSafely(text, source => new CloudFormationYamlParser(source, cancellationToken).ParseStream());
        }

        private TemplateNode ParseStream()
        {
            if (_length > 0 && _s[0] == '\uFEFF')
            {
                _pos = 1;
                _lineStart = 1;
            }

            RejectControlCharacters();
            var sawDirective = false;
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                SkipInlineSpace();
                if (AtEnd)
                {
                    throw Fail("The file has no content.", _pos);
                }

                var c = _s[_pos];
                if (IsBreak(c))
                {
                    ConsumeBreak();
                }
                else if (c == '#')
                {
                    SkipToLineEnd();
                }
                else if (c == '%' && Column == 0)
                {
                    // %YAML 1.1 / %TAG: nothing here depends on them.
                    sawDirective = true;
                    SkipToLineEnd();
                }
                else
                {
                    break;
                }
            }

            if (Column == 0 && AtDocumentMarker('-'))
            {
                _pos += 3;
            }
            else if (sawDirective)
            {
                throw Fail("A directive must be followed by '---'.", _pos);
            }
            else if (Column == 0 && AtDocumentMarker('.'))
            {
                throw Fail("The file has no content.", _pos);
            }

            var root = ParseBlockNode(-1, BlockContext.Document, _pos);
            if (root is TemplateScalar { IsNull: true, Tag: null, Span.Length: 0 })
            {
                throw Fail("The file has no content.", _pos);
            }

            // What may follow the document: comments, blank lines, and a document marker after which anything is
            // ignored (CloudFormation reads a single document).
            if (TryFindNextContentLine(out _))
            {
                throw Fail("Unexpected content: this line is indented less than the block it follows, or does not belong to it.", _pos);
            }

            return root;
        }

        /// <summary>
        /// Reads the node that follows a <c>key:</c>, a <c>- </c> or the document start: properties (tag, anchor) and
        /// content, on this line or on later lines indented more than <paramref name="parentIndent"/>.
        /// </summary>
        private TemplateNode ParseBlockNode(int parentIndent, BlockContext context, int emptyPosition)
        {
            Enter(_pos);
            try
            {
                var properties = NodeProperties.None;
                var onIntroLine = true;
                while (true)
                {
                    SkipInlineSpace();
                    if (AtComment())
                    {
                        SkipToLineEnd();
                    }

                    if (AtEnd || IsBreak(_s[_pos]))
                    {
                        var mark = Save();
                        if (!TryFindNextContentLine(out var indent) ||
                            !(indent > parentIndent ||
                              (indent == parentIndent && context == BlockContext.MappingValue && AtBlockSequenceEntry())))
                        {
                            Restore(mark);
                            return Anchor(EmptyScalar(properties, emptyPosition), properties);
                        }

                        onIntroLine = false;
                        continue;
                    }

                    if (_s[_pos] == '!' || _s[_pos] == '&')
                    {
                        ParseProperty(ref properties, flow: false);
                        continue;
                    }

                    break;
                }

                return ParseBlockContent(parentIndent, context, properties, onIntroLine);
            }
            finally
            {
                _depth--;
            }
        }

        private TemplateNode ParseBlockContent(int parentIndent, BlockContext context, NodeProperties properties, bool onIntroLine)
        {
            var contentColumn = Column;
            var c = _s[_pos];
            if (c == '-' && IsBlankOrEnd(Peek(1)))
            {
                if (onIntroLine && context == BlockContext.MappingValue)
                {
                    throw Fail("A block sequence cannot start on the same line as its key; start it on the next line.", _pos);
                }

                return ParseBlockSequence(contentColumn, properties);
            }

            if (c == '|' || c == '>')
            {
                return Anchor(ParseBlockScalar(parentIndent, properties), properties);
            }

            if (c == '[' || c == '{')
            {
                var collection = ParseFlowCollection(properties);
                ExpectLineEnd();
                return collection;
            }

            if (c == '*')
            {
                if (properties.Any)
                {
                    throw Fail("An alias cannot have a tag or an anchor.", properties.Start);
                }

                var alias = ParseAlias();
                ExpectLineEnd();
                return alias;
            }

            if (c == '?' && IsBlankOrEnd(Peek(1)))
            {
                throw Fail("Explicit mapping keys ('? ') are not supported.", _pos);
            }

            var isPlain = c != '"' && c != '\'';
            var token = isPlain ? ScanPlainFirstLine() : ParseQuoted();
            if (AtImplicitKeyColon())
            {
                if (onIntroLine && context == BlockContext.MappingValue)
                {
                    throw Fail("A mapping cannot start on the same line as its key ('a: b: c'); quote the value or start the mapping on the next line.", _pos);
                }

                // Properties written on the key's line belong to the key; on a line of their own, to the mapping.
                var keyOwnsProperties = properties.Any && properties.LineStart == _lineStart;
                var key = Anchor(Scalar(token, keyOwnsProperties ? properties : NodeProperties.None), keyOwnsProperties ? properties : NodeProperties.None);
                var mappingProperties = keyOwnsProperties ? NodeProperties.None : properties;
                var indent = keyOwnsProperties ? properties.Start - _lineStart : contentColumn;
                var start = properties.Any ? properties.Start : token.Start;
                return Anchor(ParseBlockMapping(indent, key, mappingProperties, start), mappingProperties);
            }

            if (isPlain)
            {
                token = ContinuePlain(token, parentIndent, flow: false);
            }

            ExpectLineEnd();
            return Anchor(Scalar(token, properties), properties);
        }

        private TemplateMapping ParseBlockMapping(int indent, TemplateScalar firstKey, NodeProperties properties, int start)
        {
            var entries = new List<TemplateEntry>();
            var hasMergeKey = false;
            var key = firstKey;
            int end;
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var colon = _pos;
                _pos++;
                var value = ParseBlockNode(indent, BlockContext.MappingValue, colon + 1);
                hasMergeKey |= IsMergeKey(key);
                entries.Add(new TemplateEntry(key, value));
                end = Math.Max(_lastContentEnd, colon + 1);

                if (!TryFindNextContentLine(out var next) || next < indent)
                {
                    break;
                }

                if (next > indent)
                {
                    throw Fail("Bad indentation: this line is indented more than the mapping entries above it.", _pos);
                }

                key = ParseBlockMappingKey();
            }

            _lastContentEnd = end;
            var merged = hasMergeKey ? ApplyMergeKeys(entries) : entries.ToImmutableArray();
            return new TemplateMapping(merged, properties.Tag, SpanOf(start, end), _source.Map(start, end));
        }

        /// <summary>A key at the start of a line of a block mapping, left positioned on its ':'.</summary>
        private TemplateScalar ParseBlockMappingKey()
        {
            var properties = NodeProperties.None;
            while (_s[_pos] == '!' || _s[_pos] == '&')
            {
                ParseProperty(ref properties, flow: false);
                SkipInlineSpace();
                if (AtEnd || IsBreak(_s[_pos]) || AtComment())
                {
                    throw Fail("Expected a mapping key after the tag or anchor.", _pos);
                }
            }

            var c = _s[_pos];
            if (c == '-' && IsBlankOrEnd(Peek(1)))
            {
                throw Fail("Expected a mapping entry ('key: value'), found a sequence entry ('- ').", _pos);
            }

            if (c == '?' && IsBlankOrEnd(Peek(1)))
            {
                throw Fail("Explicit mapping keys ('? ') are not supported.", _pos);
            }

            if (c == '[' || c == '{' || c == '*')
            {
                throw Fail("Only scalar mapping keys are supported.", _pos);
            }

            if (c == '|' || c == '>')
            {
                throw Fail("A block scalar cannot be a mapping key.", _pos);
            }

            var token = c == '"' || c == '\'' ? ParseQuoted() : ScanPlainFirstLine();
            if (!AtImplicitKeyColon())
            {
                throw Fail("Expected ':' after the mapping key.", AtEnd ? _pos : token.End);
            }

            return Anchor(Scalar(token, properties), properties);
        }

        private TemplateSequence ParseBlockSequence(int indent, NodeProperties properties)
        {
            var start = properties.Any ? properties.Start : _pos;
            var items = ImmutableArray.CreateBuilder<TemplateNode>();
            int end;
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var dash = _pos;
                _pos++;
                items.Add(ParseBlockNode(indent, BlockContext.SequenceItem, dash + 1));
                end = Math.Max(_lastContentEnd, dash + 1);

                if (!TryFindNextContentLine(out var next) || next < indent)
                {
                    break;
                }

                if (next > indent)
                {
                    throw Fail("Bad indentation: this line is indented more than the sequence entries above it.", _pos);
                }

                if (!AtBlockSequenceEntry())
                {
                    // A sequence at its parent key's indentation ends where the parent's next key starts.
                    break;
                }
            }

            _lastContentEnd = end;
            var sequence = new TemplateSequence(items.ToImmutable(), properties.Tag, SpanOf(start, end), _source.Map(start, end));
            return Anchor(sequence, properties);
        }

        /// <summary>
        /// YAML merge keys: <c>&lt;&lt;: *base</c> or <c>&lt;&lt;: [*a, *b]</c> copy the entries of the named mappings that
        /// the mapping does not set itself; with several sources, earlier ones win. The copies keep their own spans.
        /// </summary>
        private static ImmutableArray<TemplateEntry> ApplyMergeKeys(List<TemplateEntry> entries)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (!IsMergeKey(entry.KeyNode))
                {
                    seen.Add(entry.Key);
                }
            }

            var result = ImmutableArray.CreateBuilder<TemplateEntry>(entries.Count);
            foreach (var entry in entries)
            {
                if (!IsMergeKey(entry.KeyNode))
                {
                    result.Add(entry);
                    continue;
                }

                foreach (var source in MergeSources(entry.Value))
                {
                    foreach (var merged in source.Entries)
                    {
                        if (seen.Add(merged.Key))
                        {
                            result.Add(merged);
                        }
                    }
                }
            }

            return result.ToImmutable();
        }

        private static IEnumerable<TemplateMapping> MergeSources(TemplateNode value)
        {
            if (value is TemplateMapping mapping)
            {
                return new[] { mapping };
            }

            if (value is TemplateSequence sequence)
            {
                var sources = new List<TemplateMapping>(sequence.Count);
                foreach (var item in sequence.Items)
                {
                    sources.Add(item as TemplateMapping ??
                        throw new TemplateSyntaxException("A merge key ('<<') takes a mapping or a list of mappings.", item.Span.Start));
                }

                return sources;
            }

            throw new TemplateSyntaxException("A merge key ('<<') takes a mapping or a list of mappings.", value.Span.Start);
        }

        private static bool IsMergeKey(TemplateScalar key) =>
            key.Style == TemplateScalarStyle.Plain && key.Tag is null && key.Value == "<<";

        /// <summary>
        /// Moves to the first character of the next line that has content, past blank lines and comments, and returns
        /// its indentation. False at the end of the file or at a document marker. Idempotent at such a character, so a
        /// parent can ask again after a child stopped there.
        /// </summary>
        private bool TryFindNextContentLine(out int indent)
        {
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                SkipInlineSpace();
                if (AtEnd)
                {
                    indent = -1;
                    return false;
                }

                var c = _s[_pos];
                if (IsBreak(c))
                {
                    ConsumeBreak();
                    continue;
                }

                if (AtComment())
                {
                    SkipToLineEnd();
                    continue;
                }

                for (var i = _lineStart; i < _pos; i++)
                {
                    if (_s[i] == '\t')
                    {
                        throw Fail("Tabs are not allowed in indentation; indent with spaces.", i);
                    }

                    if (_s[i] != ' ')
                    {
                        throw Fail(c == ':' ? "Unexpected ':' (a value cannot be a mapping key here)." : "Unexpected content after the value.", _pos);
                    }
                }

                indent = _pos - _lineStart;
                if (indent == 0 && (AtDocumentMarker('-') || AtDocumentMarker('.')))
                {
                    return false;
                }

                return true;
            }
        }

        /// <summary>After a value on a line, only spaces and a comment may follow.</summary>
        private void ExpectLineEnd()
        {
            SkipInlineSpace();
            if (AtEnd || IsBreak(_s[_pos]))
            {
                return;
            }

            if (AtComment())
            {
                SkipToLineEnd();
                return;
            }

            throw Fail(
                _s[_pos] == ':'
                    ? "Unexpected ':'; a value that contains ': ' must be quoted."
                    : "Unexpected content after the value.",
                _pos);
        }

        private bool AtImplicitKeyColon()
        {
            SkipInlineSpace();
            return !AtEnd && _s[_pos] == ':' && IsBlankOrEnd(Peek(1));
        }

        private bool AtBlockSequenceEntry() => !AtEnd && _s[_pos] == '-' && IsBlankOrEnd(Peek(1));

        private bool AtDocumentMarker(char c) =>
            _pos + 3 <= _length && _s[_pos] == c && _s[_pos + 1] == c && _s[_pos + 2] == c &&
            (_pos + 3 == _length || IsBlank(_s[_pos + 3]));

        /// <summary>A '#' starts a comment at a line start or after a space, so 'http://x#y' and 'a#b' stay text.</summary>
        private bool AtComment() => !AtEnd && _s[_pos] == '#' && (_pos == _lineStart || IsBlank(_s[_pos - 1]));

        private void RejectControlCharacters()
        {
            for (var i = 0; i < _length; i++)
            {
                var c = _s[i];
                if ((c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\u007F' || c == '\uFFFE' || c == '\uFFFF')
                {
                    throw Fail($"The file contains the control character U+{(int)c:X4}; it is not a text template.", i);
                }
            }
        }

        private void Enter(int position)
        {
            if (++_depth > TemplateSource.MaxDepth)
            {
                throw Fail($"The file nests deeper than {TemplateSource.MaxDepth} levels.", position);
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
        }

        private TNode Anchor<TNode>(TNode node, NodeProperties properties)
            where TNode : TemplateNode
        {
            if (properties.Anchor is not null)
            {
                // A later anchor of the same name replaces the earlier one for the aliases after it, as in YAML.
                _anchors[properties.Anchor] = node;
            }

            return node;
        }

        private TemplateSyntaxException Fail(string message, int position) => new(message, position);

        private bool AtEnd => _pos >= _length;

        private int Column => _pos - _lineStart;

        private char Peek(int offset) => _pos + offset < _length ? _s[_pos + offset] : '\0';

        private void SkipInlineSpace()
        {
            while (_pos < _length && (_s[_pos] == ' ' || _s[_pos] == '\t'))
            {
                _pos++;
            }
        }

        private void SkipToLineEnd()
        {
            while (_pos < _length && !IsBreak(_s[_pos]))
            {
                _pos++;
            }
        }

        private void ConsumeBreak()
        {
            if (_s[_pos] == '\r' && _pos + 1 < _length && _s[_pos + 1] == '\n')
            {
                _pos++;
            }

            _pos++;
            _lineStart = _pos;
        }

        private Mark Save() => new(_pos, _lineStart);

        private void Restore(Mark mark)
        {
            _pos = mark.Position;
            _lineStart = mark.LineStart;
        }

        private static bool IsBreak(char c) => c == '\n' || c == '\r';

        private static bool IsBlank(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';

        // '\0' stands for the end of input: the text itself never contains it (RejectControlCharacters).
        private static bool IsBlankOrEnd(char c) => c == '\0' || IsBlank(c);

        private static bool IsFlowIndicator(char c) => c == ',' || c == '[' || c == ']' || c == '{' || c == '}';

        private readonly struct Mark
        {
            public Mark(int position, int lineStart)
            {
                Position = position;
                LineStart = lineStart;
            }

            public int Position { get; }

            public int LineStart { get; }
        }
    }
}
