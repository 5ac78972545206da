using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sharpless.TestKit.Tests.Components;

/// <summary>Throws on every class declaration.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "TK0002", "Never reported", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("boom from ThrowingAnalyzer"), SyntaxKind.ClassDeclaration);
    }
}

/// <summary>
/// TK0003 on each class when build_property.Foo is "bar"; TK0004 on each class when an additional file named
/// template.yaml is present (its first line goes into the message).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor PropertyRule = new(
        "TK0003", "Build property", "Foo is {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FileRule = new(
        "TK0004", "Additional file", "template says '{0}'", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [PropertyRule, FileRule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(AnalyzeClass, SyntaxKind.ClassDeclaration);
    }

    private static void AnalyzeClass(SyntaxNodeAnalysisContext context)
    {
        var identifier = ((ClassDeclarationSyntax)context.Node).Identifier.GetLocation();
        if (context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.Foo", out var foo) && foo == "bar")
        {
            context.ReportDiagnostic(Diagnostic.Create(PropertyRule, identifier, foo));
        }

        var template = context.Options.AdditionalFiles.FirstOrDefault(f => Path.GetFileName(f.Path) == "template.yaml");
        if (template?.GetText(context.CancellationToken) is { } text)
        {
            context.ReportDiagnostic(Diagnostic.Create(FileRule, identifier, text.Lines[0].ToString()));
        }
    }
}

/// <summary>TK0005 (disabled by default) on each method name.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DisabledByDefaultAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "TK0005", "Opt-in rule", "Method {0}", "Test", DiagnosticSeverity.Info, isEnabledByDefault: false);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(c => c.ReportDiagnostic(Diagnostic.Create(Rule, c.Symbol.Locations[0], c.Symbol.Name)), SymbolKind.Method);
    }
}
