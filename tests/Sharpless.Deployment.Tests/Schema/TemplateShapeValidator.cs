using System.Globalization;
using System.Text.RegularExpressions;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment.Tests.Schema;

/// <summary>
/// Checks a template against the CloudFormation template anatomy, the resource specification (SamSpecification) and
/// the rules SAM applies on top of it. Each problem is one string: the path to the value, then what is wrong.
/// </summary>
internal static partial class TemplateShapeValidator
{
    private const string ServerlessTransform = "AWS::Serverless-2016-10-31";

    private static readonly HashSet<string> Sections =
    [
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Transform",
        "Outputs", "Resources", "Globals",
    ];

    private static readonly HashSet<string> ResourceAttributes =
    [
        "Type", "Properties", "Metadata", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "CreationPolicy", "UpdatePolicy",
    ];

    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html
    private static readonly HashSet<string> GlobalSections = ["Function", "Api", "HttpApi", "SimpleTable", "StateMachine", "LayerVersion"];

    // Supported runtime identifiers, https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
    private static readonly HashSet<string> Runtimes =
    [
        "dotnet8", "dotnet10", "provided.al2023", "provided.al2",
        "nodejs20.x", "nodejs22.x", "nodejs24.x", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14",
        "java8.al2", "java11", "java17", "java21", "ruby3.2", "ruby3.3", "ruby3.4",
    ];

    private static readonly HashSet<string> PseudoParameters =
    [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ];

    private static SamSpecification Spec => SamSpecification.Instance;

    public static IReadOnlyList<string> Validate(string text, TemplateFormat format)
    {
        try
        {
            return Validate(TemplateDocument.Parse(text, format));
        }
        catch (Exception e) when (e is FormatException or YamlDotNet.Core.YamlException or System.Text.Json.JsonException)
        {
            return [$"(template): does not parse as {format}: {e.Message}"];
        }
    }

    public static IReadOnlyList<string> Validate(MappingNode template)
    {
        var errors = new List<string>();
        errors.AddRange(template.Keys.Where(k => !Sections.Contains(k)).Select(k => $"{k}: not a CloudFormation template section"));

        switch (template["AWSTemplateFormatVersion"])
        {
            case null or ScalarNode { Kind: ScalarKind.String, Text: "2010-09-09" }:
                break;
            case ScalarNode { Kind: ScalarKind.Timestamp } date:
                errors.Add($"AWSTemplateFormatVersion: {date.Text} unquoted is a YAML timestamp, not the string '2010-09-09'; quote it");
                break;
            case var other:
                errors.Add($"AWSTemplateFormatVersion: must be the string '2010-09-09', found {Show(other)}");
                break;
        }

        if (template["Description"] is { } description and not ScalarNode { Kind: ScalarKind.String })
        {
            errors.Add($"Description: must be a string, found {description.Describe()}");
        }

        foreach (var (name, parameter) in Entries(template, "Parameters", errors))
        {
            if (parameter is not MappingNode { } p || p["Type"] is not ScalarNode { Kind: ScalarKind.String })
            {
                errors.Add($"Parameters.{name}: a parameter needs a string Type");
            }
        }

        foreach (var (name, output) in Entries(template, "Outputs", errors))
        {
            if (output is not MappingNode { } o || o["Value"] is null)
            {
                errors.Add($"Outputs.{name}: an output needs a Value");
            }
        }

        var globals = Entries(template, "Globals", errors).ToArray();
        foreach (var (section, properties) in globals)
        {
            var path = $"Globals.{section}";
            if (!GlobalSections.Contains(section))
            {
                errors.Add($"{path}: not a SAM Globals section");
            }
            else if (Spec.ResourceType("AWS::Serverless::" + section) is { } spec)
            {
                CheckProperties($"AWS::Serverless::{section}", spec, properties, path, errors, checkRequired: false);
            }
        }

        if (template["Resources"] is not MappingNode { Entries.Count: > 0 } resources)
        {
            errors.Add("Resources: a template needs a mapping of at least one resource");
            return errors;
        }

        var serverless = false;
        foreach (var (name, node) in resources.Entries)
        {
            var path = $"Resources.{name}";
            if (node is not MappingNode resource)
            {
                errors.Add($"{path}: a resource must be a mapping, found {node.Describe()}");
                continue;
            }

            errors.AddRange(resource.Keys.Where(k => !ResourceAttributes.Contains(k)).Select(k => $"{path}.{k}: not a resource attribute"));
            if (resource["Type"] is not ScalarNode { Kind: ScalarKind.String, Text: var type })
            {
                errors.Add($"{path}.Type: a resource needs a string Type");
                continue;
            }

            if (Spec.ResourceType(type) is not { } properties)
            {
                errors.Add($"{path}.Type: '{type}' is not a resource type of the CloudFormation specification");
                continue;
            }

            serverless |= type.StartsWith("AWS::Serverless::", StringComparison.Ordinal);
            var given = resource["Properties"] ?? new MappingNode([]);
            CheckProperties(type, properties, given, $"{path}.Properties", errors, checkRequired: true);
            if (type == "AWS::Serverless::Function" && given is MappingNode function)
            {
                CheckFunction(function, globals.FirstOrDefault(g => g.Key == "Function").Value as MappingNode, $"{path}.Properties", errors);
            }
        }

        string[] transforms = template["Transform"] switch
        {
            ScalarNode s => [s.Text],
            SequenceNode list => list.Items.OfType<ScalarNode>().Select(s => s.Text).ToArray(),
            _ => [],
        };
        if (serverless && !transforms.Contains(ServerlessTransform))
        {
            errors.Add($"Transform: AWS::Serverless::* resources need the {ServerlessTransform} transform");
        }

        return errors;
    }

    /// <summary>
    /// Every Ref, Fn::GetAtt and ${…} in Fn::Sub names a parameter, a resource (or one SAM creates implicitly) or a
    /// pseudo parameter. Separate from Validate: a template may refer to what a user is about to declare.
    /// </summary>
    public static IReadOnlyList<string> UndeclaredReferences(MappingNode template)
    {
        var resources = (template["Resources"] as MappingNode)?.Entries ?? [];
        var resourceNames = resources.Select(r => r.Key)
            .Concat(["ServerlessRestApi", "ServerlessHttpApi"])
            .Concat(resources.Where(r => r.Value is MappingNode m && m["Type"] is ScalarNode { Text: "AWS::Serverless::Function" }).Select(r => r.Key + "Role"))
            .ToHashSet();
        var refNames = resourceNames.Concat(PseudoParameters).Concat((template["Parameters"] as MappingNode)?.Keys ?? []).ToHashSet();
        var errors = new List<string>();
        Walk(template, string.Empty);
        return errors;

        void Walk(TemplateNode node, string path)
        {
            switch (node)
            {
                case MappingNode { IsIntrinsic: true } intrinsic:
                    var (function, argument) = (intrinsic.Entries[0].Key, intrinsic.Entries[0].Value);
                    if (function == "Ref" && argument is ScalarNode target && !refNames.Contains(target.Text))
                    {
                        errors.Add($"{path}: Ref to '{target.Text}', which is not a parameter, resource or pseudo parameter");
                    }
                    else if (function == "Fn::GetAtt" && GetAttResource(argument) is { } resource && !resourceNames.Contains(resource))
                    {
                        errors.Add($"{path}: Fn::GetAtt of '{resource}', which is not a resource");
                    }
                    else if (function == "Fn::Sub")
                    {
                        var (text, variables) = argument switch
                        {
                            ScalarNode s => (s.Text, new MappingNode([])),
                            SequenceNode { Items: [ScalarNode s, MappingNode v] } => (s.Text, v),
                            _ => (string.Empty, new MappingNode([])),
                        };
                        foreach (Match m in SubVariable().Matches(text))
                        {
                            var name = m.Groups[1].Value;
                            if (variables[name] is null && !refNames.Contains(name) && !resourceNames.Contains(name.Split('.')[0]))
                            {
                                errors.Add($"{path}: Fn::Sub uses '${{{name}}}', which is not declared");
                            }
                        }
                    }

                    Walk(argument, $"{path}.{function}");
                    break;
                case MappingNode mapping:
                    foreach (var (key, value) in mapping.Entries)
                    {
                        Walk(value, path.Length == 0 ? key : $"{path}.{key}");
                    }

                    break;
                case SequenceNode sequence:
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        Walk(sequence.Items[i], $"{path}[{i}]");
                    }

                    break;
            }
        }

        static string? GetAttResource(TemplateNode argument) => argument switch
        {
            SequenceNode { Items: [ScalarNode resource, ..] } => resource.Text,
            ScalarNode dotted => dotted.Text.Split('.')[0],
            _ => null,
        };
    }

    /// <summary>
    /// SAM's rules for a function deployed as a .zip package, which the specification leaves optional: Handler, Runtime
    /// and CodeUri (or InlineCode) are required unless PackageType is Image, and may come from Globals.Function.
    /// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html
    /// </summary>
    private static void CheckFunction(MappingNode function, MappingNode? globals, string path, List<string> errors)
    {
        TemplateNode? Setting(string name) => function[name] ?? globals?[name];

        if (Setting("PackageType") is ScalarNode { Text: "Image" })
        {
            return;
        }

        foreach (var required in new[] { "Handler", "Runtime" }.Where(r => Setting(r) is null))
        {
            errors.Add($"{path}: a zip package function needs {required}");
        }

        if (Setting("CodeUri") is null && Setting("InlineCode") is null)
        {
            errors.Add($"{path}: a zip package function needs CodeUri or InlineCode");
        }

        if (Setting("Runtime") is ScalarNode { Text: var runtime } && !Runtimes.Contains(runtime))
        {
            errors.Add($"{path}.Runtime: '{runtime}' is not a Lambda runtime identifier");
        }
    }

    private static void CheckProperties(string resourceType, IReadOnlyDictionary<string, PropertySpec> spec, TemplateNode node, string path, List<string> errors, bool checkRequired)
    {
        if (node is not MappingNode mapping)
        {
            errors.Add($"{path}: must be a mapping, found {node.Describe()}");
            return;
        }

        foreach (var (name, value) in mapping.Entries)
        {
            if (spec.TryGetValue(name, out var property))
            {
                CheckValue(resourceType, property.Shapes, value, $"{path}.{name}", errors);
            }
            else
            {
                errors.Add($"{path}.{name}: unknown property (not in the specification of {resourceType})");
            }
        }

        if (checkRequired)
        {
            errors.AddRange(spec.Where(p => p.Value.Required && mapping[p.Key] is null).Select(p => $"{path}: required property {p.Key} is missing"));
        }
    }

    /// <summary>A value against the shapes its property allows: fine when one of those of its kind (scalar, list, mapping) fits.</summary>
    private static void CheckValue(string resourceType, IReadOnlyList<ValueShape> shapes, TemplateNode value, string path, List<string> errors)
    {
        if (value is MappingNode { IsIntrinsic: true } || shapes.Count == 0)
        {
            return;
        }

        var candidates = shapes.Where(s => (s, value) switch
        {
            (PrimitiveShape { Name: "Json" }, _) => true,
            (PrimitiveShape, ScalarNode) or (ListShape, SequenceNode) or (NamedShape or MapShape, MappingNode) => true,
            _ => false,
        }).ToArray();
        if (candidates.Length == 0)
        {
            errors.Add($"{path}: expected {string.Join(" or ", shapes.Select(Describe))}, found {Show(value)}");
            return;
        }

        List<string>? first = null;
        foreach (var shape in candidates)
        {
            var attempt = new List<string>();
            CheckShape(resourceType, shape, value, path, attempt);
            if (attempt.Count == 0)
            {
                return;
            }

            first ??= attempt;
        }

        errors.AddRange(first!);
    }

    private static void CheckShape(string resourceType, ValueShape shape, TemplateNode value, string path, List<string> errors)
    {
        switch (shape, value)
        {
            case (PrimitiveShape { Name: var primitive }, ScalarNode scalar):
                if (!FitsPrimitive(primitive, scalar))
                {
                    errors.Add($"{path}: expected {primitive}, found {Show(scalar)}");
                }

                break;
            case (ListShape list, SequenceNode sequence):
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    CheckValue(resourceType, list.Items, sequence.Items[i], $"{path}[{i}]", errors);
                }

                break;
            case (MapShape map, MappingNode mapping):
                foreach (var (key, item) in mapping.Entries)
                {
                    CheckValue(resourceType, map.Items, item, $"{path}.{key}", errors);
                }

                break;
            case (NamedShape { Name: "EventSource" }, MappingNode mapping) when resourceType == "AWS::Serverless::Function":
                CheckEvent(mapping, path, errors);
                break;
            case (NamedShape { Name: var name }, MappingNode mapping):
                if (Spec.PropertyType(resourceType, name) is { } properties)
                {
                    CheckProperties(resourceType, properties, mapping, path, errors, checkRequired: true);
                }
                else
                {
                    errors.Add($"{path}: the specification has no property type {resourceType}.{name}");
                }

                break;
        }
    }

    /// <summary>A function's event: Type and Properties, the properties checked against the property type of that event type.</summary>
    private static void CheckEvent(MappingNode source, string path, List<string> errors)
    {
        errors.AddRange(source.Keys.Where(k => k is not ("Type" or "Properties")).Select(k => $"{path}.{k}: an event has only Type and Properties"));
        if (source["Type"] is not ScalarNode { Kind: ScalarKind.String, Text: var type })
        {
            errors.Add($"{path}.Type: an event needs a string Type");
            return;
        }

        if (Spec.PropertyType("AWS::Serverless::Function", type + "Event") is not { } properties)
        {
            errors.Add($"{path}.Type: '{type}' is not an event type of the specification");
        }
        else if (source["Properties"] is not { } given)
        {
            errors.Add($"{path}: an event needs Properties");
        }
        else
        {
            CheckProperties("AWS::Serverless::Function", properties, given, $"{path}.Properties", errors, checkRequired: true);
        }
    }

    private static bool FitsPrimitive(string primitive, ScalarNode scalar) => scalar.Kind != ScalarKind.Null && primitive switch
    {
        "Integer" or "Long" => long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "Double" => double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        "Boolean" => scalar.Kind == ScalarKind.Boolean || scalar.Text is "true" or "false",
        _ => true, // String, Timestamp: CloudFormation takes any scalar as text.
    };

    private static IEnumerable<KeyValuePair<string, TemplateNode>> Entries(MappingNode template, string section, List<string> errors)
    {
        switch (template[section])
        {
            case null:
                return [];
            case MappingNode mapping:
                return mapping.Entries;
            case var other:
                errors.Add($"{section}: must be a mapping, found {other.Describe()}");
                return [];
        }
    }

    private static string Describe(ValueShape shape) => shape switch
    {
        PrimitiveShape p => p.Name,
        NamedShape n => $"a {n.Name} mapping",
        ListShape => "a list",
        MapShape => "a mapping",
        _ => shape.GetType().Name,
    };

    private static string Show(TemplateNode node) => node is ScalarNode s ? $"{s.Describe()} '{s.Text}'" : node.Describe();

    [GeneratedRegex(@"\$\{(?!!)([^}]+)\}")]
    private static partial Regex SubVariable();
}
