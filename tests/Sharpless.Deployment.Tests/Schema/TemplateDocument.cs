using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sharpless.Deployment.Tests.Schema;

/// <summary>What a scalar is after parsing: YAML plain scalars are resolved the way a YAML 1.1 loader would.</summary>
internal enum ScalarKind { String, Number, Boolean, Null, Timestamp }

/// <summary>A template as one format-neutral tree (mappings keep their key order).</summary>
internal abstract record TemplateNode
{
    public string Describe() => this switch
    {
        ScalarNode s => s.Kind == ScalarKind.String ? "a string" : $"a {s.Kind.ToString().ToLowerInvariant()}",
        SequenceNode => "a list",
        MappingNode => "a mapping",
        _ => GetType().Name,
    };
}

internal sealed record ScalarNode(string Text, ScalarKind Kind) : TemplateNode;

internal sealed record SequenceNode(IReadOnlyList<TemplateNode> Items) : TemplateNode;

internal sealed record MappingNode(IReadOnlyList<KeyValuePair<string, TemplateNode>> Entries) : TemplateNode
{
    public TemplateNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    public IEnumerable<string> Keys => Entries.Select(e => e.Key);

    /// <summary><c>{"Ref": …}</c> or <c>{"Fn::…": …}</c>: a value CloudFormation computes, acceptable wherever a value goes.</summary>
    public bool IsIntrinsic => Entries.Count == 1 && (Entries[0].Key == "Ref" || Entries[0].Key.StartsWith("Fn::", StringComparison.Ordinal));
}

/// <summary>
/// Loads a written template with parsers that have nothing to do with the writer's own reader: YamlDotNet's
/// representation model for YAML (short-form tags become the long-form intrinsic functions) and System.Text.Json.
/// </summary>
internal static partial class TemplateDocument
{
    public static MappingNode Parse(string text, Templates.TemplateFormat format)
    {
        var root = format == Templates.TemplateFormat.Json ? ParseJson(text) : ParseYaml(text);
        return root as MappingNode ?? throw new FormatException($"The template is {root.Describe()}, not a mapping.");
    }

    public static TemplateNode ParseYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"Expected one YAML document, found {stream.Documents.Count}.");
        }

        return FromYaml(stream.Documents[0].RootNode);
    }

    public static TemplateNode ParseJson(string text)
    {
        using var document = JsonDocument.Parse(text);
        return FromJson(document.RootElement);
    }

    private static TemplateNode FromYaml(YamlNode node)
    {
        TemplateNode value = node switch
        {
            YamlScalarNode scalar => Scalar(scalar),
            YamlSequenceNode sequence => new SequenceNode(sequence.Children.Select(FromYaml).ToArray()),
            YamlMappingNode mapping => Mapping(mapping.Children.Select(c => (KeyText(c.Key), FromYaml(c.Value)))),
            _ => throw new FormatException($"Unsupported YAML node {node.NodeType} at {node.Start}."),
        };
        var tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;
        return tag switch
        {
            null or "tag:yaml.org,2002:str" or "tag:yaml.org,2002:map" or "tag:yaml.org,2002:seq" => value,
            // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"].
            "!GetAtt" when value is ScalarNode { Text: var dotted } && dotted.IndexOf('.') is var dot and > 0 =>
                Intrinsic("Fn::GetAtt", new SequenceNode([Text(dotted[..dot]), Text(dotted[(dot + 1)..])])),
            "!Ref" => Intrinsic("Ref", value),
            "!Condition" => Intrinsic("Condition", value),
            _ when tag.StartsWith('!') && !tag.StartsWith("!!", StringComparison.Ordinal) => Intrinsic("Fn::" + tag[1..], value),
            _ => throw new FormatException($"Unsupported YAML tag {tag} at {node.Start}."),
        };
    }

    private static string KeyText(YamlNode key) =>
        key is YamlScalarNode { Value: var text } && key.Tag.IsEmpty ? text ?? string.Empty : throw new FormatException($"Mapping key at {key.Start} is not a plain string.");

    private static ScalarNode Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return Text(text);
        }

        // YAML 1.1 resolution (PyYAML, which SAM and the AWS CLI load templates with): a plain 2010-09-09 is a date.
        var kind = text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "yes" or "Yes" or "no" or "No" or "on" or "On" or "off" or "Off" => ScalarKind.Boolean,
            _ when Timestamp().IsMatch(text) => ScalarKind.Timestamp,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => ScalarKind.Number,
            _ => ScalarKind.String,
        };
        return new ScalarNode(text, kind);
    }

    private static TemplateNode FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Mapping(element.EnumerateObject().Select(p => (p.Name, FromJson(p.Value)))),
        JsonValueKind.Array => new SequenceNode(element.EnumerateArray().Select(FromJson).ToArray()),
        JsonValueKind.String => Text(element.GetString()!),
        JsonValueKind.Number => new ScalarNode(element.GetRawText(), ScalarKind.Number),
        JsonValueKind.True or JsonValueKind.False => new ScalarNode(element.GetRawText(), ScalarKind.Boolean),
        _ => new ScalarNode(string.Empty, ScalarKind.Null),
    };

    private static MappingNode Mapping(IEnumerable<(string Key, TemplateNode Value)> entries)
    {
        var list = entries.Select(e => KeyValuePair.Create(e.Key, e.Value)).ToArray();
        var duplicate = list.GroupBy(e => e.Key).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? new MappingNode(list) : throw new FormatException($"Duplicate key '{duplicate.Key}'.");
    }

    private static ScalarNode Text(string text) => new(text, ScalarKind.String);

    private static MappingNode Intrinsic(string name, TemplateNode argument) => new([KeyValuePair.Create(name, argument)]);

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)")]
    private static partial Regex Timestamp();
}
