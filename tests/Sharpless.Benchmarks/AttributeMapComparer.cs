using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Sharpless.Benchmarks;

/// <summary>
/// Structural comparison of attribute maps as DynamoDB sees them: maps by key, lists in order, sets (SS, NS, BS)
/// without regard to order. Returns the differences with their attribute paths (empty when equal).
/// </summary>
public static class AttributeMapComparer
{
    public static List<string> Differences(IReadOnlyDictionary<string, AttributeValue> expected, IReadOnlyDictionary<string, AttributeValue> actual, string path = "")
    {
        var differences = new List<string>();
        CompareMaps(expected, actual, path, differences);
        return differences;
    }

    private static void CompareMaps(IReadOnlyDictionary<string, AttributeValue> expected, IReadOnlyDictionary<string, AttributeValue> actual, string path, List<string> differences)
    {
        foreach (var entry in expected)
        {
            var childPath = path.Length == 0 ? entry.Key : path + "." + entry.Key;
            if (actual.TryGetValue(entry.Key, out var other))
            {
                Compare(entry.Value, other, childPath, differences);
            }
            else
            {
                differences.Add($"{childPath}: missing, expected {Kind(entry.Value)}");
            }
        }

        foreach (var entry in actual)
        {
            if (!expected.ContainsKey(entry.Key))
            {
                differences.Add($"{(path.Length == 0 ? entry.Key : path + "." + entry.Key)}: not expected ({Kind(entry.Value)})");
            }
        }
    }

    private static void Compare(AttributeValue expected, AttributeValue actual, string path, List<string> differences)
    {
        var kind = Kind(expected);
        if (kind != Kind(actual))
        {
            differences.Add($"{path}: expected {kind}, actual {Kind(actual)}");
            return;
        }

        switch (kind)
        {
            case "S":
                Same(expected.S, actual.S, path, differences);
                break;
            case "N":
                Same(expected.N, actual.N, path, differences);
                break;
            case "B":
                Same(Convert.ToBase64String(expected.B.ToArray()), Convert.ToBase64String(actual.B.ToArray()), path, differences);
                break;
            case "BOOL":
                Same(expected.BOOL.ToString(), actual.BOOL.ToString(), path, differences);
                break;
            case "NULL":
                Same(expected.NULL.ToString(), actual.NULL.ToString(), path, differences);
                break;
            case "SS":
                SameSet(expected.SS, actual.SS, path, differences);
                break;
            case "NS":
                SameSet(expected.NS, actual.NS, path, differences);
                break;
            case "BS":
                SameSet(expected.BS.ConvertAll(b => Convert.ToBase64String(b.ToArray())), actual.BS.ConvertAll(b => Convert.ToBase64String(b.ToArray())), path, differences);
                break;
            case "L":
                if (expected.L.Count != actual.L.Count)
                {
                    differences.Add($"{path}: expected {expected.L.Count} elements, actual {actual.L.Count}");
                    break;
                }

                for (var i = 0; i < expected.L.Count; i++)
                {
                    Compare(expected.L[i], actual.L[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", differences);
                }

                break;
            case "M":
                CompareMaps(expected.M, actual.M, path, differences);
                break;
        }
    }

    private static void Same(string? expected, string? actual, string path, List<string> differences)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            differences.Add($"{path}: expected \"{expected}\", actual \"{actual}\"");
        }
    }

    private static void SameSet(List<string> expected, List<string> actual, string path, List<string> differences)
    {
        var e = expected.ToArray();
        var a = actual.ToArray();
        Array.Sort(e, StringComparer.Ordinal);
        Array.Sort(a, StringComparer.Ordinal);
        Same(string.Join("\u001f", e), string.Join("\u001f", a), path, differences);
    }

    private static string Kind(AttributeValue value) =>
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
}
