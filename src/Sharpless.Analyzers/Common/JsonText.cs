using System.Globalization;
using System.Text;

namespace Sharpless.Common
{
    /// <summary>
    /// JSON string escaping for documents the generators emit (the analyzer assembly has no JSON library) and for the
    /// template writer's JSON and YAML double-quoted strings (JSON's escapes are valid in both).
    /// </summary>
    internal static class JsonText
    {
        public static StringBuilder AppendString(this StringBuilder json, string value)
        {
            json.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"':
                        json.Append("\\\"");
                        break;
                    case '\\':
                        json.Append("\\\\");
                        break;
                    case '\n':
                        json.Append("\\n");
                        break;
                    case '\r':
                        json.Append("\\r");
                        break;
                    case '\t':
                        json.Append("\\t");
                        break;
                    default:
                        if (c < 0x20)
                        {
                            json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            json.Append(c);
                        }

                        break;
                }
            }

            return json.Append('"');
        }

        public static StringBuilder AppendProperty(this StringBuilder json, string name, string value) =>
            json.AppendString(name).Append(':').AppendString(value);
    }
}
