using System;
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
            ImmutableArray.Create(
                DynamoDBRules.MemberCannotBeMapped,
                DynamoDBRules.ListStoredAsSet,
                DynamoDBRules.SaveBehaviourNotApplied,
                DynamoDBRules.ItemCanExceedLimit,
                DynamoDBRules.UnboundedMember,
                DynamoDBRules.RecursiveModel,
                DynamoDBRules.KeyTooLarge,
                DynamoDBRules.NestingTooDeep);

        internal const string AsciiStringsProperty = "build_property.SharplessDynamoDBAsciiStrings";

        /// <summary>MSBuild <c>SharplessItemSizeStrict</c>: report every unbounded member (SLS3005), not only what grows.</summary>
        internal const string StrictProperty = "build_property.SharplessItemSizeStrict";

        /// <summary>The same switch in .editorconfig (a <c>[*.cs]</c> section or a global config).</summary>
        internal const string StrictEditorConfigKey = "sharpless.item_size.strict";

        /// <summary>Diagnostic property naming the bound SLS3005's code fix adds (see <see cref="MissingBounds"/>).</summary>
        internal const string MissingBoundProperty = "MissingBound";

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
                var asciiStrings = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(AsciiStringsProperty, out var ascii) &&
                                   string.Equals(ascii.Trim(), "true", StringComparison.OrdinalIgnoreCase);
                start.RegisterSymbolAction(
                    context => AnalyzeType(context, tableAttribute, projectConversion, asciiStrings, reported),
                    SymbolKind.NamedType);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol tableAttribute, ConversionSchema projectConversion, bool asciiStrings, ConcurrentDictionary<(ISymbol, string), bool> reported)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, tableAttribute)))
            {
                return;
            }

            // A table name that does not bind yet ([DynamoDBTable(Tables.Orders)] before Tables is written) does not
            // change the model's size or keys; the generator skips such a model, the analyzer does not.
            var reader = new ItemModelReader(context.Compilation, projectConversion) { ReadsUnresolvedTableName = true };
            var model = reader.Read(type, context.CancellationToken);
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

            if (model is not null)
            {
                var estimate = new ItemSizeCalculator(model, asciiStrings, keysBoundedByService: true).Compute();
                ReportSize(context, type, reader, estimate, IsStrict(context, type), reported);
            }
        }

        /// <summary>
        /// Strict mode (SLS3005 for every unbounded member, as before issue #22): <c>sharpless.item_size.strict = true</c>
        /// in the .editorconfig that applies to the model's file or in a global config, or the MSBuild property
        /// <c>SharplessItemSizeStrict</c>.
        /// </summary>
        private static bool IsStrict(SymbolAnalysisContext context, INamedTypeSymbol type)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            if (type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree is { } tree &&
                provider.GetOptions(tree).TryGetValue(StrictEditorConfigKey, out var fileValue))
            {
                return IsTrue(fileValue);
            }

            return (provider.GlobalOptions.TryGetValue(StrictEditorConfigKey, out var globalValue) && IsTrue(globalValue)) ||
                   (provider.GlobalOptions.TryGetValue(StrictProperty, out var property) && IsTrue(property));
        }

        private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static void ReportSize(SymbolAnalysisContext context, INamedTypeSymbol table, ItemModelReader reader, ItemSizeEstimate estimate, bool strict, ConcurrentDictionary<(ISymbol, string), bool> reported)
        {
            if (estimate.BoundedBytes > Sharpless.DynamoDB.ItemSize.MaxItemBytes)
            {
                var contributors = string.Join(", ", estimate.Contributors.Where(c => c.Bytes >= 1024).Take(3).Select(c => $"{c.Member} {Kilobytes(c.Bytes)} KB"));
                context.ReportDiagnostic(Diagnostic.Create(
                    DynamoDBRules.ItemCanExceedLimit,
                    table.Locations.FirstOrDefault(),
                    table.Name,
                    Kilobytes(estimate.BoundedBytes),
                    contributors.Length == 0 ? "many small members" : contributors));
            }

            foreach (var (member, role, bytes, limit) in estimate.OversizedKeys)
            {
                var symbol = table.GetMembers(member).FirstOrDefault() ?? FindInBase(table, member);
                context.ReportDiagnostic(Diagnostic.Create(
                    DynamoDBRules.KeyTooLarge,
                    symbol?.Locations.FirstOrDefault(l => l.IsInSource) ?? table.Locations.FirstOrDefault(),
                    table.Name + "." + member,
                    role,
                    bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                    limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (estimate.DeepestNesting.Depth >= 32)
            {
                var symbol = table.GetMembers(estimate.DeepestNesting.Member).FirstOrDefault() ?? FindInBase(table, estimate.DeepestNesting.Member);
                context.ReportDiagnostic(Diagnostic.Create(
                    DynamoDBRules.NestingTooDeep,
                    symbol?.Locations.FirstOrDefault(l => l.IsInSource) ?? table.Locations.FirstOrDefault(),
                    table.Name + "." + estimate.DeepestNesting.Member,
                    estimate.DeepestNesting.Depth));
            }

            // By default only what grows is named (collections, maps, binary, free-text strings); a bounded-looking
            // scalar such as Name or Email is left out of the proof without a report. Strict mode names all.
            foreach (var unbounded in estimate.Unbounded.Where(u => strict || u.Grows))
            {
                Report(DynamoDBRules.UnboundedMember, unbounded, unbounded.Reason, table.Name);
            }

            foreach (var recursive in estimate.Recursive)
            {
                Report(DynamoDBRules.RecursiveModel, recursive, recursive.Reason, string.Empty);
            }

            void Report(DiagnosticDescriptor descriptor, UnboundedMember member, string second, string third)
            {
                var owner = reader.TypeOf(member.ObjectKey);
                var symbol = owner?.GetMembers(member.Member).FirstOrDefault() ?? FindInBase(owner, member.Member);
                if (symbol is null || !reported.TryAdd((symbol, descriptor.Id), true))
                {
                    return;
                }

                var location = symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? table.Locations.FirstOrDefault();
                var name = symbol.ContainingType.Name + "." + symbol.Name;
                var properties = member.MissingBound is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(MissingBoundProperty, member.MissingBound);
                context.ReportDiagnostic(descriptor == DynamoDBRules.RecursiveModel
                    ? Diagnostic.Create(descriptor, location, name, second)
                    : Diagnostic.Create(descriptor, location, properties, name, second, third));
            }
        }

        private static ISymbol? FindInBase(INamedTypeSymbol? type, string name)
        {
            for (var current = type?.BaseType; current is not null; current = current.BaseType)
            {
                if (current.GetMembers(name).FirstOrDefault() is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        // KB as DynamoDB counts them (1,024 bytes), rounded up so that "400 KB" never hides an overflow.
        private static long Kilobytes(long bytes) => (bytes + 1023) / 1024;
    }
}