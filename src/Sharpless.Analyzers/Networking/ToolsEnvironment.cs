using System;
using System.Collections.Generic;

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
            foreach (var (key, pairValue) in Pairs(text))
            {
                if (string.Equals(key, name, comparison))
                {
                    value = pairValue;
                    return true;
                }
            }

            value = string.Empty;
            return false;
        }

        public static IEnumerable<(string Name, string Value)> Pairs(string text)
        {
            foreach (var pair in text.Split(';'))
            {
                var equals = pair.IndexOf('=');
                var name = equals <= 0 ? string.Empty : Unquote(pair.Substring(0, equals));
                if (name.Length > 0)
                {
                    yield return (name, Unquote(pair.Substring(equals + 1)));
                }
            }
        }

        private static string Unquote(string text) => text.Trim().Trim('"').Trim();
    }
}
