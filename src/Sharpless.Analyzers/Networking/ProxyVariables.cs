using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using Sharpless.Common;
using Sharpless.Deployment.Templates;

namespace Sharpless.Networking
{
    /// <summary>
    /// The environment variables that some function of the project sets to an RDS Proxy endpoint, and the words a
    /// source file must contain to read one: the name itself (<c>DB_HOST</c>), its configuration key (<c>Db__Host</c>
    /// is read as <c>Db:Host</c>) and a connection string's name (<c>ConnectionStrings__Orders</c> as
    /// <c>GetConnectionString("Orders")</c>), or the name of a way to read one (<c>GetEnvironmentVariable</c>,
    /// <c>GetConnectionString</c>, <c>GetValue</c>, <c>…Configuration</c>), since the name may be a constant written in
    /// another file. A file with none of them reads none of the variables.
    /// </summary>
    internal sealed class ProxyVariables
    {
        private const string ConnectionStringsPrefix = "ConnectionStrings__";

        // ".GetValue" and not "GetValue": TryGetValue is in every other file.
        private static readonly string[] ReadingWords = { "GetEnvironmentVariable", "GetConnectionString", ".GetValue", "onfiguration" };

        private readonly ImmutableArray<string> _words;

        private ProxyVariables(ImmutableArray<string> words)
        {
            _words = words;
        }

        public static ProxyVariables Read(DeploymentDocuments documents)
        {
            var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var template in documents.Templates)
            {
                foreach (var function in template.Functions)
                {
                    foreach (var variable in function.EnvironmentVariables)
                    {
                        if (ProxyEndpointValue.Read(template, variable.Value) is not null)
                        {
                            AddWords(variable.Key, words);
                        }
                    }
                }
            }

            foreach (var tools in documents.ToolsDefaults)
            {
                if (tools.Root.Get(ToolsEnvironment.Key) is TemplateScalar { IsNull: false } environment)
                {
                    foreach (var (name, value) in ToolsEnvironment.Pairs(environment.Value))
                    {
                        if (RdsHostName.Find(value) is { IsProxy: true })
                        {
                            AddWords(name, words);
                        }
                    }
                }
            }

            return new ProxyVariables(words.ToImmutableArray());
        }

        public bool MayBeReadIn(SourceText text)
        {
            if (_words.IsEmpty)
            {
                return false;
            }

            foreach (var word in ReadingWords)
            {
                if (TextSearch.Contains(text, word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var word in _words)
            {
                if (TextSearch.Contains(text, word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AddWords(string name, HashSet<string> words)
        {
            if (name.Length == 0)
            {
                return;
            }

            words.Add(name);
            if (name.IndexOf("__", StringComparison.Ordinal) >= 0)
            {
                words.Add(name.Replace("__", ":"));
            }

            if (name.StartsWith(ConnectionStringsPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > ConnectionStringsPrefix.Length)
            {
                words.Add(name.Substring(ConnectionStringsPrefix.Length));
            }
        }
    }
}
