using System;
using System.Collections.Generic;
using System.Linq;

namespace Sharpless.DynamoDB
{
    /// <summary>
    /// A member whose size has no bound, so the item's size cannot be proven. <paramref name="MissingBound"/> names the
    /// attribute that would bound the member itself (for the code fix); null when an element-level bound is missing.
    /// </summary>
    /// <paramref name="Grows"/> is true for what an expert expects to grow (collections, maps, binary, free-text strings:
    /// <see cref="FreeTextNames"/>); only those are reported by default, the rest in strict mode.
    internal sealed record UnboundedMember(string ObjectKey, string Member, string Reason, string? MissingBound = null, bool Grows = true);

    /// <summary>The bound a code fix can add to a member that has none.</summary>
    internal static class MissingBounds
    {
        public const string StringLength = "StringLength";
        public const string BinaryLength = "BinaryLength";
        public const string Count = "Count";
        public const string DictionaryCount = "DictionaryCount";
    }

    /// <summary>The worst case of an item: the bounded part, the members that contribute it, and what is unbounded.</summary>
    internal sealed class ItemSizeEstimate
    {
        public long BoundedBytes { get; set; }

        /// <summary>The table's own members with their worst-case bytes (name included), largest first.</summary>
        public List<(string Member, long Bytes)> Contributors { get; } = new();

        public List<UnboundedMember> Unbounded { get; } = new();

        /// <summary>Members through which a type contains itself (one per cycle).</summary>
        public List<UnboundedMember> Recursive { get; } = new();

        /// <summary>Key members (table, GSI and LSI keys) whose worst-case value is over DynamoDB's key limit.</summary>
        public List<(string Member, string Role, long Bytes, int Limit)> OversizedKeys { get; } = new();

        /// <summary>The deepest nesting of lists and maps under a top-level attribute, and the member that reaches it.</summary>
        public (int Depth, string Member) DeepestNesting { get; set; }
    }

    /// <summary>
    /// The worst-case DynamoDB size of a model's items, by the rules in <see cref="ItemSize"/> (the same file the
    /// run-time GetItemSize uses) and the model's conversion schema. Works on the equatable model only.
    /// Worst case: every member present, every bound filled, strings at 3 UTF-8 bytes per UTF-16 code unit (1 when the
    /// project declares ASCII-only strings), numbers with all their significant digits.
    /// </summary>
    internal sealed class ItemSizeCalculator
    {
        private const int DiscriminatorName = 5; // "$type"

        private readonly ItemModel _model;
        private readonly int _bytesPerChar;
        private readonly Dictionary<string, ObjectModel> _objects;
        private readonly Dictionary<string, long?> _objectSizes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
        private readonly ItemSizeEstimate _estimate = new();
        private readonly bool _keysBoundedByService;
        private Dictionary<string, (string Role, int Limit)>? _keyRoles;

        /// <param name="keysBoundedByService">
        /// Count a key attribute without a declared bound at DynamoDB's own key limit (2,048 bytes for a partition key,
        /// 1,024 for a sort key, table and indexes alike) instead of reporting it unbounded. The analyzer does; the
        /// mapper's <c>MaxItemSize</c> does not, because it promises a size that filling every declared bound reaches.
        /// </param>
        public ItemSizeCalculator(ItemModel model, bool asciiStrings, bool keysBoundedByService = false)
        {
            _model = model;
            _bytesPerChar = asciiStrings ? 1 : 3;
            _keysBoundedByService = keysBoundedByService;
            _objects = model.Objects.Concat(new[] { model.Root }).ToDictionary(o => o.Key, o => o, StringComparer.Ordinal);
        }

        public ItemSizeEstimate Compute()
        {
            _keyRoles = KeyRoles();
            _inProgress.Add(_model.Root.Key);
            foreach (var member in _model.Root.Members)
            {
                var bytes = MemberSize(_model.Root, member, topLevel: true);
                if (bytes is { } known)
                {
                    _estimate.BoundedBytes += known;
                    _estimate.Contributors.Add((member.Name, known));
                }
            }

            if (_model.RootDerived.Count > 0)
            {
                // A derived item adds its own members and "$type"; count the largest.
                var extra = _model.RootDerived.Select(d => DerivedExtra(d, _model.Root, topLevel: true)).Where(b => b.HasValue).Select(b => b!.Value).DefaultIfEmpty(0).Max();
                _estimate.BoundedBytes += extra;
            }

            _estimate.Contributors.Sort((a, b) => b.Bytes.CompareTo(a.Bytes));
            CheckKeys();
            CheckNesting();
            return _estimate;
        }

        // Partition keys are 1 to 2,048 bytes, sort keys 1 to 1,024 (Developer Guide, Constraints), for the table and
        // every secondary index.
        private void CheckKeys()
        {
            var roles = _keyRoles ?? KeyRoles();
            foreach (var member in _model.Root.Members.Where(m => roles.ContainsKey(m.Name)))
            {
                var (role, limit) = roles[member.Name];
                // Unbounded keys are SLS3005's business; only a declared bound over the limit is reported here.
                var size = DeclaredKeySize(member);
                if (size > limit)
                {
                    _estimate.OversizedKeys.Add((member.Name, role, size.Value, limit));
                }
            }
        }

        // A key's value by its declared bounds alone, measured by a throwaway calculator so that an unbounded key is
        // not recorded as unbounded here.
        private long? DeclaredKeySize(MemberModel member) =>
            new ItemSizeCalculator(_model, _bytesPerChar == 1).ValueSize(member.Shape, member.Bounds ?? new SizeBounds(), _model.Root, member, element: false);

        /// <summary>The table's and its indexes' key members, with their role and DynamoDB's size limit for it.</summary>
        private Dictionary<string, (string Role, int Limit)> KeyRoles()
        {
            var roles = new Dictionary<string, (string Role, int Limit)>(StringComparer.Ordinal);
            foreach (var member in _model.Root.Members)
            {
                if (member.Key == KeyRole.Hash)
                {
                    roles[member.Name] = ("partition key", ItemSize.MaxPartitionKeyBytes);
                }
                else if (member.Key == KeyRole.Range)
                {
                    roles[member.Name] = ("sort key", ItemSize.MaxSortKeyBytes);
                }
            }

            foreach (var index in _model.Indexes)
            {
                if (!roles.ContainsKey(index.HashKeyMember))
                {
                    roles[index.HashKeyMember] = ($"partition key of index {index.Name}", ItemSize.MaxPartitionKeyBytes);
                }

                if (index.RangeKeyMember is { } range && !roles.ContainsKey(range))
                {
                    roles[range] = ($"sort key of index {index.Name}", ItemSize.MaxSortKeyBytes);
                }
            }

            return roles;
        }

        // DynamoDB nests lists and maps up to 32 levels; the service accepts a value inside 31 nested maps and rejects
        // one inside 32 (facts/dynamodb.md §2), so 32 or more containers under a top-level attribute is too deep.
        private void CheckNesting()
        {
            var deepest = (Depth: 0, Member: string.Empty);
            foreach (var member in _model.Root.Members)
            {
                var depth = Depth(member.Shape, new HashSet<string>(StringComparer.Ordinal));
                if (depth > deepest.Depth)
                {
                    deepest = (depth, member.Name);
                }
            }

            _estimate.DeepestNesting = deepest;
        }

        private int Depth(ValueShape shape, HashSet<string> visiting)
        {
            switch (shape.Kind)
            {
                case ShapeKind.Object:
                    if (!visiting.Add(shape.ObjectKey!))
                    {
                        return 0; // a cycle: SLS3006 reports it
                    }

                    var types = new[] { shape.ObjectKey! }.Concat(shape.Derived.Select(d => d.ObjectKey));
                    var inner = types.SelectMany(k => _objects[k].Members).Select(m => m.IsFlattened ? Depth(m.Shape, visiting) - 1 : Depth(m.Shape, visiting)).DefaultIfEmpty(0).Max();
                    visiting.Remove(shape.ObjectKey!);
                    return 1 + inner;
                case ShapeKind.List:
                case ShapeKind.Set:
                    return ConversionRules.SetTypeOf(shape, _model.Conversion) is not null ? 0 : 1 + Depth(shape.Element!, visiting);
                case ShapeKind.Map:
                    return 1 + Depth(shape.Element!, visiting);
                default:
                    return 0;
            }
        }

        /// <summary>A member as stored in a map (1 byte element overhead) or at the top level: name plus value.</summary>
        private long? MemberSize(ObjectModel owner, MemberModel member, bool topLevel)
        {
            if (member.IsFlattened)
            {
                // The nested object's members sit in the owner itself: no map overhead.
                return ObjectMembersSize(_objects[member.Shape.ObjectKey!], topLevel, owner, member);
            }

            var value = topLevel && _keysBoundedByService && ReferenceEquals(owner, _model.Root) && _keyRoles is { } roles && roles.TryGetValue(member.Name, out var key)
                ? KeySize(member, key.Limit)
                : ValueSize(member.Shape, member.Bounds ?? new SizeBounds(), owner, member, element: false);
            return value is null ? null : (topLevel ? 0 : ItemSize.ElementOverhead) + ItemSize.OfString(member.AttributeName) + value;
        }

        // DynamoDB rejects a key value over its limit (partition key 1-2,048 bytes, sort key 1-1,024; Developer Guide,
        // Constraints), so no stored item holds a larger one: an unbounded key counts at the limit, and a declared bound
        // over it (SLS3007) at the limit too.
        private long KeySize(MemberModel member, int limit)
        {
            var declared = DeclaredKeySize(member);
            return declared is { } bytes && bytes < limit ? bytes : limit;
        }

        /// <param name="element">The value is an element of a collection or a dictionary value: its bounds come from
        /// [ItemBounds(ElementMaxLength/ElementMaxCount)], and the diagnostics say so.</param>
        private long? ValueSize(ValueShape shape, SizeBounds bounds, ObjectModel owner, MemberModel member, bool element)
        {
            switch (shape.Kind)
            {
                case ShapeKind.Scalar:
                    return ScalarSize(shape, bounds, owner, member, element);
                case ShapeKind.Converted:
                    return Unbounded(owner, member, "stored through a property converter, whose output size is unknown");
                case ShapeKind.Object:
                    var nested = ObjectSize(_objects[shape.ObjectKey!], owner, member);
                    if (nested is null)
                    {
                        return null;
                    }

                    var derived = shape.Derived.Select(d => DerivedExtra(d, _objects[shape.ObjectKey!], topLevel: false)).Where(b => b.HasValue).Select(b => b!.Value).DefaultIfEmpty(0).Max();
                    return nested + derived;
                case ShapeKind.Map:
                    var entries = bounds.MaxCount >= 0 ? bounds.MaxCount : bounds.MaxLength;
                    if (entries < 0)
                    {
                        return element
                            ? Unbounded(owner, member, "inner dictionaries without [ItemBounds(ElementMaxCount = …)]")
                            : Unbounded(owner, member, "a dictionary without [MaxLength] or [ItemBounds(MaxCount = …)]", member.Bounds is null ? MissingBounds.DictionaryCount : null);
                    }

                    if (bounds.KeyMaxLength < 0)
                    {
                        return Unbounded(owner, member, "dictionary keys without [ItemBounds(KeyMaxLength = …)]");
                    }

                    var entry = ValueSize(shape.Element!, ElementBounds(bounds), owner, member, element: true);
                    return entry is null ? null : ItemSize.ContainerOverhead + (long)entries * (ItemSize.ElementOverhead + (long)bounds.KeyMaxLength * _bytesPerChar + entry.Value);
                default:
                    var count = bounds.MaxCount >= 0 ? bounds.MaxCount : bounds.MaxLength;
                    if (count < 0)
                    {
                        return element
                            ? Unbounded(owner, member, "inner collections without [ItemBounds(ElementMaxCount = …)]")
                            : Unbounded(owner, member, "a collection without [MaxLength] or [ItemBounds(MaxCount = …)]", member.Bounds is null ? MissingBounds.Count : null);
                    }

                    var each = ValueSize(shape.Element!, ElementBounds(bounds), owner, member, element: true);
                    if (each is null)
                    {
                        return null;
                    }

                    return ConversionRules.SetTypeOf(shape, _model.Conversion) is not null
                        ? (long)count * each.Value
                        : ItemSize.ContainerOverhead + (long)count * (ItemSize.ElementOverhead + each.Value);
            }
        }

        // An element's bounds come from [ItemBounds(ElementMaxLength, ElementMaxCount)]; deeper levels have none.
        private static SizeBounds ElementBounds(SizeBounds bounds) =>
            new(MaxLength: bounds.ElementMaxLength, MaxCount: bounds.ElementMaxCount, MaxDigits: bounds.MaxDigits, CanBeNegative: bounds.CanBeNegative);

        private long? ScalarSize(ValueShape shape, SizeBounds bounds, ObjectModel owner, MemberModel member, bool element)
        {
            switch (shape.Scalar)
            {
                case ScalarKind.String:
                    return bounds.MaxLength >= 0
                        ? (long)bounds.MaxLength * _bytesPerChar
                        : element
                            ? Unbounded(owner, member, "string elements without [ItemBounds(ElementMaxLength = …)]")
                            : Unbounded(owner, member, "a string without [MaxLength], [StringLength] or [Length]", member.Bounds is null ? MissingBounds.StringLength : null);
                case ScalarKind.Bytes:
                case ScalarKind.MemoryStream:
                    return bounds.MaxLength >= 0
                        ? bounds.MaxLength
                        : element
                            ? Unbounded(owner, member, "binary elements without [ItemBounds(ElementMaxLength = …)]")
                            : Unbounded(owner, member, "a binary value without [MaxLength] or [ItemBounds(MaxLength = …)]", member.Bounds is null ? MissingBounds.BinaryLength : null);
                case ScalarKind.Char: return _bytesPerChar;
                case ScalarKind.Bool: return _model.Conversion == ConversionSchema.V1 ? ItemSize.WorstCaseNumber(1, false, false) : ItemSize.BoolOrNull;
                case ScalarKind.SByte: return Integer(bounds, 3, true);
                case ScalarKind.Byte: return Integer(bounds, 3, false);
                case ScalarKind.Int16: return Integer(bounds, 5, true);
                case ScalarKind.UInt16: return Integer(bounds, 5, false);
                case ScalarKind.Int32: return Integer(bounds, 10, true);
                case ScalarKind.UInt32: return Integer(bounds, 10, false);
                case ScalarKind.Int64: return Integer(bounds, 19, true);
                case ScalarKind.UInt64: return Integer(bounds, 20, false);
                case ScalarKind.Enum: return EnumSize(shape, bounds);
                case ScalarKind.Single: return ItemSize.WorstCaseNumber(9, true, true);
                case ScalarKind.Double: return ItemSize.WorstCaseNumber(17, true, true);
                case ScalarKind.Decimal: return ItemSize.WorstCaseNumber(29, true, true);
                case ScalarKind.DateTime:
                    // ISO text is 24 bytes; StoreAsEpochLong is a number of at most 12 digits; StoreAsEpoch falls back to text.
                    return shape.Epoch == EpochFormat.SecondsLong ? ItemSize.WorstCaseNumber(12, true, false) : 24;
                case ScalarKind.DateOnly: return 10;          // yyyy-MM-dd
                case ScalarKind.TimeOnly: return 12;          // HH:mm:ss.fff
                case ScalarKind.Guid: return 36;
                case ScalarKind.DateTimeOffset: return 33;    // yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm
                case ScalarKind.TimeSpan: return 26;          // -dddddddd.hh:mm:ss.fffffff
                default: return Unbounded(owner, member, "a value of unknown size");
            }
        }

        private static long EnumSize(ValueShape shape, SizeBounds bounds) => shape.EnumUnderlyingType switch
        {
            "sbyte" => Integer(bounds, 3, true),
            "byte" => Integer(bounds, 3, false),
            "short" => Integer(bounds, 5, true),
            "ushort" => Integer(bounds, 5, false),
            "uint" => Integer(bounds, 10, false),
            "long" => Integer(bounds, 19, true),
            "ulong" => Integer(bounds, 20, false),
            _ => Integer(bounds, 10, true),
        };

        private static long Integer(SizeBounds bounds, int digits, bool signed) =>
            bounds.MaxDigits > 0
                ? ItemSize.WorstCaseNumber(bounds.MaxDigits, signed && bounds.CanBeNegative, false)
                : ItemSize.WorstCaseNumber(digits, signed, false);

        /// <summary>A nested object stored as a map: 3 bytes plus its members. Computed once per type.</summary>
        private long? ObjectSize(ObjectModel model, ObjectModel owner, MemberModel member)
        {
            var members = ObjectMembersSize(model, topLevel: false, owner, member);
            return members is null ? null : ItemSize.ContainerOverhead + members;
        }

        private long? ObjectMembersSize(ObjectModel model, bool topLevel, ObjectModel owner, MemberModel member)
        {
            if (_inProgress.Contains(model.Key))
            {
                _estimate.Recursive.Add(new UnboundedMember(owner.Key, member.Name, model.DisplayName));
                return null;
            }

            if (!topLevel && _objectSizes.TryGetValue(model.Key, out var cached))
            {
                return cached;
            }

            _inProgress.Add(model.Key);
            long? total = 0;
            foreach (var nested in model.Members)
            {
                var size = MemberSize(model, nested, topLevel);
                total = size is null || total is null ? null : total + size;
            }

            _inProgress.Remove(model.Key);
            if (!topLevel)
            {
                _objectSizes[model.Key] = total;
            }

            return total;
        }

        /// <summary>What a derived type adds over its declared type: its own members and the "$type" attribute.</summary>
        private long? DerivedExtra(DerivedTypeModel derived, ObjectModel declared, bool topLevel)
        {
            var derivedModel = _objects[derived.ObjectKey];
            long extra = (topLevel ? 0 : ItemSize.ElementOverhead) + DiscriminatorName + ItemSize.OfString(derived.Discriminator);
            var declaredNames = new HashSet<string>(declared.Members.Select(m => m.Name), StringComparer.Ordinal);
            foreach (var member in derivedModel.Members.Where(m => !declaredNames.Contains(m.Name)))
            {
                var size = MemberSize(derivedModel, member, topLevel);
                if (size is null)
                {
                    return null;
                }

                extra += size.Value;
            }

            return extra;
        }

        private long? Unbounded(ObjectModel owner, MemberModel member, string reason, string? missingBound = null)
        {
            if (!_estimate.Unbounded.Any(u => u.ObjectKey == owner.Key && u.Member == member.Name))
            {
                _estimate.Unbounded.Add(new UnboundedMember(owner.Key, member.Name, reason, missingBound, Grows(member)));
            }

            return null;
        }

        /// <summary>
        /// What grows with use: lists, sets and maps (appended to), binary values, and strings named as free text. A
        /// scalar such as <c>Name</c> or <c>Email</c>, or a value written through a converter, is as large as the data
        /// it describes and does not threaten 400 KB in practice; strict mode reports those too.
        /// </summary>
        private static bool Grows(MemberModel member) => member.Shape switch
        {
            { Kind: ShapeKind.List or ShapeKind.Set or ShapeKind.Map } => true,
            { Kind: ShapeKind.Scalar, Scalar: ScalarKind.Bytes or ScalarKind.MemoryStream } => true,
            { Kind: ShapeKind.Scalar, Scalar: ScalarKind.String } => FreeTextNames.IsFreeText(member.Name) || FreeTextNames.IsFreeText(member.AttributeName),
            _ => false,
        };
    }
}
