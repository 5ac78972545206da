using System.Reflection;

namespace Sharpless.Common
{
    /// <summary>The version stamped into <c>[GeneratedCode("Sharpless", version)]</c>: the package version, without the commit.</summary>
    internal static class GeneratorVersion
    {
        public static readonly string Value =
            typeof(GeneratorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";
    }
}
