using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Common;

namespace Sharpless.Http
{
    /// <summary>
    /// Parses route templates: <c>/</c>, literal segments, <c>{name}</c> and a last <c>{name+}</c> (greedy). Constraints
    /// (<c>{id:int}</c>) are not part of the syntax: the parameter's C# type is what is checked, when binding.
    /// </summary>
    internal static class RouteTemplateParser
    {
        public static bool TryParse(string? template, out EquatableArray<RouteSegment> segments, out string? error)
        {
            segments = EquatableArray<RouteSegment>.Empty;
            error = Validate(template, out var parsed);
            if (error is null)
            {
                segments = parsed.ToEquatableArray();
            }

            return error is null;
        }

        private static string? Validate(string? template, out List<RouteSegment> segments)
        {
            segments = new List<RouteSegment>();
            if (string.IsNullOrEmpty(template))
            {
                return "it is empty; use \"/\" for the root";
            }

            if (template![0] != '/')
            {
                return "it must start with '/'";
            }

            if (template == "/")
            {
                return null;
            }

            if (template[template.Length - 1] == '/')
            {
                return "it must not end with '/'";
            }

            if (template.IndexOfAny(new[] { '?', '#' }) >= 0)
            {
                return "it must not contain '?' or '#'; query parameters are bound with [FromQuery]";
            }

            var names = new HashSet<string>();
            var parts = template.Substring(1).Split('/');
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (part.Length == 0)
                {
                    return "it has an empty segment ('//')";
                }

                if (part[0] == '{' && part[part.Length - 1] == '}' && part.IndexOf('{', 1) < 0 && part.IndexOf('}') == part.Length - 1)
                {
                    var name = part.Substring(1, part.Length - 2);
                    var greedy = name.EndsWith("+");
                    if (greedy)
                    {
                        name = name.Substring(0, name.Length - 1);
                        if (i != parts.Length - 1)
                        {
                            return $"greedy parameter '{{{name}+}}' must be the last segment";
                        }
                    }

                    if (name.IndexOf(':') >= 0 || name.IndexOf('=') >= 0 || name.IndexOf('?') >= 0)
                    {
                        return $"'{part}' has a constraint, default or '?'; these are not supported — the parameter's type is checked when binding";
                    }

                    if (!SyntaxFacts.IsValidIdentifier(name))
                    {
                        return $"'{part}' does not name a parameter (letters, digits and '_')";
                    }

                    if (!names.Add(name))
                    {
                        return $"parameter '{name}' appears twice";
                    }

                    segments.Add(new RouteSegment(greedy ? SegmentKind.CatchAll : SegmentKind.Parameter, name));
                    continue;
                }

                if (part.IndexOf('{') >= 0 || part.IndexOf('}') >= 0)
                {
                    return $"segment '{part}' mixes text and a parameter; a parameter must be a whole segment";
                }

                if (part == "." || part == "..")
                {
                    return "it has a '.' or '..' segment";
                }

                segments.Add(new RouteSegment(SegmentKind.Literal, part));
            }

            return null;
        }

        /// <summary>The template with parameter names erased: <c>orders/{}/lines/{+}</c>.</summary>
        public static string ShapeKey(IEnumerable<RouteSegment> segments)
        {
            var key = new StringBuilder();
            foreach (var segment in segments)
            {
                key.Append('/').Append(segment.Kind switch
                {
                    SegmentKind.Literal => segment.Value,
                    SegmentKind.Parameter => "{}",
                    _ => "{+}",
                });
            }

            return key.Length == 0 ? "/" : key.ToString();
        }

        public static ImmutableArray<string> ParameterNames(IEnumerable<RouteSegment> segments) =>
            segments.Where(s => s.Kind != SegmentKind.Literal).Select(s => s.Value).ToImmutableArray();
    }
}
