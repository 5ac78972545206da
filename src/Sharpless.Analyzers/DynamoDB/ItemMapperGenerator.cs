using Sharpless.Common;
using Microsoft.CodeAnalysis;

namespace Sharpless.DynamoDB
{
    /// <summary>
    /// Generates <c>&lt;Model&gt;Mapper</c> for every <c>[DynamoDBTable]</c> type in a project that references
    /// AWSSDK.DynamoDBv2: parse (ItemModelReader) → equatable model → emit (ItemMapperEmitter).
    /// Problems in a model are reported by ItemModelAnalyzer, not here.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ItemMapperGenerator : IIncrementalGenerator
    {
        internal const string ModelStep = "DynamoDBItemModel";
        internal const string RuntimeStep = "DynamoDBRuntimeNeeded";

        private static readonly string Version = GeneratorVersion.Value;

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var models = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    DynamoDBTypeNames.Table,
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                    static (attributeContext, cancellationToken) =>
                    {
                        if (attributeContext.TargetSymbol is not INamedTypeSymbol type || !ItemModelReader.IsAvailable(attributeContext.SemanticModel.Compilation))
                        {
                            return null;
                        }

                        return new ItemModelReader(attributeContext.SemanticModel.Compilation).Read(type, cancellationToken);
                    })
                .Where(static model => model is not null)
                .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) => (
                    Conversion: ItemModelReader.ParseProjectConversion(options.GlobalOptions.TryGetValue(ItemModelReader.ConversionProperty, out var value) ? value : null),
                    AsciiStrings: options.GlobalOptions.TryGetValue(ItemModelAnalyzer.AsciiStringsProperty, out var ascii) && string.Equals(ascii.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))))
                .Select(static (pair, _) => pair.Left! with
                {
                    Conversion = pair.Left!.IsConversionExplicit ? pair.Left.Conversion : pair.Right.Conversion,
                    AsciiStrings = pair.Right.AsciiStrings,
                })
                .WithTrackingName(ModelStep);

            context.RegisterSourceOutput(models, static (output, model) =>
                output.AddSource(model!.HintName, ItemMapperEmitter.Emit(model, Version)));

            var runtimeNeeded = context.CompilationProvider
                .Select(static (compilation, _) => ItemModelReader.IsAvailable(compilation))
                .WithTrackingName(RuntimeStep);
            var anyModel = models.Collect().Select(static (all, _) => !all.IsEmpty);
            context.RegisterSourceOutput(runtimeNeeded.Combine(anyModel), static (output, pair) =>
            {
                if (pair.Left && pair.Right)
                {
                    output.AddSource(ItemMapperRuntimeEmitter.HintName, ItemMapperRuntimeEmitter.Emit(Version));
                }
            });
        }
    }
}
