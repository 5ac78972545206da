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

        private static readonly string Version = GeneratorVersion.Value;

        // A project without a [DynamoDBTable] type should cost this generator close to nothing, in a fresh compiler
        // process too (issue #21): nothing here reads the compilation until the attribute is found, and every pipeline
        // value is a class, so Roslyn's generic pipeline nodes run on code already compiled for other reference types
        // instead of being compiled again for a struct shape (docs/performance.md, "What a generator costs before it
        // has work").
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var models = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    DynamoDBTypeNames.Table,
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                    static (attributeContext, cancellationToken) =>
                    {
                        // The attribute resolved, so the project references AWSSDK.DynamoDBv2 or declares the type;
                        // IsAvailable also needs AttributeValue, which the mapper is written against.
                        if (attributeContext.TargetSymbol is not INamedTypeSymbol type || !ItemModelReader.IsAvailable(attributeContext.SemanticModel.Compilation))
                        {
                            return null;
                        }

                        return new ItemModelReader(attributeContext.SemanticModel.Compilation).Read(type, cancellationToken);
                    })
                .Where(static model => model is not null)
                .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) => new ItemMapperProjectOptions(
                    ItemModelReader.ParseProjectConversion(options.GlobalOptions.TryGetValue(ItemModelReader.ConversionProperty, out var value) ? value : null),
                    options.GlobalOptions.TryGetValue(ItemModelAnalyzer.AsciiStringsProperty, out var ascii) && string.Equals(ascii.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))))
                .Select(static (pair, _) => pair.Left! with
                {
                    Conversion = pair.Left!.IsConversionExplicit ? pair.Left.Conversion : pair.Right.Conversion,
                    AsciiStrings = pair.Right.AsciiStrings,
                })
                .WithTrackingName(ModelStep);

            context.RegisterSourceOutput(models, static (output, model) =>
                output.AddSource(model.HintName, ItemMapperEmitter.Emit(model, Version)));

            // The shared helpers, once any mapper is generated: a model exists only where the SDK's types resolve.
            context.RegisterSourceOutput(models.Collect(), static (output, all) =>
            {
                if (!all.IsEmpty)
                {
                    output.AddSource(ItemMapperRuntimeEmitter.HintName, ItemMapperRuntimeEmitter.Emit(Version));
                }
            });
        }

        /// <summary>The project's build properties the mappers depend on (a class: see the note on Initialize).</summary>
        private sealed record ItemMapperProjectOptions(ConversionSchema Conversion, bool AsciiStrings);
    }
}
