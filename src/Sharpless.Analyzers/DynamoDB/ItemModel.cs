using Sharpless.Common;

namespace Sharpless.DynamoDB
{
    // The generator's view of a DynamoDB model: plain equatable records (no symbols, no syntax), so the pipeline
    // caches, and the emitter can be read and tested without Roslyn.

    /// <summary>How values convert, as DynamoDBContext's DynamoDBEntryConversion: V1 (the SDK default) or V2.</summary>
    internal enum ConversionSchema
    {
        V1,
        V2,
    }

    /// <summary>How C# member names become attribute names (the SDK's CaseMode).</summary>
    internal enum NameCasing
    {
        AsDeclared,
        PascalCase,
        CamelCase,

        /// <summary>The obsolete LowerCamelCaseProperties: camelCase for the table's own members only.</summary>
        LegacyCamelCase,
    }

    internal enum ScalarKind
    {
        None,
        String,
        Char,
        Bool,
        SByte,
        Byte,
        Int16,
        UInt16,
        Int32,
        UInt32,
        Int64,
        UInt64,
        Single,
        Double,
        Decimal,
        DateTime,
        DateOnly,
        TimeOnly,
        Guid,
        DateTimeOffset,
        TimeSpan,
        Enum,
        Bytes,
        MemoryStream,
    }

    /// <summary>DynamoDBProperty's StoreAsEpoch (32-bit seconds, ISO text beyond 2038) and StoreAsEpochLong.</summary>
    internal enum EpochFormat
    {
        None,
        Seconds,
        SecondsLong,
    }

    internal enum ShapeKind
    {
        Scalar,

        /// <summary>Stored through the member's IPropertyConverter (<see cref="ValueShape.Converter"/>).</summary>
        Converted,
        List,
        Set,
        Map,
        Object,
    }

    internal enum CollectionKind
    {
        None,
        List,
        Array,
        HashSet,
        Dictionary,
    }

    /// <summary>
    /// The shape of a value: a scalar, a collection of shapes, or a nested object (by key into
    /// <see cref="ItemModel.Objects"/>). <paramref name="TypeName"/> is fully qualified with <c>global::</c>.
    /// </summary>
    internal sealed record ValueShape(
        ShapeKind Kind,
        string TypeName,
        ScalarKind Scalar,
        bool IsNullableValueType,
        bool IsReferenceType,
        string? EnumUnderlyingType,
        CollectionKind Collection,
        ValueShape? Element,
        string? ObjectKey,
        EquatableArray<DerivedTypeModel>? Derived = null,
        EpochFormat Epoch = EpochFormat.None,
        string? Converter = null)
    {
        /// <summary>The derived types of a polymorphic object shape; empty otherwise.</summary>
        public EquatableArray<DerivedTypeModel> Derived { get; init; } = Derived ?? EquatableArray<DerivedTypeModel>.Empty;

        public static ValueShape ForScalar(string typeName, ScalarKind scalar, bool isNullableValueType, bool isReferenceType, string? enumUnderlyingType = null) =>
            new(ShapeKind.Scalar, typeName, scalar, isNullableValueType, isReferenceType, enumUnderlyingType, CollectionKind.None, null, null);
    }

    /// <summary>
    /// A <c>[DynamoDBPolymorphicType]</c> mapping: objects of <paramref name="ObjectKey"/> are stored with
    /// <c>$type</c> = <paramref name="Discriminator"/>. <paramref name="Depth"/> (inheritance depth) orders the type tests.
    /// </summary>
    internal sealed record DerivedTypeModel(string Discriminator, string ObjectKey, string TypeName, int Depth);

    internal enum KeyRole
    {
        None,
        Hash,
        Range,
    }

    /// <summary>
    /// A mapped member. <paramref name="AccessorOwner"/> is set for a private property reached through [UnsafeAccessor]
    /// (the declaring class, fully qualified), as DynamoDBContext stores private properties too. A flattened member (<c>[DynamoDBFlatten]</c>) has an object shape whose members are stored as
    /// attributes of the containing item rather than as one map; its <paramref name="AttributeName"/> is unused.
    /// </summary>
    internal sealed record MemberModel(
        string Name,
        string AttributeName,
        ValueShape Shape,
        KeyRole Key,
        bool IsInitOnly,
        bool IsSettable,
        bool IsFlattened = false,
        string? AccessorOwner = null,
        SizeBounds? Bounds = null);

    /// <summary>
    /// Declared size bounds of a member (-1 = none): [MaxLength]/[StringLength]/[Length] as <paramref name="MaxLength"/>
    /// (characters, bytes, or elements of a collection), [Range] on integers as <paramref name="MaxDigits"/>, and
    /// Sharpless's [ItemBounds] for what those cannot say.
    /// </summary>
    internal sealed record SizeBounds(
        int MaxLength = -1,
        int MaxCount = -1,
        int ElementMaxCount = -1,
        int ElementMaxLength = -1,
        int KeyMaxLength = -1,
        int MaxDigits = -1,
        bool CanBeNegative = true);

    /// <summary>A class, record or struct stored as an item or as a map.</summary>
    internal sealed record ObjectModel(
        string Key,
        string TypeName,
        string DisplayName,
        bool IsValueType,
        EquatableArray<MemberModel> Members,
        EquatableArray<string> ConstructorParameters,
        bool IsAbstract = false);

    /// <summary>A secondary index and its key attributes.</summary>
    internal sealed record IndexModel(string Name, string HashKeyMember, string? RangeKeyMember);

    /// <summary>Everything needed to emit one <c>&lt;Model&gt;Mapper</c>.</summary>
    internal sealed record ItemModel(
        string? Namespace,
        string MapperName,
        string Accessibility,
        string TableName,
        ConversionSchema Conversion,
        bool IsConversionExplicit,
        ObjectModel Root,
        EquatableArray<ObjectModel> Objects,
        EquatableArray<IndexModel> Indexes,
        string HintName,
        bool CanPresizeHashSet,
        EquatableArray<DerivedTypeModel>? RootDerived = null,
        bool AsciiStrings = false)
    {
        /// <summary>The derived types of a polymorphic root; empty otherwise.</summary>
        public EquatableArray<DerivedTypeModel> RootDerived { get; init; } = RootDerived ?? EquatableArray<DerivedTypeModel>.Empty;
    }
}
