using System.Text;
using Sharpless.Deployment.Templates;

namespace Sharpless.Analyzers.Tests.Templates;

/// <summary>
/// Renders a node tree compactly so a test states a whole expected structure in one line: mappings as
/// <c>{key: value}</c>, sequences as <c>[a, b]</c>, scalars as quoted C#-style strings, null scalars as <c>~</c>, tags
/// before their node (<c>!Ref "X"</c>).
/// </summary>
internal static class TemplateDump
{
    public static string Of(TemplateNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    public static TemplateNode Root(string yaml)
    {
        var result = CloudFormationYamlParser.Parse(yaml);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Root!;
    }

    public static string Yaml(string yaml) => Of(Root(yaml));

    public static string Json(string json)
    {
        var result = LenientJsonParser.Parse(json);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return Of(result.Root);
    }

    private static void Write(StringBuilder builder, TemplateNode? node)
    {
        if (node is null)
        {
            builder.Append("<none>");
            return;
        }

        if (node.Tag is not null)
        {
            builder.Append(node.Tag).Append(' ');
        }

        switch (node)
        {
            case TemplateScalar { IsNull: true }:
                builder.Append('~');
                break;
            case TemplateScalar scalar:
                builder.Append('"');
                foreach (var c in scalar.Value)
                {
                    builder.Append(c switch
                    {
                        '"' => "\\\"",
                        '\\' => "\\\\",
                        '\n' => "\\n",
                        '\t' => "\\t",
                        '\r' => "\\r",
                        _ => c.ToString(),
                    });
                }

                builder.Append('"');
                break;
            case TemplateMapping mapping:
                builder.Append('{');
                for (var i = 0; i < mapping.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ").Append(mapping.Entries[i].Key).Append(": ");
                    Write(builder, mapping.Entries[i].Value);
                }

                builder.Append('}');
                break;
            case TemplateSequence sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Write(builder, sequence.Items[i]);
                }

                builder.Append(']');
                break;
        }
    }
}
