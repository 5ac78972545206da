namespace Sharpless.TestKit;

/// <summary>
/// Maps the short paths tests write ("Test0.cs") to rooted ones and back. Rooted paths are needed because
/// .editorconfig sections only match files below the config's directory; short paths keep reports readable.
/// </summary>
internal static class SourcePaths
{
    public static string Root { get; } = OperatingSystem.IsWindows() ? @"Z:\src\" : "/src/";

    public static string ToRooted(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var relative = OperatingSystem.IsWindows() ? path.Replace('/', '\\') : path.Replace('\\', '/');
        return Root + relative;
    }

    public static string ToDisplay(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "<no file>";
        }

        var display = path.StartsWith(Root, StringComparison.Ordinal) ? path[Root.Length..] : path;
        return display.Replace('\\', '/');
    }
}
