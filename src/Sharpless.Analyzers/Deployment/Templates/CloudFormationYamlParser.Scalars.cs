using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Sharpless.Deployment.Templates
{
    /// <summary>Scalars (plain, quoted, block), node properties and aliases.</summary>
    internal sealed partial class CloudFormationYamlParser
    {
        private TemplateScalar Scalar(ScalarToken token, NodeProperties properties)
        {
            var start = properties.Any ? Math.Min(properties.Start, token.Start) : token.Start;
            var isNull = token.Style == TemplateScalarStyle.Plain && properties.Tag != "!!str" &&
                (token.Value.Length == 0 || ((properties.Tag is null || properties.Tag == "!!null") && IsNullWord(token.Value)));
            return new TemplateScalar(token.Value, token.Style, isNull, properties.Tag, SpanOf(start, token.End), _source.Map(start, token.End));
        }

        /// <summary>
        /// A node with no content (<c>Key:</c>, <c>- </c>, <c>!Ref</c> alone): an empty null scalar, spanning its
        /// properties, or empty at <paramref name="position"/>.
        /// </summary>
        private TemplateScalar EmptyScalar(NodeProperties properties, int position)
        {
            var start = properties.Any ? properties.Start : position;
            var end = properties.Any ? properties.End : position;
            return new TemplateScalar(string.Empty, TemplateScalarStyle.Plain, isNull: properties.Tag != "!!str", properties.Tag, SpanOf(start, end), _source.Map(start, end));
        }

        private static bool IsNullWord(string value) =>
            value == "~" || value == "null" || value == "Null" || value == "NULL";

        private static Microsoft.CodeAnalysis.Text.TextSpan SpanOf(int start, int end) =>
            Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end);

        /// <summary>Reads one tag (<c>!Ref</c>, <c>!!str</c>, <c>!&lt;tag:…&gt;</c>) or anchor (<c>&amp;name</c>).</summary>
        private void ParseProperty(ref NodeProperties properties, bool flow)
        {
            var start = _pos;
            if (_s[_pos] == '!')
            {
                if (properties.Tag is not null)
                {
                    throw Fail("A node can have only one tag.", start);
                }

                if (Peek(1) == '<')
                {
                    var close = _s.IndexOf('>', _pos);
                    var lineEnd = _s.IndexOfAny(LineBreaks, _pos);
                    if (close < 0 || (lineEnd >= 0 && close > lineEnd))
                    {
                        throw Fail("Unterminated verbatim tag ('!<...>').", start);
                    }

                    _pos = close + 1;
                }
                else
                {
                    _pos++;
                    ScanName();
                }

                properties.Tag = _s.Substring(start, _pos - start);
            }
            else
            {
                if (properties.Anchor is not null)
                {
                    throw Fail("A node can have only one anchor.", start);
                }

                _pos++;
                properties.Anchor = ScanName() ?? throw Fail("An anchor needs a name ('&name').", start);
            }

            if (!(IsBlankOrEnd(Peek(0)) || (flow && IsFlowIndicator(_s[_pos]))))
            {
                throw Fail("Expected a space after the tag or anchor.", _pos);
            }

            if (!properties.Any)
            {
                properties.Start = start;
            }

            properties.End = _pos;
            properties.LineStart = _lineStart;
        }

        private TemplateNode ParseAlias()
        {
            var start = _pos;
            _pos++;
            var name = ScanName() ?? throw Fail("An alias needs a name ('*name').", start);
            if (!_anchors.TryGetValue(name, out var node))
            {
                throw Fail($"The alias '*{name}' names no anchor defined before it.", start);
            }

            _lastContentEnd = _pos;
            return node;
        }

        /// <summary>Anchor, alias and tag names: up to a space, a line end or a flow indicator.</summary>
        private string? ScanName()
        {
            var start = _pos;
            while (_pos < _length && !IsBlank(_s[_pos]) && !IsFlowIndicator(_s[_pos]))
            {
                _pos++;
            }

            return _pos > start ? _s.Substring(start, _pos - start) : null;
        }

        private ScalarToken ScanPlainFirstLine(bool flow = false)
        {
            CheckPlainStart(flow);
            var start = _pos;
            var end = ScanPlainLine(flow);
            _lastContentEnd = end;
            return new ScalarToken(_s.Substring(start, end - start), TemplateScalarStyle.Plain, start, end);
        }

        /// <summary>
        /// Scans the rest of a line of a plain scalar, stopping at ': ', ' #', a line end and (in flow) ',[]{}'.
        /// Leaves _pos at the stop and returns the end of the text before it, trailing spaces excluded.
        /// </summary>
        private int ScanPlainLine(bool flow)
        {
            var textEnd = _pos;
            while (_pos < _length)
            {
                var c = _s[_pos];
                if (IsBreak(c))
                {
                    break;
                }

                if (c == ':')
                {
                    var next = Peek(1);
                    if (IsBlankOrEnd(next) || (flow && IsFlowIndicator(next)))
                    {
                        break;
                    }
                }
                else if (c == '#')
                {
                    if (_pos > 0 && IsBlank(_s[_pos - 1]))
                    {
                        break;
                    }
                }
                else if (flow && IsFlowIndicator(c))
                {
                    break;
                }

                _pos++;
                if (c != ' ' && c != '\t')
                {
                    textEnd = _pos;
                }
            }

            return textEnd;
        }

        private void CheckPlainStart(bool flow)
        {
            var c = _s[_pos];
            switch (c)
            {
                case '-':
                case '?':
                case ':':
                    var next = Peek(1);
                    if (IsBlankOrEnd(next) || (flow && IsFlowIndicator(next)))
                    {
                        throw Fail(c == ':' ? "Unexpected ':'; a mapping key is missing." : $"Unexpected '{c}'.", _pos);
                    }

                    return;
                case ',':
                case '[':
                case ']':
                case '{':
                case '}':
                case '#':
                case '&':
                case '*':
                case '!':
                case '|':
                case '>':
                case '\'':
                case '"':
                case '%':
                case '@':
                case '`':
                    throw Fail($"Unexpected '{c}'; a value starting with it must be quoted.", _pos);
            }
        }

        /// <summary>
        /// Continues a plain scalar onto the following lines while they are indented more than
        /// <paramref name="parentIndent"/> (any line in flow), folding single line breaks into spaces and keeping
        /// one line feed per blank line. A comment line ends it.
        /// </summary>
        private ScalarToken ContinuePlain(ScalarToken first, int parentIndent, bool flow)
        {
            StringBuilder? builder = null;
            var end = first.End;
            while (!AtEnd && IsBreak(_s[_pos]))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var mark = Save();
                var breaks = 0;
                while (!AtEnd && IsBreak(_s[_pos]))
                {
                    ConsumeBreak();
                    breaks++;
                    SkipInlineSpace();
                }

                if (AtEnd || !IsContinuationLine(parentIndent, flow))
                {
                    Restore(mark);
                    break;
                }

                var lineStart = _pos;
                var lineEnd = ScanPlainLine(flow);
                if (!flow && !AtEnd && _s[_pos] == ':')
                {
                    throw Fail("Unexpected ': ' in a value that continues over several lines; quote the value or fix the indentation.", _pos);
                }

                builder ??= new StringBuilder(first.Value);
                if (breaks == 1)
                {
                    builder.Append(' ');
                }
                else
                {
                    builder.Append('\n', breaks - 1);
                }

                builder.Append(_s, lineStart, lineEnd - lineStart);
                end = lineEnd;
            }

            _lastContentEnd = end;
            return builder is null ? first : new ScalarToken(builder.ToString(), TemplateScalarStyle.Plain, first.Start, end);
        }

        private bool IsContinuationLine(int parentIndent, bool flow)
        {
            var c = _s[_pos];
            if (Column == 0 && (AtDocumentMarker('-') || AtDocumentMarker('.')))
            {
                return false;
            }

            if (c == '#')
            {
                return false;
            }

            if (flow)
            {
                return !IsFlowIndicator(c) && !(c == ':' && (IsBlankOrEnd(Peek(1)) || IsFlowIndicator(Peek(1))));
            }

            var spaces = 0;
            while (_lineStart + spaces < _pos && _s[_lineStart + spaces] == ' ')
            {
                spaces++;
            }

            return spaces > parentIndent;
        }

        private ScalarToken ParseQuoted() => _s[_pos] == '\'' ? ParseSingleQuoted() : ParseDoubleQuoted();

        private ScalarToken ParseSingleQuoted()
        {
            var start = _pos;
            _pos++;
            var builder = new StringBuilder();
            var keep = 0; // builder length that trailing spaces before a line break are trimmed back to
            while (true)
            {
                if (AtEnd)
                {
                    throw Fail("Unterminated single-quoted string: the closing ' is missing.", start);
                }

                var c = _s[_pos];
                if (c == '\'')
                {
                    if (Peek(1) == '\'')
                    {
                        builder.Append('\'');
                        _pos += 2;
                        keep = builder.Length;
                        continue;
                    }

                    _pos++;
                    break;
                }

                if (IsBreak(c))
                {
                    builder.Length = keep;
                    FoldQuotedLineBreaks(builder, start, '\'');
                    keep = builder.Length;
                    continue;
                }

                builder.Append(c);
                _pos++;
                if (c != ' ' && c != '\t')
                {
                    keep = builder.Length;
                }
            }

            _lastContentEnd = _pos;
            return new ScalarToken(builder.ToString(), TemplateScalarStyle.SingleQuoted, start, _pos);
        }

        private ScalarToken ParseDoubleQuoted()
        {
            var start = _pos;
            _pos++;
            var builder = new StringBuilder();
            var keep = 0;
            while (true)
            {
                if (AtEnd)
                {
                    throw Fail("Unterminated double-quoted string: the closing \" is missing.", start);
                }

                var c = _s[_pos];
                if (c == '"')
                {
                    _pos++;
                    break;
                }

                if (c == '\\')
                {
                    if (IsBreak(Peek(1)))
                    {
                        // An escaped line break joins the lines with nothing between them.
                        _pos++;
                        ConsumeBreak();
                        CheckNoDocumentMarkerInQuotes(start, '"');
                        SkipInlineSpace();
                        while (!AtEnd && IsBreak(_s[_pos]))
                        {
                            ConsumeBreak();
                            CheckNoDocumentMarkerInQuotes(start, '"');
                            SkipInlineSpace();
                            builder.Append('\n');
                        }

                        keep = builder.Length;
                        continue;
                    }

                    AppendEscape(builder);
                    keep = builder.Length;
                    continue;
                }

                if (IsBreak(c))
                {
                    builder.Length = keep;
                    FoldQuotedLineBreaks(builder, start, '"');
                    keep = builder.Length;
                    continue;
                }

                builder.Append(c);
                _pos++;
                if (c != ' ' && c != '\t')
                {
                    keep = builder.Length;
                }
            }

            _lastContentEnd = _pos;
            return new ScalarToken(builder.ToString(), TemplateScalarStyle.DoubleQuoted, start, _pos);
        }

        /// <summary>
        /// A line break inside quotes: one break becomes a space, each blank line after it a line feed, and the next
        /// line's leading spaces are dropped.
        /// </summary>
        private void FoldQuotedLineBreaks(StringBuilder builder, int start, char quote)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var blankLines = 0;
            ConsumeBreak();
            CheckNoDocumentMarkerInQuotes(start, quote);
            SkipInlineSpace();
            while (!AtEnd && IsBreak(_s[_pos]))
            {
                ConsumeBreak();
                CheckNoDocumentMarkerInQuotes(start, quote);
                SkipInlineSpace();
                blankLines++;
            }

            if (blankLines == 0)
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append('\n', blankLines);
            }
        }

        private void CheckNoDocumentMarkerInQuotes(int start, char quote)
        {
            if (AtDocumentMarker('-') || AtDocumentMarker('.'))
            {
                throw Fail($"Unterminated quoted string: the closing {quote} is missing.", start);
            }
        }

        private void AppendEscape(StringBuilder builder)
        {
            var escapeStart = _pos;
            var c = Peek(1);
            _pos += 2;
            switch (c)
            {
                case '0': builder.Append('\0'); return;
                case 'a': builder.Append('\a'); return;
                case 'b': builder.Append('\b'); return;
                case 't':
                case '\t': builder.Append('\t'); return;
                case 'n': builder.Append('\n'); return;
                case 'v': builder.Append('\v'); return;
                case 'f': builder.Append('\f'); return;
                case 'r': builder.Append('\r'); return;
                case 'e': builder.Append('\u001B'); return;
                case ' ': builder.Append(' '); return;
                case '"': builder.Append('"'); return;
                case '/': builder.Append('/'); return;
                case '\\': builder.Append('\\'); return;
                case 'N': builder.Append('\u0085'); return;
                case '_': builder.Append('\u00A0'); return;
                case 'L': builder.Append('\u2028'); return;
                case 'P': builder.Append('\u2029'); return;
                case 'x': AppendCodePoint(builder, 2, escapeStart); return;
                case 'u': AppendCodePoint(builder, 4, escapeStart); return;
                case 'U': AppendCodePoint(builder, 8, escapeStart); return;
                default:
                    throw Fail(c == '\0' ? "Unterminated double-quoted string." : $"Unknown escape sequence '\\{c}'.", escapeStart);
            }
        }

        private void AppendCodePoint(StringBuilder builder, int digits, int escapeStart)
        {
            if (_pos + digits > _length ||
                !int.TryParse(_s.Substring(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ||
                code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            {
                throw Fail("Invalid escape sequence: expected hexadecimal digits for a Unicode code point.", escapeStart);
            }

            builder.Append(char.ConvertFromUtf32(code));
            _pos += digits;
        }

        /// <summary>
        /// A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar. Its lines are those indented at least as much as
        /// the first non-empty one (or parent + the indentation indicator); chomping decides the final line breaks.
        /// </summary>
        private TemplateScalar ParseBlockScalar(int parentIndent, NodeProperties properties)
        {
            var headerStart = _pos;
            var literal = _s[_pos] == '|';
            _pos++;
            var chomping = 0; // -1 strip, 0 clip, +1 keep
            var indicator = 0;
            for (var i = 0; i < 2 && !AtEnd; i++)
            {
                var c = _s[_pos];
                if ((c == '-' || c == '+') && chomping == 0)
                {
                    chomping = c == '-' ? -1 : 1;
                    _pos++;
                }
                else if (c >= '1' && c <= '9' && indicator == 0)
                {
                    indicator = c - '0';
                    _pos++;
                }
                else
                {
                    break;
                }
            }

            var headerEnd = _pos;
            SkipInlineSpace();
            if (AtComment() && _pos > headerEnd)
            {
                SkipToLineEnd();
            }

            if (!AtEnd && !IsBreak(_s[_pos]))
            {
                throw Fail("Invalid block scalar header: after '|' or '>' only '-', '+', a digit 1-9 and a comment may follow.", _pos);
            }

            var start = properties.Any ? properties.Start : headerStart;
            if (AtEnd)
            {
                _lastContentEnd = headerEnd;
                return BlockScalar(string.Empty, literal, properties, start, headerEnd);
            }

            ConsumeBreak();
            var contentIndent = indicator > 0 ? Math.Max(parentIndent, 0) + indicator : DetectBlockIndent(parentIndent);
            var lines = ReadBlockScalarLines(contentIndent, out var lastTextEnd, out var lastTextHadBreak);
            var value = ComposeBlockScalar(lines, literal, chomping, lastTextHadBreak);
            var end = Math.Max(headerEnd, lastTextEnd);
            _lastContentEnd = end;
            return BlockScalar(value, literal, properties, start, end);
        }

        private TemplateScalar BlockScalar(string value, bool literal, NodeProperties properties, int start, int end) =>
            new(value, literal ? TemplateScalarStyle.Literal : TemplateScalarStyle.Folded, isNull: false, properties.Tag, SpanOf(start, end), _source.Map(start, end));

        /// <summary>The indentation of the first non-empty line; a line not indented past the parent means no content.</summary>
        private int DetectBlockIndent(int parentIndent)
        {
            var i = _pos;
            while (i < _length)
            {
                var lineStart = i;
                while (i < _length && _s[i] == ' ')
                {
                    i++;
                }

                var indent = i - lineStart;
                while (i < _length && (_s[i] == ' ' || _s[i] == '\t'))
                {
                    i++;
                }

                if (i < _length && !IsBreak(_s[i]))
                {
                    return indent > parentIndent ? indent : parentIndent + 1;
                }

                if (i < _length)
                {
                    i += _s[i] == '\r' && i + 1 < _length && _s[i + 1] == '\n' ? 2 : 1;
                }
            }

            return parentIndent + 1;
        }

        /// <summary>
        /// Collects the block scalar's lines from _pos: their text after the content indentation (null for an empty
        /// line), stopping before the first non-empty line indented less. Leaves _pos at that line's start.
        /// </summary>
        private List<string?> ReadBlockScalarLines(int contentIndent, out int lastTextEnd, out bool lastTextHadBreak)
        {
            var lines = new List<string?>();
            lastTextEnd = 0;
            lastTextHadBreak = false;
            while (!AtEnd)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var lineStart = _pos;
                var spaces = 0;
                while (spaces < contentIndent && lineStart + spaces < _length && _s[lineStart + spaces] == ' ')
                {
                    spaces++;
                }

                var textStart = lineStart + spaces;
                var lineEnd = textStart;
                while (lineEnd < _length && !IsBreak(_s[lineEnd]))
                {
                    lineEnd++;
                }

                if (spaces < contentIndent && !IsWhitespaceOnly(textStart, lineEnd))
                {
                    break; // less indented: the scalar ended on the line before
                }

                if (contentIndent == 0 && (AtDocumentMarker('-') || AtDocumentMarker('.')))
                {
                    break;
                }

                _pos = lineEnd;
                var hasBreak = !AtEnd;
                if (hasBreak)
                {
                    ConsumeBreak();
                }

                if (spaces < contentIndent || textStart == lineEnd)
                {
                    // Only trailing empty lines followed by a line break count for keep chomping.
                    lines.Add(hasBreak ? null : string.Empty);
                    continue;
                }

                lines.Add(_s.Substring(textStart, lineEnd - textStart));
                lastTextEnd = lineEnd;
                lastTextHadBreak = hasBreak;
            }

            _lineStart = _pos;
            return lines;
        }

        private bool IsWhitespaceOnly(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (_s[i] != ' ' && _s[i] != '\t')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Joins block scalar lines: literal keeps every line break; folded turns a single break between two lines
        /// that do not start with a space into a space, and keeps breaks around more-indented lines. Leading blank
        /// lines are line feeds in both; chomping then strips (<c>-</c>), keeps one (clip) or keeps all (<c>+</c>)
        /// final line breaks.
        /// </summary>
        private static string ComposeBlockScalar(List<string?> lines, bool literal, int chomping, bool lastTextHadBreak)
        {
            var builder = new StringBuilder();
            var pendingEmpty = 0;
            var anyText = false;
            var previousMoreIndented = false;
            foreach (var line in lines)
            {
                if (string.IsNullOrEmpty(line))
                {
                    if (line is null)
                    {
                        pendingEmpty++;
                    }

                    continue;
                }

                var moreIndented = line![0] == ' ' || line[0] == '\t';
                if (!anyText)
                {
                    builder.Append('\n', pendingEmpty);
                }
                else if (!literal && !previousMoreIndented && !moreIndented)
                {
                    if (pendingEmpty == 0)
                    {
                        builder.Append(' ');
                    }
                    else
                    {
                        builder.Append('\n', pendingEmpty);
                    }
                }
                else
                {
                    builder.Append('\n', pendingEmpty + 1);
                }

                builder.Append(line);
                anyText = true;
                previousMoreIndented = moreIndented;
                pendingEmpty = 0;
            }

            if (chomping >= 0 && anyText && lastTextHadBreak)
            {
                builder.Append('\n');
            }

            if (chomping > 0)
            {
                builder.Append('\n', pendingEmpty);
            }

            return builder.ToString();
        }

        private static readonly char[] LineBreaks = { '\n', '\r' };

        /// <summary>A scalar's text and extent before its node (and the properties that go with it) is decided.</summary>
        private readonly struct ScalarToken
        {
            public ScalarToken(string value, TemplateScalarStyle style, int start, int end)
            {
                Value = value;
                Style = style;
                Start = start;
                End = end;
            }

            public string Value { get; }

            public TemplateScalarStyle Style { get; }

            public int Start { get; }

            public int End { get; }
        }

        /// <summary>The tag and anchor written before a node, and where.</summary>
        private struct NodeProperties
        {
            public static NodeProperties None => new() { Start = -1, End = -1, LineStart = -1 };

            public string? Tag;
            public string? Anchor;
            public int Start;
            public int End;
            public int LineStart;

            public readonly bool Any => Start >= 0;
        }
    }
}
