using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Common;

namespace Sharpless.Deployment
{
    /// <summary>
    /// Reads the deployment files a Lambda project carries (added as AdditionalFiles by buildTransitive/Sharpless.targets)
    /// for the handler strings they name: templates and aws-lambda-tools-defaults.json by name, and the deployment code
    /// of the solution (CDK, Pulumi, Terraform, Serverless Framework; <see cref="DeploymentCode.DeploymentCodeFiles"/>). The files may be YAML, JSON, half-edited or not text at all: reading is
    /// lexical, never throws and ignores what it does not recognise.
    /// </summary>
    internal static class DeploymentFiles
    {
        private static readonly string[] FileNames =
        {
            "aws-lambda-tools-defaults.json",
            "template.yaml",
            "template.yml",
            "template.json",
            "serverless.template",
        };

        // `Handler: X` (SAM/CloudFormation YAML), `"Handler": "X"` (JSON templates) and `"function-handler": "X"`
        // (aws-lambda-tools-defaults.json). The look-behind keeps keys such as `FunctionHandler:` out.
        private static readonly Regex HandlerProperty = new Regex(
            @"(?<![A-Za-z0-9_\-])[""']?(?:function-handler|Handler)[""']?[ \t]*:[ \t\r\n]*[""']?(?<value>[^\s""',}\]#]+)",
            RegexOptions.CultureInvariant | RegexOptions.Compiled,
            TimeSpan.FromSeconds(1));

        public static bool IsDeploymentFile(string path)
        {
            var name = Path.GetFileName(path);
            foreach (var candidate in FileNames)
            {
                if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        public static IReadOnlyList<HandlerString> ReadHandlerStrings(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var result = new List<HandlerString>();
            foreach (var file in options.AdditionalFiles)
            {
                if (!IsSafeDeploymentFile(file))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text is null)
                {
                    continue;
                }

                result.AddRange(ParseHandlerStrings(text.ToString()));
            }

            // CDK, Pulumi, Terraform and Serverless Framework files beside the project (Deployment/Code).
            result.AddRange(Code.DeploymentCodeFiles.ReadHandlerStrings(options.AdditionalFiles, cancellationToken));
            return result;
        }

        public static IEnumerable<HandlerString> ParseHandlerStrings(string content)
        {
            MatchCollection matches;
            try
            {
                matches = HandlerProperty.Matches(content);
                // Matches is lazy; force evaluation here so a timeout surfaces inside the try.
                _ = matches.Count;
            }
            catch (RegexMatchTimeoutException)
            {
                yield break;
            }

            foreach (Match match in matches)
            {
                if (HandlerString.TryParse(match.Groups["value"].Value, out var handler))
                {
                    yield return handler;
                }
            }
        }

        private static bool IsSafeDeploymentFile(AdditionalText file)
        {
            try
            {
                return file.Path is not null && IsDeploymentFile(file.Path);
            }
            catch (ArgumentException)
            {
                // Path.GetFileName rejects characters some hosts allow in paths.
                return false;
            }
        }
    }
}
