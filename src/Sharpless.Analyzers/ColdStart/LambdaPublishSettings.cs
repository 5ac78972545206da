using System;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Deployment.Templates;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// How the project will be published, as far as the analyzers can see: the MSBuild properties that
    /// buildTransitive/Sharpless.props makes visible (<c>build_property.*</c>), plus the <c>msbuild-parameters</c> in
    /// aws-lambda-tools-defaults.json (read by the shared template reader), which <c>dotnet lambda deploy-function</c>
    /// passes to the publish.
    /// </summary>
    internal sealed class LambdaPublishSettings
    {
        private static readonly Regex TrueSwitch = new Regex(
            @"[/-]p(?:roperty)?:\s*(?<name>PublishReadyToRun|PublishAot)\s*=\s*true",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
            TimeSpan.FromMilliseconds(200));

        private LambdaPublishSettings(bool isKnown, bool readyToRun, bool aot, bool tieredCompilationDisabled, bool isLambdaProject, bool isTestProject)
        {
            IsKnown = isKnown;
            ReadyToRun = readyToRun;
            Aot = aot;
            TieredCompilationDisabled = tieredCompilationDisabled;
            IsLambdaProjectType = isLambdaProject;
            IsTestProject = isTestProject;
        }

        /// <summary>False when the package's props were not imported: no property is visible, so nothing is known.</summary>
        public bool IsKnown { get; }

        public bool ReadyToRun { get; }

        public bool Aot { get; }

        public bool TieredCompilationDisabled { get; }

        /// <summary><c>AWSProjectType</c> is <c>Lambda</c> (set by the AWS project templates).</summary>
        public bool IsLambdaProjectType { get; }

        public bool IsTestProject { get; }

        public static LambdaPublishSettings Read(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var properties = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var isKnown = properties.TryGetValue("build_property.PublishReadyToRun", out var readyToRun);
            var (toolsReadyToRun, toolsAot) = ReadToolsDefaults(options, cancellationToken);
            return new LambdaPublishSettings(
                isKnown,
                IsTrue(readyToRun) || toolsReadyToRun,
                IsTrue(Get(properties, "build_property.PublishAot")) || toolsAot,
                string.Equals(Get(properties, "build_property.TieredCompilation")?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
                string.Equals(Get(properties, "build_property.AWSProjectType")?.Trim(), "Lambda", StringComparison.OrdinalIgnoreCase),
                IsTrue(Get(properties, "build_property.IsTestProject")));
        }

        private static string? Get(AnalyzerConfigOptions properties, string key) => properties.TryGetValue(key, out var value) ? value : null;

        private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static (bool ReadyToRun, bool Aot) ReadToolsDefaults(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var readyToRun = false;
            var aot = false;
            foreach (var toolsDefaults in DeploymentDocuments.Read(options, cancellationToken).ToolsDefaults)
            {
                if (toolsDefaults.MsbuildParameters is not { } parameters)
                {
                    continue;
                }

                try
                {
                    foreach (Match property in TrueSwitch.Matches(parameters))
                    {
                        if (string.Equals(property.Groups["name"].Value, "PublishAot", StringComparison.OrdinalIgnoreCase))
                        {
                            aot = true;
                        }
                        else
                        {
                            readyToRun = true;
                        }
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // Parameters too odd to read say nothing about the publish settings.
                }
            }

            return (readyToRun, aot);
        }
    }
}
