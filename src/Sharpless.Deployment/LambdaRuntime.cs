using System;

namespace Sharpless.Deployment
{
    /// <summary>
    /// The Lambda runtime identifier for a project: the managed .NET runtimes Lambda offers (<c>dotnet8</c>,
    /// <c>dotnet10</c>) for the matching target framework, and the OS-only runtime <c>provided.al2023</c> for Native AOT,
    /// whose executable brings its own .NET. Other target frameworks have no managed runtime; the project names one.
    /// </summary>
    internal static class LambdaRuntime
    {
        public static string? For(string? targetFramework, bool publishAot, string? configured)
        {
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured!.Trim();
            }

            if (publishAot)
            {
                return "provided.al2023";
            }

            switch ((targetFramework ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "net8.0":
                    return "dotnet8";
                case "net10.0":
                    return "dotnet10";
                default:
                    return null;
            }
        }

        public static string UnknownMessage(string? targetFramework) =>
            $"Lambda has no managed runtime for target framework '{targetFramework}'; Runtime was not written. Target net8.0 or net10.0, publish with Native AOT, or set <SharplessLambdaRuntime> (for example provided.al2023 for a self-contained build).";

        public static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
