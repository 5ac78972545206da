using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.DynamoDB
{
    /// <summary>A member the mapper cannot map, for the model analyzer to report (the generator leaves it out).</summary>
    internal enum ItemModelProblemKind
    {
        /// <summary>The member cannot be stored; the generated mapper leaves it out.</summary>
        Unsupported,

        /// <summary>A list that conversion V1 stores as a set: duplicates are rejected and order is lost.</summary>
        ListStoredAsSet,

        /// <summary>An attribute that DynamoDBContext acts on when saving (version, counter, timestamp), which a mapper does not.</summary>
        SaveBehaviour,
    }

    internal sealed class ItemModelProblem
    {
        public ItemModelProblem(ISymbol symbol, string typeDisplay, string reason, ItemModelProblemKind kind = ItemModelProblemKind.Unsupported)
        {
            Symbol = symbol;
            TypeDisplay = typeDisplay;
            Reason = reason;
            Kind = kind;
        }

        public ItemModelProblemKind Kind { get; }

        public ISymbol Symbol { get; }

        public string TypeDisplay { get; }

        public string Reason { get; }
    }

    /// <summary>
    /// Turns a <c>[DynamoDBTable]</c> type into an <see cref="ItemModel"/>, following DynamoDBContext's rules for which
    /// members are stored, under which names, and how each .NET type converts (shared/facts/dynamodb.md §1.2).
    /// The generator uses the model; the analyzer uses the problems. Never throws on half-written code.
    /// </summary>
    internal sealed class ItemModelReader
    {
        private readonly Compilation _compilation;
        private readonly ItemModelSymbols _symbols;
        private readonly Dictionary<string, ObjectModel?> _objects = new(StringComparer.Ordinal);
        private readonly Dictionary<string, INamedTypeSymbol> _objectSymbols = new(StringComparer.Ordinal);
        private readonly List<string> _objectOrder = new();
        private readonly List<ItemModelProblem> _problems = new();
        private NameCasing _casing;
        private ConversionSchema _conversion;
        private readonly ConversionSchema _projectConversion;
        private CancellationToken _cancellationToken;

        /// <param name="compilation">The compilation the model is in.</param>
        /// <param name="projectConversion">The conversion for tables that name none (MSBuild SharplessDynamoDBConversion; V1 by default, as DynamoDBContext).</param>
        public ItemModelReader(Compilation compilation, ConversionSchema projectConversion = ConversionSchema.V1)
        {
            _projectConversion = projectConversion;
            _compilation = compilation;
            _symbols = ItemModelSymbols.Of(compilation);
        }

        public IReadOnlyList<ItemModelProblem> Problems => _problems;

        /// <summary>
        /// Read a model whose table name does not bind (a constant not written yet) with an empty
        /// <see cref="ItemModel.TableName"/>, for the analyzer's size and key checks. The generator leaves it false:
        /// a mapper needs the name.
        /// </summary>
        public bool ReadsUnresolvedTableName { get; set; }

        /// <summary>The type an <see cref="ObjectModel.Key"/> was read from, for diagnostics about the model.</summary>
        public INamedTypeSymbol? TypeOf(string objectKey) => _objectSymbols.TryGetValue(objectKey, out var type) ? type : null;

        /// <summary>Reads MSBuild's SharplessDynamoDBConversion (V1 or V2, case-insensitive); anything else means V1.</summary>
        public static ConversionSchema ParseProjectConversion(string? value) =>
            string.Equals(value?.Trim(), "V2", StringComparison.OrdinalIgnoreCase) ? ConversionSchema.V2 : ConversionSchema.V1;

        public const string ConversionProperty = "build_property.SharplessDynamoDBConversion";

        public static bool IsAvailable(Compilation compilation) => ItemModelSymbols.Of(compilation).IsAvailable;

        public ItemModel? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            _cancellationToken = cancellationToken;
            if (_symbols.Table is null || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsGenericType || type.IsAbstract)
            {
                if (type.IsGenericType || type.IsAbstract)
                {
                    _problems.Add(new ItemModelProblem(type, type.Name, type.IsGenericType ? "a generic table model" : "an abstract table model"));
                }

                return null;
            }

            var table = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _symbols.Table));
            if (table is null)
            {
                return null;
            }

            var (tableName, casing, explicitConversion) = ReadTableAttribute(table);
            var conversion = explicitConversion ?? _projectConversion;
            if (string.IsNullOrEmpty(tableName) && !ReadsUnresolvedTableName)
            {
                return null;
            }

            _casing = casing;
            _conversion = conversion;

            var rootKey = ReadObject(type, isRoot: true);
            var rootDerived = ReadDerivedTypes(type, type);
            if (rootKey is null || _objects[rootKey] is not { } root)
            {
                return null;
            }

            var nested = _objectOrder.Where(k => k != rootKey && _objects[k] is not null).Select(k => _objects[k]!).ToEquatableArray();
            var indexes = ReadIndexes(type, root);

            return new ItemModel(
                type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
                type.Name + "Mapper",
                IsEffectivelyPublic(type) ? "public" : "internal",
                tableName ?? string.Empty,
                conversion,
                explicitConversion is not null,
                root,
                nested,
                indexes,
                HintName(type),
                _symbols.CanPresizeHashSet,
                rootDerived);
        }

        private (string? TableName, NameCasing Casing, ConversionSchema? Conversion) ReadTableAttribute(AttributeData table)
        {
            string? tableName = null;
            var casing = NameCasing.AsDeclared;
            ConversionSchema? conversion = null;
            var arguments = table.ConstructorArguments;
            if (arguments.Length > 0 && arguments[0].Value is string name)
            {
                tableName = name;
            }

            for (var i = 1; i < arguments.Length; i++)
            {
                var argument = arguments[i];
                switch (argument.Type?.Name)
                {
                    case "Boolean" when argument.Value is true:
                        casing = NameCasing.LegacyCamelCase;
                        break;
                    case "CaseMode" when argument.Value is int mode:
                        casing = mode switch
                        {
                            1 => NameCasing.PascalCase,
                            2 => NameCasing.CamelCase,
                            3 => NameCasing.LegacyCamelCase,
                            _ => NameCasing.AsDeclared,
                        };
                        break;
                    case "ConversionSchema" when argument.Value is int schema:
                        conversion = schema == 1 ? ConversionSchema.V2 : ConversionSchema.V1;
                        break;
                }
            }

            return (tableName, casing, conversion);
        }

        /// <summary>Reads a class or struct into <see cref="_objects"/>; returns its key (also while it is being read, for recursion).</summary>
        private string? ReadObject(INamedTypeSymbol type, bool isRoot)
        {
            var key = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (_objects.ContainsKey(key))
            {
                return key;
            }

            _objects[key] = null; // reserved: a type that contains itself refers to this key
            _objectSymbols[key] = type;
            _objectOrder.Add(key);

            var members = new List<MemberModel>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (member.IsStatic || member.IsImplicitlyDeclared || !seen.Add(member.Name))
                    {
                        continue;
                    }

                    if (ReadMember(member, isRoot) is { } model)
                    {
                        members.Add(model);
                    }
                }
            }

            var constructor = type.IsAbstract ? EquatableArray<string>.Empty : ChooseConstructor(type, members);
            _objects[key] = new ObjectModel(
                key,
                key,
                type.Name,
                type.IsValueType,
                members.ToEquatableArray(),
                constructor,
                type.IsAbstract);
            return key;
        }

        private MemberModel? ReadMember(ISymbol member, bool isRoot)
        {
            ITypeSymbol type;
            bool settable;
            bool initOnly;
            switch (member)
            {
                case IPropertySymbol { IsIndexer: false } property:
                    type = property.Type;
                    settable = property.SetMethod is not null;
                    initOnly = property.SetMethod?.IsInitOnly == true;
                    if (property.GetMethod is null || (property.SetMethod is null && !HasDynamoDBAttribute(property)))
                    {
                        return null; // computed, get-only: DynamoDBContext does not store these
                    }

                    break;
                case IFieldSymbol field when field.AssociatedSymbol is null:
                    type = field.Type;
                    settable = !field.IsReadOnly && !field.IsConst;
                    initOnly = false;
                    if (field.IsConst || (field.DeclaredAccessibility != Accessibility.Public && !HasDynamoDBAttribute(field)))
                    {
                        return null;
                    }

                    break;
                default:
                    return null;
            }

            // Half-typed code: a member without a name yet, or of a type that does not exist (yet), is the compiler's
            // business; mapping it would only add noise or emit invalid code.
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(member.Name) || ContainsErrorType(type))
            {
                return null;
            }

            var attributes = member.GetAttributes();
            if (attributes.Any(a => IsAttribute(a, _symbols.Ignore)))
            {
                return null;
            }

            string? accessorOwner = null;
            if (!IsAccessible(member) && CanUseUnsafeAccessor(member))
            {
                accessorOwner = member.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            }
            else if (!IsAccessible(member))
            {
                if (member.DeclaredAccessibility != Accessibility.Private || HasDynamoDBAttribute(member))
                {
                    _problems.Add(new ItemModelProblem(member, type.ToDisplayString(), "not accessible to generated code (make it public or internal)"));
                }
                else
                {
                    _problems.Add(new ItemModelProblem(member, type.ToDisplayString(), "private: DynamoDBContext stores it; generated code reaches private properties with get and set of classes through [UnsafeAccessor] (.NET 8+), but not this one (make it internal, or mark it [DynamoDBIgnore])"));
                }

                return null;
            }

            foreach (var (saveAttribute, behaviour) in _symbols.SaveBehaviours)
            {
                if (attributes.Any(a => IsAttribute(a, saveAttribute)))
                {
                    _problems.Add(new ItemModelProblem(member, type.ToDisplayString(), behaviour, ItemModelProblemKind.SaveBehaviour));
                }
            }

            var epoch = EpochFormat.None;
            foreach (var attribute in attributes)
            {
                if (!IsAttributeOrDerived(attribute, _symbols.Property))
                {
                    continue;
                }

                if (ConverterOf(attribute) is { } converter)
                {
                    // The converter decides the stored form, so the member's own type needs no mapping of its own.
                    return ReadConvertedMember(member, type, converter, attributes, isRoot, initOnly, settable);
                }

                epoch = ReadEpoch(attribute, epoch);
            }

            var shape = ReadShape(type, member);
            if (shape is null)
            {
                return null;
            }

            if (epoch != EpochFormat.None)
            {
                if (shape is not { Kind: ShapeKind.Scalar, Scalar: ScalarKind.DateTime })
                {
                    _problems.Add(new ItemModelProblem(member, type.ToDisplayString(), "StoreAsEpoch and StoreAsEpochLong apply to DateTime members only"));
                    return null;
                }

                shape = shape with { Epoch = epoch };
            }

            if (shape.Kind == ShapeKind.List && ConversionRules.SetTypeOf(shape, _conversion) is { } setType)
            {
                _problems.Add(new ItemModelProblem(member, type.ToDisplayString(), setType, ItemModelProblemKind.ListStoredAsSet));
            }

            var key = KeyOf(attributes);

            var flattened = attributes.Any(a => IsAttribute(a, _symbols.Flatten));
            if (flattened && shape.Kind != ShapeKind.Object)
            {
                _problems.Add(new ItemModelProblem(member, type.ToDisplayString(), "[DynamoDBFlatten] needs a class or struct whose members become attributes"));
                return null;
            }

            if (accessorOwner is not null && (flattened || shape.Kind == ShapeKind.Converted))
            {
                _problems.Add(new ItemModelProblem(member, type.ToDisplayString(), "a private flattened or converted member cannot be reached by generated code (make it internal)"));
                return null;
            }

            return new MemberModel(member.Name, AttributeName(member, attributes, isRoot), shape, key, initOnly, settable, flattened, accessorOwner, ReadBounds(attributes.AddRange(PrimaryConstructorParameterAttributes(member))));
        }

        /// <summary>
        /// In <c>record R([MaxLength(10)] string Name)</c> the attribute lands on the constructor parameter, not on the
        /// property; bounds are read from both.
        /// </summary>
        private static ImmutableArray<AttributeData> PrimaryConstructorParameterAttributes(ISymbol member)
        {
            if (member is not IPropertySymbol { ContainingType: { } type })
            {
                return ImmutableArray<AttributeData>.Empty;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Name == member.Name && SymbolEqualityComparer.Default.Equals(parameter.Type, ((IPropertySymbol)member).Type))
                    {
                        return parameter.GetAttributes();
                    }
                }
            }

            return ImmutableArray<AttributeData>.Empty;
        }

        private static SizeBounds? ReadBounds(ImmutableArray<AttributeData> attributes)
        {
            SizeBounds? bounds = null;
            foreach (var attribute in attributes)
            {
                var name = attribute.AttributeClass?.ToDisplayString();
                var args = attribute.ConstructorArguments;
                switch (name)
                {
                    case "System.ComponentModel.DataAnnotations.MaxLengthAttribute" when args.Length == 1 && args[0].Value is int:
                    case "System.ComponentModel.DataAnnotations.StringLengthAttribute" when args.Length == 1 && args[0].Value is int:
                        bounds = (bounds ?? new SizeBounds()) with { MaxLength = (int)args[0].Value! };
                        break;
                    case "System.ComponentModel.DataAnnotations.LengthAttribute" when args.Length == 2 && args[1].Value is int lengthMax:
                        bounds = (bounds ?? new SizeBounds()) with { MaxLength = lengthMax };
                        break;
                    case "System.ComponentModel.DataAnnotations.RangeAttribute" when args.Length == 2 && ToDouble(args[0].Value) is { } min && ToDouble(args[1].Value) is { } rangeMax:
                        var largest = System.Math.Max(System.Math.Abs(min), System.Math.Abs(rangeMax));
                        bounds = (bounds ?? new SizeBounds()) with
                        {
                            MaxDigits = largest < 1 ? 1 : (int)System.Math.Floor(System.Math.Log10(largest)) + 1,
                            CanBeNegative = min < 0,
                        };
                        break;
                    case "Sharpless.DynamoDB.ItemBoundsAttribute":
                        bounds ??= new SizeBounds();
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Value.Value is not int bound)
                            {
                                continue;
                            }

                            bounds = named.Key switch
                            {
                                "MaxCount" => bounds with { MaxCount = bound },
                                "MaxLength" => bounds with { MaxLength = bound },
                                "ElementMaxCount" => bounds with { ElementMaxCount = bound },
                                "ElementMaxLength" => bounds with { ElementMaxLength = bound },
                                "KeyMaxLength" => bounds with { KeyMaxLength = bound },
                                _ => bounds,
                            };
                        }

                        break;
                }
            }

            return bounds;

            static double? ToDouble(object? value) => value switch
            {
                int i => i,
                long l => l,
                double d => d,
                _ => null,
            };
        }

        private KeyRole KeyOf(ImmutableArray<AttributeData> attributes) =>
            attributes.Any(a => IsAttribute(a, _symbols.HashKey)) ? KeyRole.Hash
            : attributes.Any(a => IsAttribute(a, _symbols.RangeKey)) ? KeyRole.Range
            : KeyRole.None;

        private string AttributeName(ISymbol member, ImmutableArray<AttributeData> attributes, bool isRoot)
        {
            foreach (var attribute in attributes)
            {
                if (!IsAttributeOrDerived(attribute, _symbols.Renamable))
                {
                    continue;
                }

                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "AttributeName" && named.Value.Value is string explicitName && explicitName.Length > 0)
                    {
                        return explicitName;
                    }
                }

                // (name), (name, converter), (name, storeAsEpoch): the first string argument names the attribute,
                // except on index keys, where strings name the index.
                var isIndexKey = IsAttribute(attribute, _symbols.GsiHashKey) || IsAttribute(attribute, _symbols.GsiRangeKey) || IsAttribute(attribute, _symbols.LsiRangeKey);
                if (!isIndexKey && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string name && name.Length > 0)
                {
                    return name;
                }
            }

            return ApplyCasing(member.Name, isRoot);
        }

        private string ApplyCasing(string name, bool isRoot)
        {
            if (name.Length == 0)
            {
                return name;
            }

            switch (_casing)
            {
                case NameCasing.CamelCase:
                case NameCasing.LegacyCamelCase when isRoot:
                    return char.ToLowerInvariant(name[0]) + name.Substring(1);
                // CaseMode.PascalCase keeps names as declared in DynamoDBContext (observed with 4.0.109.3): C# members
                // are Pascal-cased already, and a lower-case member stays lower-case.
                default:
                    return name;
            }
        }

        private ValueShape? ReadShape(ITypeSymbol type, ISymbol member)
        {
            var display = type.ToDisplayString();
            var typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                var inner = ReadShape(nullable.TypeArguments[0], member);
                return inner is null ? null : inner with { IsNullableValueType = true, TypeName = inner.TypeName };
            }

            var scalar = ScalarOf(type);
            if (scalar != ScalarKind.None)
            {
                string? underlying = null;
                if (scalar == ScalarKind.Enum && type is INamedTypeSymbol { EnumUnderlyingType: { } enumUnderlying })
                {
                    underlying = enumUnderlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                }

                return ValueShape.ForScalar(typeName, scalar, false, type.IsReferenceType, underlying);
            }

            if (type is IArrayTypeSymbol { Rank: 1 } array)
            {
                return Collection(ShapeKind.List, CollectionKind.Array, array.ElementType);
            }

            if (type is INamedTypeSymbol { IsGenericType: true } generic)
            {
                var definition = generic.OriginalDefinition.ToDisplayString();
                switch (definition)
                {
                    case "System.Collections.Generic.List<T>":
                        return Collection(ShapeKind.List, CollectionKind.List, generic.TypeArguments[0]);
                    case "System.Collections.Generic.HashSet<T>":
                        var set = Collection(ShapeKind.Set, CollectionKind.HashSet, generic.TypeArguments[0]);
                        if (set?.Element is { Kind: not ShapeKind.Scalar } or { Scalar: ScalarKind.Enum or ScalarKind.MemoryStream })
                        {
                            return Unsupported("a set of " + generic.TypeArguments[0].ToDisplayString() + " (DynamoDB sets hold strings, numbers or binaries)");
                        }

                        return set;
                    case "System.Collections.Generic.Dictionary<TKey, TValue>":
                        if (generic.TypeArguments[0].SpecialType != SpecialType.System_String)
                        {
                            return Unsupported("a dictionary with non-string keys (map keys are attribute names)");
                        }

                        return Collection(ShapeKind.Map, CollectionKind.Dictionary, generic.TypeArguments[1]);
                }
            }

            if (type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
                && named.SpecialType == SpecialType.None
                && !named.IsGenericType
                && named.ContainingNamespace?.ToDisplayString() is not ("System" or "System.Collections.Generic" or "System.Collections"))
            {
                var derived = ReadDerivedTypes(named, member);
                if (named.IsAbstract && derived.Count == 0)
                {
                    return Unsupported("an abstract type without [DynamoDBPolymorphicType] mappings (nothing to create when reading)");
                }

                var key = ReadObject(named, isRoot: false);
                return key is null ? null : new ValueShape(ShapeKind.Object, typeName, ScalarKind.None, false, type.IsReferenceType, null, CollectionKind.None, null, key, derived);
            }

            return Unsupported(type.TypeKind == TypeKind.Interface
                ? "an interface type (DynamoDBContext cannot create it when reading; use the concrete collection type)"
                : "a type DynamoDBContext cannot store");

            ValueShape? Collection(ShapeKind kind, CollectionKind collection, ITypeSymbol elementType)
            {
                var element = ReadShape(elementType, member);
                return element is null
                    ? null
                    : new ValueShape(kind, typeName, ScalarKind.None, false, true, null, collection, element, null);
            }

            ValueShape? Unsupported(string reason)
            {
                _problems.Add(new ItemModelProblem(member, display, reason));
                return null;
            }
        }

        /// <summary>
        /// The [DynamoDBPolymorphicType(discriminator, typeof(Derived))] mappings that apply to a value of
        /// <paramref name="type"/>: those on the member (properties hold them for that member only) and those on the type.
        /// </summary>
        private EquatableArray<DerivedTypeModel> ReadDerivedTypes(INamedTypeSymbol type, ISymbol member)
        {
            if (_symbols.Polymorphic is null)
            {
                return EquatableArray<DerivedTypeModel>.Empty;
            }

            var result = new List<DerivedTypeModel>();
            var attributes = (member is IPropertySymbol or IFieldSymbol ? member.GetAttributes() : ImmutableArray<AttributeData>.Empty)
                .Concat(type.GetAttributes());
            foreach (var attribute in attributes.Where(a => IsAttribute(a, _symbols.Polymorphic)))
            {
                if (attribute.ConstructorArguments.Length != 2 ||
                    attribute.ConstructorArguments[0].Value is not string discriminator ||
                    attribute.ConstructorArguments[1].Value is not INamedTypeSymbol derived ||
                    result.Any(d => d.Discriminator == discriminator))
                {
                    continue;
                }

                if (!InheritsFrom(derived, type) || derived.IsAbstract || derived.IsGenericType)
                {
                    _problems.Add(new ItemModelProblem(member, type.ToDisplayString(), $"[DynamoDBPolymorphicType(\"{discriminator}\", typeof({derived.Name}))] names a type that is not a concrete subtype of {type.Name}"));
                    continue;
                }

                var key = ReadObject(derived, isRoot: false);
                if (key is not null)
                {
                    result.Add(new DerivedTypeModel(discriminator, key, derived.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), Depth(derived)));
                }
            }

            return result.ToEquatableArray();

            static int Depth(INamedTypeSymbol symbol)
            {
                var depth = 0;
                for (var current = symbol.BaseType; current is not null; current = current.BaseType)
                {
                    depth++;
                }

                return depth;
            }
        }

        private static bool InheritsFrom(INamedTypeSymbol derived, INamedTypeSymbol type)
        {
            for (var current = derived.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, type))
                {
                    return true;
                }
            }

            return false;
        }

        private ScalarKind ScalarOf(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_String: return ScalarKind.String;
                case SpecialType.System_Char: return ScalarKind.Char;
                case SpecialType.System_Boolean: return ScalarKind.Bool;
                case SpecialType.System_SByte: return ScalarKind.SByte;
                case SpecialType.System_Byte: return ScalarKind.Byte;
                case SpecialType.System_Int16: return ScalarKind.Int16;
                case SpecialType.System_UInt16: return ScalarKind.UInt16;
                case SpecialType.System_Int32: return ScalarKind.Int32;
                case SpecialType.System_UInt32: return ScalarKind.UInt32;
                case SpecialType.System_Int64: return ScalarKind.Int64;
                case SpecialType.System_UInt64: return ScalarKind.UInt64;
                case SpecialType.System_Single: return ScalarKind.Single;
                case SpecialType.System_Double: return ScalarKind.Double;
                case SpecialType.System_Decimal: return ScalarKind.Decimal;
                case SpecialType.System_DateTime: return ScalarKind.DateTime;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return ScalarKind.Enum;
            }

            if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
            {
                return ScalarKind.Bytes;
            }

            if (_symbols.MemoryStream is not null && SymbolEqualityComparer.Default.Equals(type, _symbols.MemoryStream))
            {
                return ScalarKind.MemoryStream;
            }

            return type.ToDisplayString() switch
            {
                "System.Guid" => ScalarKind.Guid,
                // DynamoDBContext cannot store these; Sharpless uses their lossless round-trip text forms.
                "System.DateTimeOffset" => ScalarKind.DateTimeOffset,
                "System.TimeSpan" => ScalarKind.TimeSpan,
                "System.DateOnly" => ScalarKind.DateOnly,
                "System.TimeOnly" => ScalarKind.TimeOnly,
                _ => ScalarKind.None,
            };
        }

        private EquatableArray<string> ChooseConstructor(INamedTypeSymbol type, List<MemberModel> members)
        {
            var constructors = type.InstanceConstructors.Where(c => IsAccessible(c)).ToList();
            var chosen = constructors.FirstOrDefault(c => c.GetAttributes().Any(a => IsAttribute(a, _symbols.Constructor)))
                         ?? constructors.FirstOrDefault(c => c.Parameters.Length == 0)
                         ?? (constructors.Count == 1 ? constructors[0] : null);
            if (chosen is null || chosen.Parameters.Length == 0)
            {
                if (chosen is null && !type.IsValueType)
                {
                    _problems.Add(new ItemModelProblem(type, type.Name, "no accessible constructor to create it with (add a parameterless one or mark one [DynamoDBConstructor])"));
                }

                return EquatableArray<string>.Empty;
            }

            var names = new List<string>();
            foreach (var parameter in chosen.Parameters)
            {
                var member = members.FirstOrDefault(m => string.Equals(m.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (member is null)
                {
                    _problems.Add(new ItemModelProblem(parameter, parameter.Type.ToDisplayString(), "a constructor parameter that matches no stored member"));
                    return EquatableArray<string>.Empty;
                }

                names.Add(member.Name);
            }

            return names.ToEquatableArray();
        }

        private EquatableArray<IndexModel> ReadIndexes(INamedTypeSymbol type, ObjectModel root)
        {
            var hash = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var range = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var tableHash = root.Members.FirstOrDefault(m => m.Key == KeyRole.Hash)?.Name;
            foreach (var member in root.Members)
            {
                var symbol = type.GetMembers(member.Name).FirstOrDefault() ?? FindInBase(type, member.Name);
                if (symbol is null)
                {
                    continue;
                }

                foreach (var attribute in symbol.GetAttributes())
                {
                    var target = IsAttribute(attribute, _symbols.GsiHashKey) ? hash
                        : IsAttribute(attribute, _symbols.GsiRangeKey) || IsAttribute(attribute, _symbols.LsiRangeKey) ? range
                        : null;
                    if (target is null)
                    {
                        continue;
                    }

                    foreach (var index in IndexNames(attribute))
                    {
                        target[index] = member.Name;
                    }
                }
            }

            var result = new List<IndexModel>();
            foreach (var name in hash.Keys.Union(range.Keys).Distinct().OrderBy(n => n, StringComparer.Ordinal))
            {
                // A local secondary index shares the table's partition key.
                var hashMember = hash.TryGetValue(name, out var h) ? h : tableHash;
                if (hashMember is null)
                {
                    continue;
                }

                result.Add(new IndexModel(name, hashMember, range.TryGetValue(name, out var r) ? r : null));
            }

            return result.ToEquatableArray();
        }

        private static bool ContainsErrorType(ITypeSymbol type) => type switch
        {
            { TypeKind: TypeKind.Error } => true,
            IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
            INamedTypeSymbol { IsGenericType: true } generic => generic.TypeArguments.Any(ContainsErrorType),
            _ => false,
        };

        private static ISymbol? FindInBase(INamedTypeSymbol type, string name)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.GetMembers(name).FirstOrDefault() is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private static IEnumerable<string> IndexNames(AttributeData attribute)
        {
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Array)
                {
                    foreach (var item in argument.Values)
                    {
                        if (item.Value is string name && name.Length > 0)
                        {
                            yield return name;
                        }
                    }
                }
                else if (argument.Value is string single && single.Length > 0)
                {
                    yield return single;
                }
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "IndexNames" && named.Value.Kind == TypedConstantKind.Array)
                {
                    foreach (var item in named.Value.Values)
                    {
                        if (item.Value is string name && name.Length > 0)
                        {
                            yield return name;
                        }
                    }
                }
            }
        }

        private static INamedTypeSymbol? ConverterOf(AttributeData attribute) =>
            attribute.ConstructorArguments.Where(a => a.Kind == TypedConstantKind.Type).Select(a => a.Value).OfType<INamedTypeSymbol>().FirstOrDefault()
            ?? attribute.NamedArguments.Where(a => a.Key == "Converter").Select(a => a.Value.Value).OfType<INamedTypeSymbol>().FirstOrDefault();

        private MemberModel? ReadConvertedMember(ISymbol member, ITypeSymbol type, INamedTypeSymbol converter, ImmutableArray<AttributeData> attributes, bool isRoot, bool initOnly, bool settable)
        {
            var implementsConverter = _symbols.PropertyConverter is not null && converter.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, _symbols.PropertyConverter));
            var creatable = !converter.IsAbstract && converter.InstanceConstructors.Any(c => c.Parameters.Length == 0 && IsAccessible(c));
            if (!implementsConverter || !creatable)
            {
                _problems.Add(new ItemModelProblem(member, type.ToDisplayString(), $"converter {converter.Name} must implement IPropertyConverter and have an accessible parameterless constructor"));
                return null;
            }

            var isNullableValue = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
            var shape = new ValueShape(
                ShapeKind.Converted,
                type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                ScalarKind.None,
                false,
                type.IsReferenceType || isNullableValue,
                null,
                CollectionKind.None,
                null,
                null,
                Converter: converter.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            return new MemberModel(member.Name, AttributeName(member, attributes, isRoot), shape, KeyOf(attributes), initOnly, settable);
        }

        // (bool storeAsEpoch), (name, bool storeAsEpoch), StoreAsEpoch = true, StoreAsEpochLong = true.
        private static EpochFormat ReadEpoch(AttributeData attribute, EpochFormat current)
        {
            if (attribute.ConstructorArguments.Any(a => a.Type?.SpecialType == SpecialType.System_Boolean && a.Value is true))
            {
                current = EpochFormat.Seconds;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Value.Value is true)
                {
                    current = named.Key switch
                    {
                        "StoreAsEpochLong" => EpochFormat.SecondsLong,
                        "StoreAsEpoch" when current == EpochFormat.None => EpochFormat.Seconds,
                        _ => current,
                    };
                }
            }

            return current;
        }

        /// <summary>
        /// [UnsafeAccessor] (.NET 8+) reaches a private instance property's get_/set_ methods without reflection and is
        /// Native AOT-safe; it needs a class (structs need ref receivers) and a plain setter (init is a different signature).
        /// </summary>
        private bool CanUseUnsafeAccessor(ISymbol member) =>
            member is IPropertySymbol { IsStatic: false, GetMethod: not null, SetMethod: { IsInitOnly: false } } property &&
            property.ContainingType.TypeKind == TypeKind.Class &&
            !property.ContainingType.IsGenericType &&
            _symbols.HasUnsafeAccessor;

        private bool HasDynamoDBAttribute(ISymbol member) =>
            member.GetAttributes().Any(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == "Amazon.DynamoDBv2.DataModel");

        private bool IsAccessible(ISymbol symbol) =>
            symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal
            && (symbol is not IPropertySymbol property || property.SetMethod is null || property.SetMethod.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            && _compilation.IsSymbolAccessibleWithin(symbol, _compilation.Assembly);

        private static bool IsAttribute(AttributeData attribute, INamedTypeSymbol? type) =>
            type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

        private static bool IsAttributeOrDerived(AttributeData attribute, INamedTypeSymbol? type)
        {
            for (var current = attribute.AttributeClass; current is not null && type is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsEffectivelyPublic(INamedTypeSymbol type)
        {
            for (ISymbol? current = type; current is INamedTypeSymbol; current = current.ContainingSymbol)
            {
                if (current.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            return true;
        }

        private static string HintName(INamedTypeSymbol type)
        {
            var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
            var chars = name.Select(c => char.IsLetterOrDigit(c) || c == '.' ? c : '_').ToArray();
            return new string(chars) + "Mapper.g.cs";
        }
    }
}
