using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sharpless.DynamoDB
{
    /// <summary>
    /// Reports what the item mapper generator finds in <c>[DynamoDBTable]</c> models (SLS3001, SLS3002), using the same
    /// <see cref="ItemModelReader"/>, so the generator and the diagnostics can never disagree about a model.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ItemModelAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DynamoDBRules.MemberCannotBeMapped, DynamoDBRules.ListStoredAsSet, DynamoDBRules.SaveBehaviourNotApplied);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                if (!ItemModelReader.IsAvailable(start.Compilation) ||
                    start.Compilation.GetTypeByMetadataName(DynamoDBTypeNames.Table) is not { } tableAttribute)
                {
                    return;
                }

                // A nested type reached from several tables is read once per table; report each finding once.
                var reported = new ConcurrentDictionary<(ISymbol, string), bool>();
                var projectConversion = ItemModelReader.ParseProjectConversion(
                    start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ItemModelReader.ConversionProperty, out var value) ? value : null);
                start.RegisterSymbolAction(
                    context => AnalyzeType(context, tableAttribute, projectConversion, reported),
                    SymbolKind.NamedType);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol tableAttribute, ConversionSchema projectConversion, ConcurrentDictionary<(ISymbol, string), bool> reported)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, tableAttribute)))
            {
                return;
            }

            var reader = new ItemModelReader(context.Compilation, projectConversion);
            reader.Read(type, context.CancellationToken);
            foreach (var problem in reader.Problems)
            {
                if (!reported.TryAdd((problem.Symbol, problem.Reason), true))
                {
                    continue;
                }

                var location = problem.Symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? type.Locations.FirstOrDefault();
                var name = problem.Symbol is INamedTypeSymbol ? problem.Symbol.Name : problem.Symbol.ContainingType?.Name + "." + problem.Symbol.Name;
                var descriptor = problem.Kind switch
                {
                    ItemModelProblemKind.ListStoredAsSet => DynamoDBRules.ListStoredAsSet,
                    ItemModelProblemKind.SaveBehaviour => DynamoDBRules.SaveBehaviourNotApplied,
                    _ => DynamoDBRules.MemberCannotBeMapped,
                };
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, name, problem.TypeDisplay, problem.Reason));
            }
        }
    }
}
