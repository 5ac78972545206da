using System.Collections.Immutable;
using System.Reflection;

namespace Sharpless.TestKit;

/// <summary>
/// The compile-time stand-ins for Amazon.Lambda.* (embedded as "StandIns/&lt;file&gt;.cs"). They are source, not a
/// prebuilt assembly, so the types land in the test compilation exactly where the real packages would put them.
/// </summary>
internal static class StandInSources
{
    private const string Prefix = "StandIns/";

    private static readonly Lazy<ImmutableArray<(string Path, string Text)>> All = new(Load);

    public static ImmutableArray<(string Path, string Text)> Sources => All.Value;

    private static ImmutableArray<(string Path, string Text)> Load()
    {
        var assembly = typeof(StandInSources).Assembly;
        var builder = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded stand-in '{name}' could not be opened.");
            using var reader = new StreamReader(stream);
            builder.Add((name, reader.ReadToEnd()));
        }

        if (builder.Count == 0)
        {
            throw new InvalidOperationException("Sharpless.TestKit carries no embedded StandIns/*.cs resources; check its project file.");
        }

        return builder.ToImmutable();
    }
}
