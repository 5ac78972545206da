using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Sharpless.DynamoDB.Tests.Oracle;

/// <summary>Structural comparison of attribute maps, as DynamoDB sees them: sets are unordered, lists and maps are not.</summary>
public static class AttributeValues
{
    /// <summary>Describes every difference (empty when equal), with the attribute path.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, AttributeValue> expected, IReadOnlyDictionary<string, AttributeValue> actual, string path = "")
    {
        var differences = new List<string>();
        foreach (var name in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var childPath = path.Length == 0 ? name : path + "." + name;
            if (!expected.TryGetValue(name, out var e))
            {
                differences.Add($"{childPath}: not expected, actual {Describe(actual[name])}");
            }
            else if (!actual.TryGetValue(name, out var a))
            {
                differences.Add($"{childPath}: missing, expected {Describe(e)}");
            }
            else
            {
                Compare(e, a, childPath, differences);
            }
        }

        return differences;
    }

    private static void Compare(AttributeValue expected, AttributeValue actual, string path, List<string> differences)
    {
        if (Kind(expected) != Kind(actual))
        {
            differences.Add($"{path}: expected {Describe(expected)}, actual {Describe(actual)}");
            return;
        }

        switch (Kind(expected))
        {
            case "M":
                differences.AddRange(Differences(expected.M, actual.M, path));
                break;
            case "L":
                if (expected.L.Count != actual.L.Count)
                {
                    differences.Add($"{path}: expected {expected.L.Count} elements, actual {actual.L.Count}");
                    break;
                }

                for (var i = 0; i < expected.L.Count; i++)
                {
                    Compare(expected.L[i], actual.L[i], $"{path}[{i}]", differences);
                }

                break;
            default:
                if (Describe(expected) != Describe(actual))
                {
                    differences.Add($"{path}: expected {Describe(expected)}, actual {Describe(actual)}");
                }

                break;
        }
    }

    public static string Kind(AttributeValue value) =>
        value.S is not null ? "S"
        : value.N is not null ? "N"
        : value.B is not null ? "B"
        : value.BOOL is not null ? "BOOL"
        : value.NULL is not null ? "NULL"
        : value.SS is not null ? "SS"
        : value.NS is not null ? "NS"
        : value.BS is not null ? "BS"
        : value.L is not null ? "L"
        : value.M is not null ? "M"
        : "EMPTY";

    /// <summary>A canonical text form; sets are sorted so that order does not matter.</summary>
    public static string Describe(AttributeValue value)
    {
        switch (Kind(value))
        {
            case "S": return $"S \"{value.S}\"";
            case "N": return $"N {value.N}";
            case "B": return "B " + Convert.ToBase64String(value.B.ToArray());
            case "BOOL": return "BOOL " + value.BOOL;
            case "NULL": return "NULL " + value.NULL;
            case "SS": return "SS [" + string.Join(", ", value.SS.Order(StringComparer.Ordinal).Select(s => $"\"{s}\"")) + "]";
            case "NS": return "NS [" + string.Join(", ", value.NS.Order(StringComparer.Ordinal)) + "]";
            case "BS": return "BS [" + string.Join(", ", value.BS.Select(b => Convert.ToBase64String(b.ToArray())).Order(StringComparer.Ordinal)) + "]";
            case "L":
                return "L [" + string.Join(", ", value.L.Select(Describe)) + "]";
            case "M":
                var builder = new StringBuilder("M {");
                foreach (var entry in value.M.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    builder.Append(CultureInfo.InvariantCulture, $"{entry.Key}: {Describe(entry.Value)}, ");
                }

                return builder.Append('}').ToString();
            default:
                return "(empty AttributeValue)";
        }
    }
}
