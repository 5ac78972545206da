using System;

namespace Sharpless.Networking
{
    /// <summary>
    /// <c>environment-variables</c> of aws-lambda-tools-defaults.json, as the Amazon.Lambda.Tools CLI writes it:
    /// <c>"\"KEY\"=\"value\";\"OTHER\"=\"value\""</c> (quotes optional).
    /// </summary>
    internal static class ToolsEnvironment
    {
        public const string Key = "environment-variables";

        public static bool TryGet(string text, string name, StringComparison comparison, out string value)
        {
            foreach (var pair in text.Split(';'))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                if (string.Equals(Unquote(pair.Substring(0, equals)), name, comparison))
                {
                    value = Unquote(pair.Substring(equals + 1));
                    return true;
                }
            }

            value = string.Empty;
            return false;
        }

        private static string Unquote(string text) => text.Trim().Trim('"').Trim();
    }
}
