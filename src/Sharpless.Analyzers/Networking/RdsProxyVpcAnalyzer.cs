using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;
using Sharpless.Deployment.Templates;

namespace Sharpless.Networking
{
    /// <summary>
    /// SLS6001–SLS6003: code that talks to an RDS Proxy, deployed as a function that cannot reach it. Where the code
    /// names the proxy: a string literal or constant holding a proxy host (connection strings, the host given to
    /// <c>RDSAuthTokenGenerator</c>), an environment variable or configuration key read in code whose value in the
    /// function's template is a proxy endpoint, or a proxy host in an <c>appsettings*.json</c> AdditionalFile. Which
    /// functions run it and how they are attached to a VPC: <see cref="DeployedFunctions"/>. Reported live, at the
    /// code, with the function's declaration (and the template value) as additional locations.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RdsProxyVpcAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            NetworkingRules.ProxyWithoutVpc,
            NetworkingRules.IncompleteVpcConfig,
            NetworkingRules.ProxySubnetsNotShared);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var documents = DeploymentDocuments.Read(start.Options, start.CancellationToken);
                var compilation = start.Compilation;
                if (documents.Templates.IsEmpty && documents.ToolsDefaults.IsEmpty &&
                    compilation.GetTypeByMetadataName(KnownTypeNames.SharplessLambdaFunctionAttribute) is null)
                {
                    // Nothing here says how the code is deployed.
                    return;
                }

                var session = new Session(compilation, documents);
                start.RegisterSemanticModelAction(session.AnalyzeDocument);
                start.RegisterAdditionalFileAction(session.AnalyzeSettingsFile);
            });
        }

        private sealed class Session
        {
            private readonly Compilation _compilation;
            private readonly DeploymentDocuments _documents;
            private readonly EnvironmentReads _reads;
            private readonly ProxyVariables _variables;
            private readonly object _functionsLock = new object();
            private DeployedFunctions? _functions;

            public Session(Compilation compilation, DeploymentDocuments documents)
            {
                _compilation = compilation;
                _documents = documents;
                _reads = new EnvironmentReads(compilation);
                _variables = ProxyVariables.Read(documents);
            }

            /// <summary>
            /// One document. Almost no file names an RDS host or a proxy-valued variable, so the text is searched first
            /// and only a file that does is walked and bound; an operation callback on every literal, invocation and
            /// property reference of a project cost more than all the rest of this rule.
            /// </summary>
            public void AnalyzeDocument(SemanticModelAnalysisContext context)
            {
                var model = context.SemanticModel;
                var cancellationToken = context.CancellationToken;
                var text = model.SyntaxTree.GetText(cancellationToken);
                var hasHost = TextSearch.Contains(text, RdsHostName.DomainSuffix, StringComparison.OrdinalIgnoreCase);
                var hasVariable = _variables.MayBeReadIn(text);
                if (!hasHost && !hasVariable)
                {
                    return;
                }

                var reported = new HashSet<IOperation>();
                foreach (var node in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        // Bind only what can matter: a literal holding (part of) an RDS domain — the rest of a folded
                        // constant is found from it —, a call by a reading method's name, an indexer.
                        case LiteralExpressionSyntax literal when hasHost && literal.IsKind(SyntaxKind.StringLiteralExpression) && MayHoldHost(literal.Token.ValueText):
                            AnalyzeText(model.GetOperation(literal, cancellationToken), model, reported, context.ReportDiagnostic, cancellationToken);
                            break;
                        case InterpolatedStringTextSyntax part when hasHost && MayHoldHost(part.TextToken.ValueText):
                            AnalyzeText((model.GetOperation(part, cancellationToken) as IInterpolatedStringTextOperation)?.Text, model, reported, context.ReportDiagnostic, cancellationToken);
                            break;
                        case InvocationExpressionSyntax invocation when hasVariable && EnvironmentReads.IsReadingMethodName(CalledName(invocation)):
                        case ElementAccessExpressionSyntax when hasVariable:
                            AnalyzeRead(model.GetOperation(node, cancellationToken), model, context.ReportDiagnostic, cancellationToken);
                            break;
                    }
                }
            }

            private void AnalyzeText(IOperation? literal, SemanticModel model, HashSet<IOperation> reported, Action<Diagnostic> report, CancellationToken cancellationToken)
            {
                if (literal is null)
                {
                    return;
                }

                // `"orders.proxy-…" + ".rds.amazonaws.com"` folds into one constant: judge (and report) the whole.
                var operation = OutermostConstant(literal);
                if (operation.ConstantValue is not { HasValue: true, Value: string text } ||
                    RdsHostName.Find(text) is not { IsProxy: true } host ||
                    !reported.Add(operation) ||
                    IsOnlyLogged(operation) ||
                    Member(model, operation.Syntax) is not { } member)
                {
                    return;
                }

                var owners = Functions(cancellationToken).OwnersOf(member, out var eachRunsIt);
                ProxyVpcReporter.Report("'" + host.Host + "'", operation.Syntax.GetLocation(), HostUses(owners, host), eachRunsIt, report);
            }

            private void AnalyzeRead(IOperation? operation, SemanticModel model, Action<Diagnostic> report, CancellationToken cancellationToken)
            {
                if (operation is null || _reads.Read(operation) is not { } read || Member(model, operation.Syntax) is not { } member)
                {
                    return;
                }

                var owners = Functions(cancellationToken).OwnersOf(member, out var eachRunsIt);
                var uses = new List<ProxyUse>();
                string? display = null;
                foreach (var function in owners)
                {
                    if (function.ProxyInEnvironment(read.VariableName, read.IgnoreCase) is not { } found)
                    {
                        continue;
                    }

                    display ??= found.Value.Display;
                    var proxyTemplate = found.Value.Proxy is null ? null : found.Template;
                    uses.Add(new ProxyUse(function, proxyTemplate, found.Value.Proxy, found.Value.Node.GetLocation(found.Path)));
                }

                if (uses.Count > 0)
                {
                    ProxyVpcReporter.Report(read.Describe(display!), operation.Syntax.GetLocation(), uses, eachRunsIt, report);
                }
            }

            // A piece of a folded constant may hold only the end of the host name.
            private static bool MayHoldHost(string text) => text.IndexOf("amazonaws.com", StringComparison.OrdinalIgnoreCase) >= 0;

            private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax name => name.Identifier.ValueText,
                _ => null,
            };

            /// <summary>The member whose body or initializer holds the node (lambdas and local functions belong to it).</summary>
            private static ISymbol? Member(SemanticModel model, SyntaxNode node)
            {
                var symbol = model.GetEnclosingSymbol(node.SpanStart);
                while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                {
                    symbol = symbol.ContainingSymbol;
                }

                return symbol;
            }

            /// <summary>appsettings*.json: configuration of the whole project, so every function may read it.</summary>
            public void AnalyzeSettingsFile(AdditionalFileAnalysisContext context)
            {
                var path = context.AdditionalFile.Path;
                if (!IsSettingsFile(path) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
                {
                    return;
                }

                var parsed = LenientJsonParser.Parse(text, context.CancellationToken);
                if (parsed.Root is null)
                {
                    return;
                }

                var functions = Functions(context.CancellationToken);
                foreach (var scalar in Scalars(parsed.Root))
                {
                    if (RdsHostName.Find(scalar.Value) is not { IsProxy: true } host)
                    {
                        continue;
                    }

                    var subject = "'" + host.Host + "' in " + Path.GetFileName(path);
                    ProxyVpcReporter.Report(subject, scalar.GetLocation(path), HostUses(functions.All, host), eachRunsIt: functions.All.Length == 1, context.ReportDiagnostic);
                }
            }

            /// <summary>A host written in code or settings is the same proxy for every function that runs it.</summary>
            private List<ProxyUse> HostUses(ImmutableArray<DeployedFunction> functions, RdsHostName host)
            {
                var (template, proxy) = ProxyResources.Find(_documents.Templates, host);
                var uses = new List<ProxyUse>(functions.Length);
                foreach (var function in functions)
                {
                    uses.Add(new ProxyUse(function, template, proxy, null));
                }

                return uses;
            }

            private DeployedFunctions Functions(CancellationToken cancellationToken)
            {
                // Read on the first proxy found (most compilations have none), once: documents are analyzed in parallel.
                // A cancelled read throws out of the lock and leaves nothing behind for the next caller.
                var functions = Volatile.Read(ref _functions);
                if (functions is not null)
                {
                    return functions;
                }

                lock (_functionsLock)
                {
                    functions = _functions ?? DeployedFunctions.Read(_compilation, _documents, cancellationToken);
                    Volatile.Write(ref _functions, functions);
                    return functions;
                }
            }

            private static IOperation OutermostConstant(IOperation operation)
            {
                for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IBinaryOperation { ConstantValue: { HasValue: true, Value: string } })
                    {
                        operation = parent;
                    }
                    else if (parent is not (IConversionOperation or IParenthesizedOperation))
                    {
                        break;
                    }
                }

                return operation;
            }

            /// <summary>A host that only appears in a log line or console output is not a connection to it.</summary>
            private static bool IsOnlyLogged(IOperation operation)
            {
                for (var current = operation.Parent; current is not null; current = current.Parent)
                {
                    switch (current)
                    {
                        case IInvocationOperation invocation:
                            return LogText.IsLogCall(invocation.TargetMethod);
                        case IInterpolatedStringOperation or IInterpolatedStringContentOperation or IBinaryOperation or
                            IConversionOperation or IArgumentOperation or IParenthesizedOperation or IArrayInitializerOperation or IArrayCreationOperation:
                            continue;
                        default:
                            return false;
                    }
                }

                return false;
            }

            private static bool IsSettingsFile(string? path)
            {
                try
                {
                    var name = path is null ? null : Path.GetFileName(path);
                    return name is not null &&
                        name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) &&
                        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }

            private static IEnumerable<TemplateScalar> Scalars(TemplateNode root)
            {
                var stack = new Stack<TemplateNode>();
                stack.Push(root);
                while (stack.Count > 0)
                {
                    switch (stack.Pop())
                    {
                        case TemplateScalar scalar:
                            yield return scalar;
                            break;
                        case TemplateMapping mapping:
                            for (var i = mapping.Entries.Length - 1; i >= 0; i--)
                            {
                                stack.Push(mapping.Entries[i].Value);
                            }

                            break;
                        case TemplateSequence sequence:
                            for (var i = sequence.Items.Length - 1; i >= 0; i--)
                            {
                                stack.Push(sequence.Items[i]);
                            }

                            break;
                    }
                }
            }
        }
    }
}
