using Microsoft.CodeAnalysis;

namespace Sharpless.Functions
{
    /// <summary>
    /// How the function generator names types: <c>global::</c>-qualified, without nullable reference annotations, so
    /// a type has one name whether it comes from a method signature or from a JsonSerializerContext's registrations.
    /// </summary>
    internal static class TypeNames
    {
        public static string Of(ITypeSymbol type) =>
            type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        public static TypeRef RefOf(ITypeSymbol type, bool annotatedNullable)
        {
            var isNullableValue = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            var acceptsNull = isNullableValue || (!type.IsValueType && annotatedNullable);
            return new TypeRef(Of(type), acceptsNull, type.IsValueType);
        }
    }
}
