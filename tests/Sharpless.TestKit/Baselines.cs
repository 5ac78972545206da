using System.Reflection;

namespace Sharpless.TestKit;

/// <summary>
/// Generated text compared to checked-in files under &lt;test project&gt;/Baselines. Setting
/// SHARPLESS_UPDATE_BASELINES=1 rewrites them instead, so a deliberate change to generated code is reviewed as a
/// diff of the baseline files.
/// </summary>
public static class Baselines
{
    public const string UpdateEnvironmentVariable = "SHARPLESS_UPDATE_BASELINES";

    public const string DirectoryName = "Baselines";

    public static bool UpdateRequested =>
        Environment.GetEnvironmentVariable(UpdateEnvironmentVariable) is "1" or "true" or "True";

    /// <summary>&lt;project dir of <paramref name="testAssembly"/>&gt;/Baselines; any loaded test assembly when null.</summary>
    public static string GetDirectory(Assembly? testAssembly = null) =>
        Path.Combine(TestAssemblyMetadata.ProjectDirectory(testAssembly), DirectoryName);

    /// <summary>Compares <paramref name="actual"/> to the file at <paramref name="baselinePath"/> (or writes it, see type remarks).</summary>
    public static void Verify(string actual, string baselinePath) => Verify(actual, baselinePath, UpdateRequested);

    internal static void Verify(string actual, string baselinePath, bool update)
    {
        var normalized = TextDiff.Normalize(actual);
        if (update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(baselinePath))!);
            File.WriteAllText(baselinePath, normalized);
            return;
        }

        if (!File.Exists(baselinePath))
        {
            throw new VerificationException(
                $"Baseline file '{baselinePath}' does not exist. To create it from the current output, run the tests with " +
                $"{UpdateEnvironmentVariable}=1 (e.g. `{UpdateEnvironmentVariable}=1 dotnet test`), then review and commit the file.");
        }

        var expected = TextDiff.Normalize(File.ReadAllText(baselinePath));
        if (expected != normalized)
        {
            throw new VerificationException(
                $"Generated text differs from baseline '{baselinePath}':\n\n{TextDiff.Render(expected, normalized)}\n" +
                $"If the change is intended, run the tests with {UpdateEnvironmentVariable}=1 to rewrite the baseline and review the diff.");
        }
    }
}
