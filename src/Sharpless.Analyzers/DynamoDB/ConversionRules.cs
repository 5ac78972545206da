namespace Sharpless.DynamoDB
{
    /// <summary>
    /// Which DynamoDB type a collection is stored as, per conversion schema. One place, because the emitter writes by it
    /// and the model analyzer warns by it (shared/facts/dynamodb.md §1.2).
    /// </summary>
    internal static class ConversionRules
    {
        /// <summary>"SS", "NS", "BS" when the collection is stored as a set, otherwise null (stored as L or M).</summary>
        public static string? SetTypeOf(ValueShape collection, ConversionSchema conversion)
        {
            if (collection.Kind is not (ShapeKind.List or ShapeKind.Set) || collection.Element is not { } element)
            {
                return null;
            }

            if (element.Kind != ShapeKind.Scalar || element.IsNullableValueType)
            {
                return null;
            }

            // V1 stores lists of scalars as sets too, except lists of enums (L of N); V2 only stores HashSet<T> as a set.
            if (collection.Kind == ShapeKind.List && (conversion == ConversionSchema.V2 || element.Scalar == ScalarKind.Enum))
            {
                return null;
            }

            switch (element.Scalar)
            {
                case ScalarKind.String:
                case ScalarKind.Char:
                case ScalarKind.Guid:
                case ScalarKind.DateTimeOffset:
                case ScalarKind.TimeSpan:
                case ScalarKind.DateTime:
                case ScalarKind.DateOnly:
                case ScalarKind.TimeOnly:
                    return "SS";
                case ScalarKind.Bytes:
                case ScalarKind.MemoryStream:
                    return "BS";
                case ScalarKind.Enum:
                    return null;
                default:
                    return "NS";
            }
        }
    }
}
