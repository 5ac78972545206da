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
    private const string ThirdPartyPrefix = "StandIns/ThirdParty/";
    private const string AspNetCorePrefix = "StandIns/AspNetCore/";

    private static readonly Lazy<ImmutableArray<(string Path, string Text)>> All = new(Load);

    /// <summary>The Amazon.Lambda.* stand-ins that need nothing beyond the base framework.</summary>
    public static ImmutableArray<(string Path, string Text)> Sources =>
        All.Value.Where(s => !s.Path.StartsWith(ThirdPartyPrefix, StringComparison.Ordinal) && !s.Path.StartsWith(AspNetCorePrefix, StringComparison.Ordinal)).ToImmutableArray();

    /// <summary>Stand-ins for Amazon.Lambda.AspNetCoreServer(.Hosting); they compile only against ASP.NET Core.</summary>
    public static ImmutableArray<(string Path, string Text)> AspNetCoreSources =>
        All.Value.Where(s => s.Path.StartsWith(AspNetCorePrefix, StringComparison.Ordinal)).ToImmutableArray();

    /// <summary>Stand-ins for third-party database client packages the feed lacks (StandIns/ThirdParty/README.md).</summary>
    public static ImmutableArray<(string Path, string Text)> ThirdPartySources =>
        All.Value.Where(s => s.Path.StartsWith(ThirdPartyPrefix, StringComparison.Ordinal)).ToImmutableArray();

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
