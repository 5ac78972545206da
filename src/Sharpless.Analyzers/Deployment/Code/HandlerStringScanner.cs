using System;
using System.Collections.Generic;
using Sharpless.Common;

namespace Sharpless.Deployment.Code
{
    /// <summary>
    /// Finds handler strings (<c>Assembly::Namespace.Type::Method</c>) in deployment code of any language — a CDK stack
    /// in C# or TypeScript, a Pulumi program, Terraform, serverless.yml — without parsing it. A handler string is taken
    /// where such code writes one:
    /// <list type="bullet">
    /// <item>as the value of a <c>handler</c> key, quoted or not: <c>Handler = "…"</c> (C#), <c>handler: '…'</c>
    /// (TypeScript, YAML), <c>handler = "…"</c> (HCL), <c>handler="…"</c> (Python);</item>
    /// <item>as a whole string literal elsewhere (<c>jsii.String("…")</c>, a constant), when its type has a namespace:
    /// CloudFormation type names (<c>"AWS::Lambda::Function"</c>) and C++-style names (<c>"std::string::npos"</c>)
    /// have the same three parts and are not handlers.</item>
    /// </list>
    /// A string built from pieces (<c>`${name}::…`</c>, <c>$"{asm}::…"</c>, concatenation) is not resolved: the parts
    /// next to an interpolation do not form a handler string, so nothing is taken from it. The scan is a loop over
    /// <c>::</c> occurrences: linear in the text, no regular expression, nothing that can throw on odd input.
    /// </summary>
    internal static class HandlerStringScanner
    {
        private const string Separator = "::";

        /// <summary>Longest token considered around a <c>::</c>; real handler strings are far shorter.</summary>
        private const int MaxTokenLength = 1024;

        public static List<HandlerString> Scan(string text)
        {
            var found = new List<HandlerString>();
            if (string.IsNullOrEmpty(text))
            {
                return found;
            }

            var index = text.IndexOf(Separator, StringComparison.Ordinal);
            while (index >= 0)
            {
                var start = index;
                while (start > 0 && index - start < MaxTokenLength && IsTokenChar(text[start - 1]))
                {
                    start--;
                }

                var end = index + Separator.Length;
                while (end < text.Length && end - index < MaxTokenLength && IsTokenChar(text[end]))
                {
                    end++;
                }

                if (HandlerString.TryParseWellFormed(text.Substring(start, end - start), out var handler) &&
                    IsWrittenAsHandler(text, start, end, handler))
                {
                    found.Add(handler);
                }

                index = end < text.Length ? text.IndexOf(Separator, end, StringComparison.Ordinal) : -1;
            }

            return found;
        }

        private static bool IsWrittenAsHandler(string text, int start, int end, HandlerString handler)
        {
            var before = start > 0 ? text[start - 1] : '\0';
            var after = end < text.Length ? text[end] : '\0';
            var quoted = IsQuote(before) && after == before;
            if (quoted)
            {
                return handler.HasNamespace || FollowsHandlerKey(text, start - 1);
            }

            // Unquoted: only a YAML/HCL-style `handler: X` value that ends where the line or the mapping does.
            var endsValue = after is '\0' or '\r' or '\n' or ' ' or '\t' or '#' or ',' or '}' or ']';
            return endsValue && FollowsHandlerKey(text, start);
        }

        /// <summary>
        /// Whether the text before <paramref name="valueStart"/> is <c>handler</c> followed by <c>:</c> or <c>=</c>
        /// (the key optionally quoted, any case, on the same line). <c>FunctionHandler:</c> and <c>function-handler</c>
        /// are other keys.
        /// </summary>
        private static bool FollowsHandlerKey(string text, int valueStart)
        {
            var i = valueStart - 1;
            i = SkipBlanksBackward(text, i);
            if (i < 0 || (text[i] != ':' && text[i] != '='))
            {
                return false;
            }

            i = SkipBlanksBackward(text, i - 1);
            if (i >= 0 && IsQuote(text[i]))
            {
                i--;
            }

            const string Key = "handler";
            var keyStart = i - Key.Length + 1;
            if (keyStart < 0 || string.Compare(text, keyStart, Key, 0, Key.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return false;
            }

            var beforeKey = keyStart > 0 ? text[keyStart - 1] : '\0';
            return !(char.IsLetterOrDigit(beforeKey) || beforeKey == '_' || beforeKey == '-');
        }

        private static int SkipBlanksBackward(string text, int i)
        {
            while (i >= 0 && (text[i] == ' ' || text[i] == '\t'))
            {
                i--;
            }

            return i;
        }

        private static bool IsQuote(char c) => c is '"' or '\'' or '`';

        private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '+' or '-' or ':';
    }
}
