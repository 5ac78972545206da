using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// SLS4005: in a project with <c>PublishAot=true</c>, a <c>JsonSerializer</c> call that takes neither a
    /// <c>JsonTypeInfo</c> nor a <c>JsonSerializerContext</c> — the reflection path, which fails under Native AOT unless
    /// the options carry a source-generated resolver. Anywhere in the project, not only in handlers: AOT breaks it wherever
    /// it runs. (The SDK's IL2026/IL3050 warnings flag the same calls generically; this rule names the Lambda fix.)
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AotReflectionJsonAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(ColdStartRules.ReflectionJsonUnderAot);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                if (!LambdaPublishSettings.Read(start.Options, start.CancellationToken).Aot)
                {
                    return;
                }

                var compilation = start.Compilation;
                var serializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
                var typeInfo = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.Metadata.JsonTypeInfo");
                var context = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonSerializerContext");
                if (serializer is null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    operation => Analyze(operation, serializer, typeInfo, context),
                    OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol serializer, INamedTypeSymbol? typeInfo, INamedTypeSymbol? serializerContext)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, serializer))
            {
                return;
            }

            foreach (var parameter in method.Parameters)
            {
                if (TypeChecks.IsOrDerivesFrom(parameter.Type, typeInfo) || TypeChecks.IsOrDerivesFrom(parameter.Type, serializerContext))
                {
                    return;
                }
            }

            var type = SerializedType(invocation);
            context.ReportDiagnostic(Diagnostic.Create(
                ColdStartRules.ReflectionJsonUnderAot,
                invocation.Syntax.GetLocation(),
                method.Name,
                type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? "the value",
                type is null ? "YourType" : TypeInfoPropertyName(type)));
        }

        // Serialize<T>/Deserialize<T> name the type; Serialize(object, Type, …) only at run time.
        private static ITypeSymbol? SerializedType(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.TypeArguments.Length == 1)
            {
                return invocation.TargetMethod.TypeArguments[0];
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_Object && argument.Value is IConversionOperation { Operand.Type: { } valueType })
                {
                    return valueType;
                }
            }

            return null;
        }

        // The property the JSON source generator emits for a type: its name, with generic arguments appended.
        private static string TypeInfoPropertyName(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => TypeInfoPropertyName(array.ElementType) + "Array",
            INamedTypeSymbol { IsGenericType: true } generic => generic.Name + string.Concat(System.Linq.Enumerable.Select(generic.TypeArguments, TypeInfoPropertyName)),
            _ => type.Name,
        };
    }
}
