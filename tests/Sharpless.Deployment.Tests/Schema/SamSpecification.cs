using System.Text.Json;

namespace Sharpless.Deployment.Tests.Schema;

/// <summary>One shape a property value may take, as the specification declares it.</summary>
internal abstract record ValueShape;

/// <summary>String, Integer, Long, Double, Boolean, Timestamp or Json.</summary>
internal sealed record PrimitiveShape(string Name) : ValueShape;

/// <summary>A property type of the specification: a mapping with its own properties.</summary>
internal sealed record NamedShape(string Name) : ValueShape;

internal sealed record ListShape(IReadOnlyList<ValueShape> Items) : ValueShape;

internal sealed record MapShape(IReadOnlyList<ValueShape> Items) : ValueShape;

/// <summary>A property of a resource or property type: whether it is required and the shapes its value may take.</summary>
internal sealed record PropertySpec(bool Required, IReadOnlyList<ValueShape> Shapes);

/// <summary>
/// The CloudFormation resource specification with the AWS::Serverless types, from the npm package
/// @aws-cdk/cfnspec pinned in tests/cfnspec (eng/test.sh installs it). Property types are named
/// "ResourceType.Name"; a few (Tag) are shared and named without the resource type.
/// </summary>
internal sealed class SamSpecification
{
    private const string RelativePath = "tests/cfnspec/node_modules/@aws-cdk/cfnspec/spec/specification.json";

    private static readonly Lazy<SamSpecification> Shared = new(Load);

    private readonly Dictionary<string, IReadOnlyDictionary<string, PropertySpec>> _resourceTypes;
    private readonly Dictionary<string, IReadOnlyDictionary<string, PropertySpec>> _propertyTypes;

    private SamSpecification(JsonElement root)
    {
        _resourceTypes = Read(root.GetProperty("ResourceTypes"));
        _propertyTypes = Read(root.GetProperty("PropertyTypes"));
        AddNewerSamEventProperties();
    }

    /// <summary>
    /// SAM event properties newer than the pinned specification (its SAM types stopped being updated), added from the
    /// SAM developer guide's pages for the event types (docs.aws.amazon.com/serverless-application-model/latest/
    /// developerguide/sam-property-function-sqs.html, sam-property-function-dynamodb.html, sam-property-function-kinesis.html
    /// and sam-property-function-sns.html): partial batch responses, filtering, batching windows, retries, on-failure
    /// destinations, maximum concurrency and SNS filter policies. Their values are passed to AWS::Lambda::EventSourceMapping.
    /// </summary>
    private void AddNewerSamEventProperties()
    {
        var list = new PropertySpec(false, [new ListShape([new PrimitiveShape("String")])]);
        var json = new PropertySpec(false, [new PrimitiveShape("Json")]);
        var integer = new PropertySpec(false, [new PrimitiveShape("Integer")]);
        Extend("AWS::Serverless::Function.SQSEvent", ("FunctionResponseTypes", list), ("FilterCriteria", json), ("MaximumBatchingWindowInSeconds", integer), ("ScalingConfig", json));
        Extend("AWS::Serverless::Function.DynamoDBEvent", ("FunctionResponseTypes", list), ("FilterCriteria", json));
        Extend("AWS::Serverless::Function.KinesisEvent", ("FilterCriteria", json), ("MaximumBatchingWindowInSeconds", integer), ("MaximumRetryAttempts", integer), ("DestinationConfig", json));
        Extend("AWS::Serverless::Function.SNSEvent", ("FilterPolicy", json));
    }

    private void Extend(string propertyType, params (string Name, PropertySpec Spec)[] properties)
    {
        var extended = new Dictionary<string, PropertySpec>(_propertyTypes[propertyType], StringComparer.Ordinal);
        foreach (var (name, spec) in properties)
        {
            extended.TryAdd(name, spec);
        }

        _propertyTypes[propertyType] = extended;
    }

    public static SamSpecification Instance => Shared.Value;

    /// <summary>The properties of a resource type, or null when the specification does not know the type.</summary>
    public IReadOnlyDictionary<string, PropertySpec>? ResourceType(string type) => _resourceTypes.GetValueOrDefault(type);

    /// <summary>The properties of property type <paramref name="name"/> as used inside <paramref name="resourceType"/>.</summary>
    public IReadOnlyDictionary<string, PropertySpec>? PropertyType(string resourceType, string name) =>
        _propertyTypes.GetValueOrDefault($"{resourceType}.{name}") ?? _propertyTypes.GetValueOrDefault(name);

    private static SamSpecification Load()
    {
        var path = Locate();
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new SamSpecification(document.RootElement);
    }

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "tests", "cfnspec", "package.json")))
            {
                continue;
            }

            var path = Path.Combine(directory.FullName, RelativePath);
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"The CloudFormation specification '{path}' is not installed. Run `npm ci --prefix tests/cfnspec` in " +
                    $"{directory.FullName} (eng/test.sh does), then run the tests again.");
        }

        throw new InvalidOperationException(
            $"No directory above '{AppContext.BaseDirectory}' holds tests/cfnspec/package.json; the template schema tests run from the repository's build output.");
    }

    private static Dictionary<string, IReadOnlyDictionary<string, PropertySpec>> Read(JsonElement types) =>
        types.EnumerateObject().ToDictionary(
            t => t.Name,
            t => (IReadOnlyDictionary<string, PropertySpec>)(t.Value.TryGetProperty("Properties", out var properties)
                ? properties.EnumerateObject().ToDictionary(p => p.Name, p => Property(p.Value), StringComparer.Ordinal)
                : new Dictionary<string, PropertySpec>()),
            StringComparer.Ordinal);

    /// <summary>
    /// One property's alternatives: PrimitiveType, Type (List/Map with ItemType or PrimitiveItemType, or a property type),
    /// and the SAM extensions PrimitiveTypes, Types, PrimitiveItemTypes and Inclusive(Primitive)ItemTypes.
    /// </summary>
    private static PropertySpec Property(JsonElement p)
    {
        var shapes = new List<ValueShape>();
        var items = Strings(p, "PrimitiveItemType").Concat(Strings(p, "PrimitiveItemTypes")).Concat(Strings(p, "InclusivePrimitiveItemTypes"))
            .Select(n => (ValueShape)new PrimitiveShape(n))
            .Concat(Strings(p, "ItemType").Concat(Strings(p, "InclusiveItemTypes")).Select(n => (ValueShape)new NamedShape(n)))
            .ToArray();
        shapes.AddRange(Strings(p, "PrimitiveType").Concat(Strings(p, "PrimitiveTypes")).Select(n => new PrimitiveShape(n)));
        foreach (var type in Strings(p, "Type").Concat(Strings(p, "Types")))
        {
            shapes.Add(type switch
            {
                "List" => new ListShape(items),
                "Map" => new MapShape(items),
                _ => new NamedShape(type),
            });
        }

        // Policies: a string, a policy document, or a list of them (Inclusive*ItemTypes without a List type).
        if (items.Length > 0 && !shapes.Any(s => s is ListShape or MapShape))
        {
            shapes.Add(new ListShape(items));
        }

        return new PropertySpec(p.TryGetProperty("Required", out var required) && required.GetBoolean(), shapes);
    }

    private static IEnumerable<string> Strings(JsonElement p, string name) =>
        !p.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!)
        : [value.GetString()!];
}
