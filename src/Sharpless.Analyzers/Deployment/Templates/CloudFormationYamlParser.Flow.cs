using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// Flow collections: <c>[a, b]</c> and <c>{a: 1, b: 2}</c>, JSON being one case of them. Inside, line breaks and
    /// indentation do not matter; a collection ends at its closing bracket.
    /// </summary>
    internal sealed partial class CloudFormationYamlParser
    {
        // Whether the last flow node read was quoted or a collection: after those (JSON-like keys) a ':' needs no
        // space after it, as in {"a":1}.
        private bool _lastFlowNodeWasJsonLike;

        private TemplateNode ParseFlowCollection(NodeProperties properties)
        {
            Enter(_pos);
            try
            {
                var open = _pos;
                var isSequence = _s[_pos] == '[';
                var close = isSequence ? ']' : '}';
                var start = properties.Any ? properties.Start : open;
                _pos++;
                var items = isSequence ? ImmutableArray.CreateBuilder<TemplateNode>() : null;
                var entries = isSequence ? null : new List<TemplateEntry>();
                var hasMergeKey = false;
                while (true)
                {
                    SkipFlowSpace(open);
                    if (AtEnd)
                    {
                        throw Fail(isSequence ? "Unterminated flow sequence: the closing ']' is missing." : "Unterminated flow mapping: the closing '}' is missing.", open);
                    }

                    var c = _s[_pos];
                    if (c == close)
                    {
                        _pos++;
                        break;
                    }

                    if (c == ',' || c == ']' || c == '}')
                    {
                        throw Fail($"Unexpected '{c}' in a flow {(isSequence ? "sequence" : "mapping")}.", _pos);
                    }

                    if (c == '?' && IsBlankOrEnd(Peek(1)))
                    {
                        throw Fail("Explicit mapping keys ('? ') are not supported.", _pos);
                    }

                    var node = ParseFlowNode(open);
                    SkipFlowSpace(open);
                    if (isSequence)
                    {
                        // [a: b] is a sequence holding the single-pair mapping {a: b}.
                        if (AtFlowValueColon())
                        {
                            var entry = ParseFlowEntryValue(AsKey(node), open);
                            var pairStart = node.Span.Start;
                            node = new TemplateMapping(ImmutableArray.Create(entry), null, SpanOf(pairStart, _lastContentEnd), _source.Map(pairStart, _lastContentEnd));
                            SkipFlowSpace(open);
                        }

                        items!.Add(node);
                    }
                    else
                    {
                        var key = AsKey(node);
                        TemplateEntry entry;
                        if (AtFlowValueColon())
                        {
                            entry = ParseFlowEntryValue(key, open);
                            SkipFlowSpace(open);
                        }
                        else
                        {
                            // {a, b: 1}: a key without ':' has a null value.
                            entry = new TemplateEntry(key, EmptyScalar(NodeProperties.None, key.Span.End));
                        }

                        hasMergeKey |= IsMergeKey(key);
                        entries!.Add(entry);
                    }

                    if (!AtEnd && _s[_pos] == ',')
                    {
                        _pos++;
                    }
                    else if (!AtEnd && _s[_pos] != close)
                    {
                        throw Fail($"Expected ',' or '{close}'.", _pos);
                    }
                }

                _lastContentEnd = _pos;
                _lastFlowNodeWasJsonLike = true;
                TemplateNode collection = isSequence
                    ? new TemplateSequence(items!.ToImmutable(), properties.Tag, SpanOf(start, _pos), _source.Map(start, _pos))
                    : new TemplateMapping(hasMergeKey ? ApplyMergeKeys(entries!) : entries!.ToImmutableArray(), properties.Tag, SpanOf(start, _pos), _source.Map(start, _pos));
                return Anchor(collection, properties);
            }
            finally
            {
                _depth--;
            }
        }

        private TemplateNode ParseFlowNode(int open)
        {
            var properties = NodeProperties.None;
            while (!AtEnd && (_s[_pos] == '!' || _s[_pos] == '&'))
            {
                ParseProperty(ref properties, flow: true);
                SkipFlowSpace(open);
            }

            if (AtEnd)
            {
                throw Fail("Unterminated flow collection: the closing bracket is missing.", open);
            }

            _lastFlowNodeWasJsonLike = false;
            var c = _s[_pos];
            if (c == '[' || c == '{')
            {
                return ParseFlowCollection(properties);
            }

            if (c == '*')
            {
                if (properties.Any)
                {
                    throw Fail("An alias cannot have a tag or an anchor.", properties.Start);
                }

                return ParseAlias();
            }

            if (c == ',' || c == ']' || c == '}' || (c == ':' && (IsBlankOrEnd(Peek(1)) || IsFlowIndicator(Peek(1)))))
            {
                // [!Ref , x] or {!Ref : x}: properties with no content.
                return Anchor(EmptyScalar(properties, _pos), properties);
            }

            if (c == '"' || c == '\'')
            {
                var quoted = ParseQuoted();
                _lastFlowNodeWasJsonLike = true;
                return Anchor(Scalar(quoted, properties), properties);
            }

            var token = ContinuePlain(ScanPlainFirstLine(flow: true), -1, flow: true);
            return Anchor(Scalar(token, properties), properties);
        }

        private TemplateEntry ParseFlowEntryValue(TemplateScalar key, int open)
        {
            var colon = _pos;
            _pos++;
            SkipFlowSpace(open);
            if (AtEnd)
            {
                throw Fail("Unterminated flow collection: the closing bracket is missing.", open);
            }

            var c = _s[_pos];
            if (c == ',' || c == ']' || c == '}')
            {
                _lastContentEnd = colon + 1;
                return new TemplateEntry(key, EmptyScalar(NodeProperties.None, colon + 1));
            }

            return new TemplateEntry(key, ParseFlowNode(open));
        }

        private bool AtFlowValueColon()
        {
            if (AtEnd || _s[_pos] != ':')
            {
                return false;
            }

            var next = Peek(1);
            return _lastFlowNodeWasJsonLike || IsBlankOrEnd(next) || IsFlowIndicator(next);
        }

        private TemplateScalar AsKey(TemplateNode node) =>
            node as TemplateScalar ?? throw Fail("Only scalar mapping keys are supported.", node.Span.Start);

        /// <summary>Spaces, line breaks and comments between flow tokens.</summary>
        private void SkipFlowSpace(int open)
        {
            while (!AtEnd)
            {
                var c = _s[_pos];
                if (c == ' ' || c == '\t')
                {
                    _pos++;
                }
                else if (IsBreak(c))
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    ConsumeBreak();
                    if (AtDocumentMarker('-') || AtDocumentMarker('.'))
                    {
                        throw Fail("Unterminated flow collection: the closing bracket is missing.", open);
                    }
                }
                else if (AtComment())
                {
                    SkipToLineEnd();
                }
                else
                {
                    return;
                }
            }
        }
    }
}
