using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sharpless.Common;
using Sharpless.Deployment.Templates;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// Whether a project is a Lambda project — one that is deployed as a function, so that its publish settings
    /// (SLS4002, SLS4003) matter — and where a person can click to see why. A project is one when it has
    /// <list type="bullet">
    /// <item><c>AWSProjectType=Lambda</c> (the AWS project templates set it);</item>
    /// <item>an <c>aws-lambda-tools-defaults.json</c> (the Lambda tools' deployment defaults, added by the package's targets);</item>
    /// <item>a deployment file (template, tools defaults) naming a handler in this assembly;</item>
    /// <item>a handler (<see cref="HandlerIndex"/>) that is not only weak evidence (<see cref="IsWeakEvidence"/>);</item>
    /// <item>a Lambda bootstrap (<c>LambdaBootstrapBuilder.Create</c>);</item>
    /// <item>ASP.NET Core on Lambda: a call to <c>AddAWSLambdaHosting</c> or a class deriving from an
    /// Amazon.Lambda.AspNetCoreServer function base (a minimal-API project has no handler method to point at).</item>
    /// </list>
    /// A class library that merely references Amazon.Lambda.* (helpers taking ILambdaContext, abstract base handlers,
    /// static utilities, extension methods) is not. Symbol and operation callbacks run concurrently; the evidence is
    /// collected and the location chosen at compilation end, first in source order, so the result is deterministic.
    /// </summary>
    internal sealed class LambdaProjectEvidence
    {
        private const string ToolsDefaultsFileName = "aws-lambda-tools-defaults.json";

        private readonly Compilation _compilation;
        private readonly bool _isLambdaProjectType;
        private readonly Location? _deploymentEntry;
        private readonly Location? _toolsDefaultsFile;
        private readonly ConcurrentBag<Location> _code = new();
        private readonly ConcurrentBag<Location> _weakHandlers = new();
        private int _hasCodeEvidence;

        private LambdaProjectEvidence(Compilation compilation, HandlerIndex handlers, bool isLambdaProjectType, Location? deploymentEntry, Location? toolsDefaultsFile)
        {
            _compilation = compilation;
            Handlers = handlers;
            _isLambdaProjectType = isLambdaProjectType;
            _deploymentEntry = deploymentEntry;
            _toolsDefaultsFile = toolsDefaultsFile;
        }

        public HandlerIndex Handlers { get; }

        /// <summary>True when the project-level evidence alone decides (no need to look at code for the answer).</summary>
        public bool IsKnownWithoutCode => _isLambdaProjectType || _deploymentEntry is not null || _toolsDefaultsFile is not null;

        public bool IsLambdaProject => IsKnownWithoutCode || Volatile.Read(ref _hasCodeEvidence) == 1 || Handlers.AspNetCoreHosting is not null;

        public static LambdaProjectEvidence Create(Compilation compilation, AnalyzerOptions options, bool isLambdaProjectType, CancellationToken cancellationToken)
        {
            var handlers = HandlerIndex.Create(compilation, options, cancellationToken);
            var documents = DeploymentDocuments.Read(options, cancellationToken);
            return new LambdaProjectEvidence(
                compilation,
                handlers,
                isLambdaProjectType,
                FirstDeploymentEntry(compilation, documents),
                ToolsDefaultsLocation(options, documents, cancellationToken));
        }

        public void OnMethod(SymbolAnalysisContext context)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (!Handlers.IsHandler(method) || method.Locations.FirstOrDefault(l => l.IsInSource) is not { } location)
            {
                return;
            }

            if (IsWeakEvidence(method))
            {
                _weakHandlers.Add(location);
                return;
            }

            AddCode(location);
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            if (TypeChecks.IsCallTo(context.Operation, Handlers.LambdaBootstrapBuilder, "Create"))
            {
                // The squiggle goes under "Create", not the whole bootstrap expression.
                var syntax = context.Operation.Syntax;
                AddCode(syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } ? member.Name.GetLocation() : syntax.GetLocation());
            }
        }

        private void AddCode(Location location)
        {
            _code.Add(location);
            Volatile.Write(ref _hasCodeEvidence, 1);
        }

        /// <summary>
        /// Where a project-level diagnostic goes, so a person can click it (and editors that drop location-less
        /// diagnostics, such as csharp-ls, show it): the first handler or bootstrap in source order; else the
        /// function's entry in a deployment file; else aws-lambda-tools-defaults.json; else a weak handler; else the
        /// project's first type declaration; else no location.
        /// </summary>
        public Location GetLocation(CancellationToken cancellationToken) =>
            First(Handlers.AspNetCoreHosting is { } hosting ? _code.Append(hosting) : _code) ?? _deploymentEntry ?? _toolsDefaultsFile ?? First(_weakHandlers) ?? FirstTypeDeclaration(cancellationToken) ?? Location.None;

        /// <summary>
        /// A handler that is only weak evidence of a Lambda project: found by a convention (an ILambdaContext
        /// parameter, a Lambda event type, the FunctionHandler name — not by an attribute, a handler string, a
        /// bootstrap or ASP.NET Core hosting, which say what the project deploys) and shaped like shared code rather
        /// than like something the runtime calls.
        /// </summary>
        internal bool IsWeakEvidence(IMethodSymbol method) =>
            Handlers.GetSource(method) is HandlerSource.LambdaContextParameter or HandlerSource.EventType or HandlerSource.FunctionHandlerConvention &&
            IsSharedCodeShape(method, Handlers);

        /// <summary>
        /// Shared or infrastructure code in a class library that references Amazon.Lambda.*: an extension method, a
        /// member of a static utility class, an abstract or generic type or method (an abstract base handler class; the
        /// runtime instantiates a concrete, closed type), an interface member, or a method whose parameters the
        /// runtime cannot pass: a handler takes an input and optionally an ILambdaContext as its second parameter
        /// (<c>returnType handler-name(inputType input, ILambdaContext context)</c>, AWS Lambda Developer Guide,
        /// "Define Lambda function handler in C#"), so a helper such as <c>Log(ILambdaContext context, string message)</c>
        /// is not one.
        /// </summary>
        internal static bool IsSharedCodeShape(IMethodSymbol method, HandlerIndex handlers)
        {
            var type = method.ContainingType;
            if (method.IsExtensionMethod || method.IsAbstract || method.IsGenericMethod || type is null ||
                type.IsStatic || type.IsAbstract || type.TypeKind == TypeKind.Interface || IsGeneric(type))
            {
                return true;
            }

            // Input first, context second: two parameters whose second is not the context cannot be a handler.
            var parameters = method.Parameters;
            return parameters.Length > 2 || (parameters.Length == 2 && !IsLambdaContext(parameters[1].Type, handlers));
        }

        private static bool IsLambdaContext(ITypeSymbol type, HandlerIndex handlers) =>
            handlers.LambdaContext is { } context && SymbolEqualityComparer.Default.Equals(type, context);

        private static bool IsGeneric(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.ContainingType)
            {
                if (current.IsGenericType)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The first entry of a deployment file whose handler string names a type of this assembly: a template
        /// function's <c>Handler</c> value, or the tools defaults' <c>function-handler</c>.
        /// </summary>
        private static Location? FirstDeploymentEntry(Compilation compilation, DeploymentDocuments documents)
        {
            var candidates = new List<Location>();
            foreach (var template in documents.Templates)
            {
                foreach (var function in template.Functions)
                {
                    if (NamesThisAssembly(compilation, function.Handler) && function.Properties.TryGet("Handler", out var handler))
                    {
                        candidates.Add(handler.GetLocation(template.Path));
                    }
                }
            }

            foreach (var toolsDefaults in documents.ToolsDefaults)
            {
                if (NamesThisAssembly(compilation, toolsDefaults.FunctionHandler) && toolsDefaults.GetLocation(ToolsDefaults.FunctionHandlerKey) is { } location)
                {
                    candidates.Add(location);
                }
            }

            return First(candidates);
        }

        private static bool NamesThisAssembly(Compilation compilation, string? handler) =>
            HandlerString.TryParse(handler, out var parsed) &&
            string.Equals(parsed.Assembly, compilation.AssemblyName, StringComparison.OrdinalIgnoreCase) &&
            compilation.Assembly.GetTypeByMetadataName(parsed.TypeName) is not null;

        /// <summary>
        /// aws-lambda-tools-defaults.json, the file <c>dotnet new lambda.*</c> writes next to a function project: where
        /// its <c>function-handler</c> (else its first key) is written; the file's start when it cannot be read.
        /// </summary>
        private static Location? ToolsDefaultsLocation(AnalyzerOptions options, DeploymentDocuments documents, CancellationToken cancellationToken)
        {
            var candidates = new List<Location>();
            foreach (var toolsDefaults in documents.ToolsDefaults)
            {
                var location = toolsDefaults.GetLocation(ToolsDefaults.FunctionHandlerKey);
                if (location is null && toolsDefaults.Root.Entries.Length > 0)
                {
                    var first = toolsDefaults.Root.Entries[0];
                    location = Location.Create(toolsDefaults.Path, first.KeySpan, first.KeyLineSpan);
                }

                candidates.Add(location ?? Location.Create(toolsDefaults.Path, default, default));
            }

            if (candidates.Count == 0)
            {
                foreach (var file in options.AdditionalFiles)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (IsToolsDefaults(file.Path))
                    {
                        candidates.Add(Location.Create(file.Path, default, default));
                    }
                }
            }

            return First(candidates);
        }

        private static bool IsToolsDefaults(string? path)
        {
            try
            {
                return path is not null && string.Equals(Path.GetFileName(path), ToolsDefaultsFileName, StringComparison.OrdinalIgnoreCase);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        /// <summary>The name of the first type declared in the project's first source file (ordinal path order).</summary>
        private Location? FirstTypeDeclaration(CancellationToken cancellationToken)
        {
            foreach (var tree in _compilation.SyntaxTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
            {
                var root = tree.GetRoot(cancellationToken);
                var type = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                    .OfType<BaseTypeDeclarationSyntax>()
                    .FirstOrDefault();
                if (type is not null && !IsGenerated(tree))
                {
                    return type.Identifier.GetLocation();
                }
            }

            return null;
        }

        // Generated files (by name or header) are not where a person looks; the compiler's own test is internal.
        private static bool IsGenerated(SyntaxTree tree)
        {
            var name = Path.GetFileName(tree.FilePath ?? string.Empty);
            if (name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var text = tree.GetText();
            return text.Length > 0 && text.ToString(new TextSpan(0, Math.Min(text.Length, 200))).IndexOf("<auto-generated", StringComparison.Ordinal) >= 0;
        }

        private static Location? First(IEnumerable<Location> locations) =>
            locations
                .OrderBy(l => l.GetLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(l => l.SourceSpan.Start)
                .FirstOrDefault();
    }
}
