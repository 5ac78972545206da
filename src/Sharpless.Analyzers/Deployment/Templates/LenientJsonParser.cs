using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// Reads JSON deployment files (<c>template.json</c>, <c>serverless.template</c>, <c>aws-lambda-tools-defaults.json</c>)
    /// into the same <see cref="TemplateNode"/>s as the YAML reader, with spans. System.Text.Json is not available to
    /// an analyzer on every host this package loads in, and it would not give spans.
    /// <para>
    /// Lenient where the AWS tooling is: <c>//</c> and <c>/* */</c> comments and trailing commas are accepted (the
    /// aws-lambda-tools-defaults.json that <c>dotnet new lambda.*</c> writes starts with comments). Strings, numbers
    /// (raw text kept), <c>true</c>/<c>false</c>/<c>null</c> become plain or double-quoted scalars; objects and arrays
    /// become mappings and sequences. Anything else is an error result; it never throws (except on cancellation).
    /// </para>
    /// </summary>
    internal sealed class LenientJsonParser
    {
        private readonly TemplateSource _source;
        private readonly string _s;
        private readonly int _length;
        private readonly CancellationToken _cancellationToken;
        private int _pos;
        private int _depth;

        private LenientJsonParser(TemplateSource source, CancellationToken cancellationToken)
        {
            _source = source;
            _s = source.Content;
            _length = _s.Length;
            _cancellationToken = cancellationToken;
        }

        public static TemplateParseResult Parse(string text, CancellationToken cancellationToken = default) =>
            Parse(SourceText.From(text ?? string.Empty), cancellationToken);

        public static TemplateParseResult Parse(SourceText text, CancellationToken cancellationToken)
        {
            return TemplateSource.ParseSafely(text, source => new LenientJsonParser(source, cancellationToken).ParseDocument());
        }

        private TemplateNode ParseDocument()
        {
            if (_length > 0 && _s[0] == '\uFEFF')
            {
                _pos = 1;
            }

            SkipTrivia();
            if (_pos >= _length)
            {
                throw new TemplateSyntaxException("The file has no content.", _pos);
            }

            var root = ParseValue();
            SkipTrivia();
            if (_pos < _length)
            {
                throw new TemplateSyntaxException("Unexpected content after the end of the JSON document.", _pos);
            }

            return root;
        }

        private TemplateNode ParseValue()
        {
            if (_pos >= _length)
            {
                throw new TemplateSyntaxException("Unexpected end of the file; a value is missing.", _pos);
            }

            var c = _s[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject();
                case '[':
                    return ParseArray();
                case '"':
                    return ParseString();
                case 't':
                    return ParseLiteral("true", isNull: false);
                case 'f':
                    return ParseLiteral("false", isNull: false);
                case 'n':
                    return ParseLiteral("null", isNull: true);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseNumber();
                    }

                    throw new TemplateSyntaxException(
                        c < ' ' || c == '\u007F' || c == '\uFFFD'
                            ? $"Unexpected character U+{(int)c:X4}; the file is not JSON text."
                            : $"Unexpected '{c}'; expected a JSON value.",
                        _pos);
            }
        }

        private TemplateMapping ParseObject()
        {
            var start = Enter();
            var entries = ImmutableArray.CreateBuilder<TemplateEntry>();
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                SkipTrivia();
                if (_pos >= _length)
                {
                    throw new TemplateSyntaxException("Unterminated object: the closing '}' is missing.", start);
                }

                if (_s[_pos] == '}')
                {
                    break;
                }

                if (_s[_pos] != '"')
                {
                    throw new TemplateSyntaxException("Expected a property name in double quotes.", _pos);
                }

                var key = ParseString();
                SkipTrivia();
                if (_pos >= _length || _s[_pos] != ':')
                {
                    throw new TemplateSyntaxException("Expected ':' after the property name.", _pos);
                }

                _pos++;
                SkipTrivia();
                entries.Add(new TemplateEntry(key, ParseValue()));
                if (!AfterItem('}', start))
                {
                    break;
                }
            }

            _pos++;
            _depth--;
            return new TemplateMapping(entries.ToImmutable(), null, TextSpan.FromBounds(start, _pos), _source.Map(start, _pos));
        }

        private TemplateSequence ParseArray()
        {
            var start = Enter();
            var items = ImmutableArray.CreateBuilder<TemplateNode>();
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                SkipTrivia();
                if (_pos >= _length)
                {
                    throw new TemplateSyntaxException("Unterminated array: the closing ']' is missing.", start);
                }

                if (_s[_pos] == ']')
                {
                    break;
                }

                items.Add(ParseValue());
                if (!AfterItem(']', start))
                {
                    break;
                }
            }

            _pos++;
            _depth--;
            return new TemplateSequence(items.ToImmutable(), null, TextSpan.FromBounds(start, _pos), _source.Map(start, _pos));
        }

        /// <summary>
        /// After a member: a comma (true: read on; a closing bracket may follow it, the tolerated trailing comma) or the
        /// closing bracket (false: _pos is on it).
        /// </summary>
        private bool AfterItem(char close, int start)
        {
            SkipTrivia();
            if (_pos >= _length)
            {
                throw new TemplateSyntaxException($"Unterminated {(close == '}' ? "object" : "array")}: the closing '{close}' is missing.", start);
            }

            if (_s[_pos] == ',')
            {
                _pos++;
                return true;
            }

            if (_s[_pos] == close)
            {
                return false;
            }

            throw new TemplateSyntaxException($"Expected ',' or '{close}'.", _pos);
        }

        private int Enter()
        {
            if (++_depth > TemplateSource.MaxDepth)
            {
                throw new TemplateSyntaxException($"The file nests deeper than {TemplateSource.MaxDepth} levels.", _pos);
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
            return _pos++;
        }

        private TemplateScalar ParseString()
        {
            var start = _pos;
            _pos++;
            StringBuilder? builder = null;
            var runStart = _pos;
            while (true)
            {
                if (_pos >= _length)
                {
                    throw new TemplateSyntaxException("Unterminated string: the closing '\"' is missing.", start);
                }

                var c = _s[_pos];
                if (c == '"')
                {
                    break;
                }

                if (c == '\n' || c == '\r')
                {
                    throw new TemplateSyntaxException("Unterminated string: the closing '\"' is missing on this line.", start);
                }

                if (c < ' ')
                {
                    throw new TemplateSyntaxException($"A string cannot contain the control character U+{(int)c:X4}; escape it.", _pos);
                }

                if (c != '\\')
                {
                    _pos++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(_s, runStart, _pos - runStart);
                AppendEscape(builder);
                runStart = _pos;
            }

            string value;
            if (builder is null)
            {
                value = _s.Substring(runStart, _pos - runStart);
            }
            else
            {
                value = builder.Append(_s, runStart, _pos - runStart).ToString();
            }

            _pos++;
            return new TemplateScalar(value, TemplateScalarStyle.DoubleQuoted, isNull: false, null, TextSpan.FromBounds(start, _pos), _source.Map(start, _pos));
        }

        private void AppendEscape(StringBuilder builder)
        {
            var escapeStart = _pos;
            var c = _pos + 1 < _length ? _s[_pos + 1] : '\0';
            _pos += 2;
            switch (c)
            {
                case '"': builder.Append('"'); return;
                case '\\': builder.Append('\\'); return;
                case '/': builder.Append('/'); return;
                case 'b': builder.Append('\b'); return;
                case 'f': builder.Append('\f'); return;
                case 'n': builder.Append('\n'); return;
                case 'r': builder.Append('\r'); return;
                case 't': builder.Append('\t'); return;
                case 'u':
                    if (_pos + 4 <= _length &&
                        int.TryParse(_s.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        // Surrogate pairs arrive as two escapes; appending each half rebuilds the pair.
                        builder.Append((char)code);
                        _pos += 4;
                        return;
                    }

                    throw new TemplateSyntaxException("Invalid escape: '\\u' needs four hexadecimal digits.", escapeStart);
                default:
                    throw new TemplateSyntaxException($"Invalid escape sequence '\\{c}'.", escapeStart);
            }
        }

        private TemplateScalar ParseNumber()
        {
            var start = _pos;
            if (_s[_pos] == '-')
            {
                _pos++;
            }

            if (_pos < _length && _s[_pos] == '0')
            {
                _pos++;
            }
            else if (!SkipDigits())
            {
                throw new TemplateSyntaxException("Invalid number.", start);
            }

            if (_pos < _length && _s[_pos] == '.')
            {
                _pos++;
                if (!SkipDigits())
                {
                    throw new TemplateSyntaxException("Invalid number: digits must follow '.'.", start);
                }
            }

            if (_pos < _length && (_s[_pos] == 'e' || _s[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _length && (_s[_pos] == '+' || _s[_pos] == '-'))
                {
                    _pos++;
                }

                if (!SkipDigits())
                {
                    throw new TemplateSyntaxException("Invalid number: digits must follow the exponent.", start);
                }
            }

            ExpectDelimiter(start);
            return new TemplateScalar(_s.Substring(start, _pos - start), TemplateScalarStyle.Plain, isNull: false, null, TextSpan.FromBounds(start, _pos), _source.Map(start, _pos));
        }

        private bool SkipDigits()
        {
            var start = _pos;
            while (_pos < _length && _s[_pos] >= '0' && _s[_pos] <= '9')
            {
                _pos++;
            }

            return _pos > start;
        }

        private TemplateScalar ParseLiteral(string literal, bool isNull)
        {
            var start = _pos;
            if (string.CompareOrdinal(_s, _pos, literal, 0, literal.Length) != 0)
            {
                throw new TemplateSyntaxException($"Unexpected '{_s[_pos]}'; expected a JSON value.", _pos);
            }

            _pos += literal.Length;
            ExpectDelimiter(start);
            return new TemplateScalar(literal, TemplateScalarStyle.Plain, isNull, null, TextSpan.FromBounds(start, _pos), _source.Map(start, _pos));
        }

        /// <summary>A number or literal must end where JSON allows ('truex' and '12ab' are not values).</summary>
        private void ExpectDelimiter(int start)
        {
            if (_pos < _length)
            {
                var c = _s[_pos];
                if (!(c == ',' || c == '}' || c == ']' || c == ':' || c == '/' || IsWhitespace(c)))
                {
                    throw new TemplateSyntaxException("Invalid value.", start);
                }
            }
        }

        private void SkipTrivia()
        {
            while (_pos < _length)
            {
                var c = _s[_pos];
                if (IsWhitespace(c))
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < _length && _s[_pos + 1] == '/')
                {
                    while (_pos < _length && _s[_pos] != '\n' && _s[_pos] != '\r')
                    {
                        _pos++;
                    }
                }
                else if (c == '/' && _pos + 1 < _length && _s[_pos + 1] == '*')
                {
                    var end = _s.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw new TemplateSyntaxException("Unterminated comment: the closing '*/' is missing.", _pos);
                    }

                    _pos = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
