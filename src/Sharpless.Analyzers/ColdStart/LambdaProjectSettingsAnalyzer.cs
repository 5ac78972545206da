using System;
using System.Collections.Immutable;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// SLS4002 (no ReadyToRun or Native AOT) and SLS4003 (tiered compilation off) for a Lambda project: one with
    /// <c>AWSProjectType=Lambda</c> or with handlers. The settings arrive as <c>build_property.*</c> through
    /// buildTransitive/Sharpless.props; without them (the package's props not imported) nothing is known and nothing is
    /// reported. Test projects are skipped. <c>msbuild-parameters</c> in aws-lambda-tools-defaults.json count too, since
    /// <c>dotnet lambda deploy-function</c> passes them to the publish.
    /// Reported once per project without a source location, at compilation end (handlers are known only then).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LambdaProjectSettingsAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor NoPrecompilation = RuleDescriptors.AsCompilationEnd(ColdStartRules.NoPrecompilation);
        private static readonly DiagnosticDescriptor TieredCompilationDisabled = RuleDescriptors.AsCompilationEnd(ColdStartRules.TieredCompilationDisabled);

        private static readonly Regex MsBuildParameters = new Regex(
            @"""msbuild-parameters""\s*:\s*""(?<value>[^""]*)""",
            RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(200));

        private static readonly Regex PrecompilationSwitch = new Regex(
            @"[/-]p(?:roperty)?:\s*Publish(?:ReadyToRun|Aot)\s*=\s*true",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
            TimeSpan.FromMilliseconds(200));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(NoPrecompilation, TieredCompilationDisabled);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var properties = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
                if (!properties.TryGetValue("build_property.PublishReadyToRun", out var readyToRun) || IsTrue(properties, "build_property.IsTestProject"))
                {
                    return;
                }

                var aot = IsTrue(properties, "build_property.PublishAot");
                var reportPrecompilation = !aot && !IsTrue(readyToRun) && !ToolsDefaultsPrecompile(start.Options, start.CancellationToken);
                var reportTiered = !aot && properties.TryGetValue("build_property.TieredCompilation", out var tiered) &&
                                   string.Equals(tiered.Trim(), "false", StringComparison.OrdinalIgnoreCase);
                if (!reportPrecompilation && !reportTiered)
                {
                    return;
                }

                var isLambda = properties.TryGetValue("build_property.AWSProjectType", out var projectType) &&
                               string.Equals(projectType.Trim(), "Lambda", StringComparison.OrdinalIgnoreCase);
                var detector = new LambdaDetector(isLambda, HandlerIndex.Create(start.Compilation, start.Options, start.CancellationToken));
                if (!isLambda)
                {
                    start.RegisterSymbolAction(detector.OnMethod, SymbolKind.Method);
                    if (detector.Handlers.LambdaBootstrapBuilder is not null)
                    {
                        start.RegisterOperationAction(detector.OnInvocation, OperationKind.Invocation);
                    }
                }

                start.RegisterCompilationEndAction(end =>
                {
                    if (!detector.IsLambda)
                    {
                        return;
                    }

                    if (reportPrecompilation)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(NoPrecompilation, Location.None));
                    }

                    if (reportTiered)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(TieredCompilationDisabled, Location.None));
                    }
                });
            });
        }

        private static bool IsTrue(AnalyzerConfigOptions properties, string key) => properties.TryGetValue(key, out var value) && IsTrue(value);

        private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static bool ToolsDefaultsPrecompile(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (!string.Equals(SafeFileName(file.Path), "aws-lambda-tools-defaults.json", StringComparison.OrdinalIgnoreCase) ||
                    file.GetText(cancellationToken) is not { } text)
                {
                    continue;
                }

                try
                {
                    foreach (Match match in MsBuildParameters.Matches(text.ToString()))
                    {
                        if (PrecompilationSwitch.IsMatch(match.Groups["value"].Value))
                        {
                            return true;
                        }
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // An unreadable file says nothing about the publish settings.
                }
            }

            return false;
        }

        private static string SafeFileName(string? path)
        {
            try
            {
                return Path.GetFileName(path ?? string.Empty);
            }
            catch (ArgumentException)
            {
                return string.Empty;
            }
        }

        /// <summary>Becomes true the first time a handler is seen (symbol and operation actions run concurrently).</summary>
        private sealed class LambdaDetector
        {
            private int _isLambda;

            public LambdaDetector(bool isLambda, HandlerIndex handlers)
            {
                _isLambda = isLambda ? 1 : 0;
                Handlers = handlers;
            }

            public HandlerIndex Handlers { get; }

            public bool IsLambda => Volatile.Read(ref _isLambda) == 1;

            public void OnMethod(SymbolAnalysisContext context)
            {
                if (!IsLambda && Handlers.IsHandler((IMethodSymbol)context.Symbol))
                {
                    Volatile.Write(ref _isLambda, 1);
                }
            }

            public void OnInvocation(OperationAnalysisContext context)
            {
                if (!IsLambda && TypeChecks.IsCallTo(context.Operation, Handlers.LambdaBootstrapBuilder, "Create"))
                {
                    Volatile.Write(ref _isLambda, 1);
                }
            }
        }
    }
}
