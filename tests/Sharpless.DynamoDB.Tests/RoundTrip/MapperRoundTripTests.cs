using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using Sharpless.DynamoDB.Tests.Dynalite;
using Sharpless.DynamoDB.Tests.Models;
using Sharpless.DynamoDB.Tests.Oracle;

namespace Sharpless.DynamoDB.Tests.RoundTrip;

/// <summary>
/// The generated mappers against a real DynamoDB API (dynalite) on thousands of seeded random models: what the mapper
/// writes is accepted and comes back attribute for attribute, the mapper reads what DynamoDBContext saved, and
/// DynamoDBContext reads what the mapper wrote.
/// </summary>
[Collection(DynaliteCollection.Name)]
[Trait("Category", "DynamoDB")]
public sealed class MapperRoundTripTests(DynaliteServer server)
{
    const int MaxItemSize = 409_600;
    const int Parallelism = 16;
    const int BatchSize = 25; // BatchWriteItem's limit
    const int BatchParallelism = 4;

    static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    /// <summary>The mapper's view of one conversion: the model type and its generated mapper.</summary>
    sealed record Mapping<T>(
        string Table,
        string HashKey,
        bool ListsAreSets,
        Func<T, Dictionary<string, AttributeValue>> ToItem,
        Func<IReadOnlyDictionary<string, AttributeValue>, T> FromItem,
        Func<string, int, Dictionary<string, AttributeValue>> ToKey,
        DynamoDBEntryConversion Conversion)
        where T : Order, new();

    static readonly Mapping<Order> V1 = new(OrderMapper.TableName, OrderMapper.Attributes.Id, ListsAreSets: true, OrderMapper.ToItem, OrderMapper.FromItem, OrderMapper.ToKey, DynamoDBEntryConversion.V1);

    static readonly Mapping<OrderV2> V2 = new(OrderV2Mapper.TableName, OrderV2Mapper.Attributes.Id, ListsAreSets: false, OrderV2Mapper.ToItem, OrderV2Mapper.FromItem, OrderV2Mapper.ToKey, DynamoDBEntryConversion.V2);

    async Task EnsureTablesAsync()
    {
        await server.EnsureTableAsync(OrderMapper.TableName, OrderMapper.Attributes.Id, ScalarAttributeType.S, OrderMapper.Attributes.Version, ScalarAttributeType.N);
        await server.EnsureTableAsync(OrderV2Mapper.TableName, OrderV2Mapper.Attributes.Id, ScalarAttributeType.S, OrderV2Mapper.Attributes.Version, ScalarAttributeType.N);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. Mapper → dynalite → mapper
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public Task V1_MapperWrites_DynaliteStoresExactly_MapperReadsBack() => MapperRoundTripAsync(V1, seeds: 2000);

    [Fact]
    public Task V2_MapperWrites_DynaliteStoresExactly_MapperReadsBack() => MapperRoundTripAsync(V2, seeds: 1000);

    /// <summary>
    /// Writes with BatchWriteItem and reads with BatchGetItem, 25 seeds a batch (a few thousand single requests
    /// would take several times longer). A batch dynalite refuses is retried item by item with PutItem, so a rejected
    /// item fails with its own seed and message.
    /// </summary>
    async Task MapperRoundTripAsync<T>(Mapping<T> mapping, int seeds)
        where T : Order, new()
    {
        await EnsureTablesAsync();
        var failures = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, seeds).Chunk(BatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = BatchParallelism },
            async (chunk, _) =>
            {
                var batch = new List<(int Seed, T Order, Dictionary<string, AttributeValue> Written)>();
                foreach (var seed in chunk)
                {
                    await RecordAsync(failures, seed, () =>
                    {
                        var order = Create<T>(seed, "rt");
                        batch.Add((seed, order, mapping.ToItem(order)));
                        return Task.FromResult<string?>(null);
                    });
                }

                var stored = await WriteBatchAsync(mapping.Table, batch.Select(c => (c.Seed, c.Written)).ToList(), failures);
                var read = await GetBatchAsync(mapping.Table, mapping.HashKey, batch.Where(c => stored.Contains(c.Seed)).Select(c => mapping.ToKey(c.Order.Id, c.Order.Version)).ToList());
                foreach (var (seed, order, written) in batch.Where(c => stored.Contains(c.Seed)))
                {
                    await RecordAsync(failures, seed, () => Task.FromResult(Check(order, written)));
                }

                string? Check(T order, Dictionary<string, AttributeValue> written)
                {
                    if (!read.TryGetValue(order.Id, out var item))
                    {
                        return "BatchGetItem did not return the item";
                    }

                    // DynamoDB stores a number's value, not its text ("123.4500" comes back "123.45", "1.5e-07" as "0.00000015").
                    var differences = AttributeValues.Differences(WithCanonicalNumbers(written), WithCanonicalNumbers(item));
                    if (differences.Count > 0)
                    {
                        return "stored item differs from the written one:\n  " + string.Join("\n  ", differences);
                    }

                    var expected = Canonical(mapping.FromItem(mapping.ToItem(order)), mapping.ListsAreSets);
                    var actual = Canonical(mapping.FromItem(item), mapping.ListsAreSets);
                    return expected == actual ? null : $"FromItem(stored) differs from FromItem(ToItem(x)):\n  expected {expected}\n  actual   {actual}";
                }
            });

        AssertNoFailures(new SortedDictionary<int, string>(failures), seeds);
    }

    /// <summary>BatchWriteItem (unprocessed items resent); when dynalite refuses the batch, PutItem one by one. Returns the seeds stored.</summary>
    async Task<HashSet<int>> WriteBatchAsync(string table, List<(int Seed, Dictionary<string, AttributeValue> Item)> batch, ConcurrentDictionary<int, string> failures)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        try
        {
            var requests = new Dictionary<string, List<WriteRequest>>
            {
                [table] = batch.Select(c => new WriteRequest { PutRequest = new PutRequest { Item = c.Item } }).ToList(),
            };
            while (requests.Count > 0)
            {
                var response = await server.Client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = requests });
                requests = response.UnprocessedItems is { Count: > 0 } unprocessed ? unprocessed : [];
            }

            return batch.Select(c => c.Seed).ToHashSet();
        }
        catch (AmazonDynamoDBException)
        {
            var stored = new HashSet<int>();
            foreach (var (seed, item) in batch)
            {
                try
                {
                    await PutAsync(table, item);
                    stored.Add(seed);
                }
                catch (Exception ex)
                {
                    failures[seed] = $"PutItem rejected the mapper's item: {ex.GetType().Name}: {ex.Message}";
                }
            }

            return stored;
        }
    }

    /// <summary>BatchGetItem with consistent reads (unprocessed keys asked again), keyed by the hash key value.</summary>
    async Task<Dictionary<string, Dictionary<string, AttributeValue>>> GetBatchAsync(string table, string hashKey, List<Dictionary<string, AttributeValue>> keys)
    {
        var items = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        var requests = keys.Count == 0 ? [] : new Dictionary<string, KeysAndAttributes>
        {
            [table] = new KeysAndAttributes { Keys = keys, ConsistentRead = true },
        };
        while (requests.Count > 0)
        {
            var response = await server.Client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = requests });
            foreach (var item in response.Responses?.GetValueOrDefault(table) ?? [])
            {
                items[item[hashKey].S] = item;
            }

            requests = response.UnprocessedKeys is { Count: > 0 } unprocessed ? unprocessed : [];
        }

        return items;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. DynamoDBContext writes, mapper reads
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public Task V1_SdkWrites_MapperReadsLikeTheSdk() => SdkWritesMapperReadsAsync(V1, seeds: 300);

    [Fact]
    public Task V2_SdkWrites_MapperReadsLikeTheSdk() => SdkWritesMapperReadsAsync(V2, seeds: 300);

    async Task SdkWritesMapperReadsAsync<T>(Mapping<T> mapping, int seeds)
        where T : Order, new()
    {
        await EnsureTablesAsync();
        using var context = server.CreateContext(mapping.Conversion);
        var failures = await ForEachSeedAsync(seeds, async seed =>
        {
            var order = Create<T>(seed, "sdk");
            await context.SaveAsync(order);

            var stored = await GetAsync(mapping.Table, mapping.ToKey(order.Id, order.Version));
            var loaded = await context.LoadAsync<T>(order.Id, order.Version, new LoadConfig { ConsistentRead = true });
            if (loaded is null)
            {
                return "LoadAsync found no item";
            }

            var expected = Canonical(loaded, mapping.ListsAreSets);
            var actual = Canonical(mapping.FromItem(stored), mapping.ListsAreSets);
            return expected == actual ? null : $"mapper FromItem differs from LoadAsync:\n  sdk    {expected}\n  mapper {actual}";
        });

        AssertNoFailures(failures, seeds);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. Mapper writes, DynamoDBContext reads
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public Task V1_MapperWrites_SdkReadsLikeTheMapper() => MapperWritesSdkReadsAsync(V1, seeds: 300);

    [Fact]
    public Task V2_MapperWrites_SdkReadsLikeTheMapper() => MapperWritesSdkReadsAsync(V2, seeds: 300);

    async Task MapperWritesSdkReadsAsync<T>(Mapping<T> mapping, int seeds)
        where T : Order, new()
    {
        await EnsureTablesAsync();
        using var context = server.CreateContext(mapping.Conversion);
        var failures = await ForEachSeedAsync(seeds, async seed =>
        {
            var order = Create<T>(seed, "map");
            await PutAsync(mapping.Table, mapping.ToItem(order));

            var loaded = await context.LoadAsync<T>(order.Id, order.Version, new LoadConfig { ConsistentRead = true });
            if (loaded is null)
            {
                return "LoadAsync found no item";
            }

            var expected = Canonical(mapping.FromItem(mapping.ToItem(order)), mapping.ListsAreSets);
            var actual = Canonical(loaded, mapping.ListsAreSets);
            return expected == actual ? null : $"LoadAsync differs from FromItem(ToItem(x)):\n  mapper {expected}\n  sdk    {actual}";
        });

        AssertNoFailures(failures, seeds);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. GetItemSize at the 400 KB boundary
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// GetItemSize is exact at DynamoDB's limit: an item of exactly 409,600 bytes is accepted, 409,601 is rejected.
    /// Only ASCII text: dynalite measures strings in UTF-16 code units rather than UTF-8 bytes, so it agrees with
    /// DynamoDB (and with GetItemSize) only where the two coincide.
    /// </summary>
    [Fact]
    public async Task GetItemSize_IsExactAtThe400KBLimit()
    {
        await EnsureTablesAsync();

        // Default-valued members are still written (Version 0, Paid N "0", DateTime.MinValue, Guid.Empty, …), so the
        // fixed overhead comes from GetItemSize itself: a one-character description costs one byte over the rest.
        var overhead = OrderMapper.GetItemSize(SizedOrder(1)) - 1;
        var fits = MaxItemSize - overhead;

        var largest = SizedOrder(fits);
        Assert.Equal(MaxItemSize, OrderMapper.GetItemSize(largest));
        await server.Client.PutItemAsync(new PutItemRequest { TableName = OrderMapper.TableName, Item = OrderMapper.ToItem(largest) });
        var stored = await GetAsync(OrderMapper.TableName, OrderMapper.ToKey(largest.Id, largest.Version));
        Assert.Equal(fits, stored[OrderMapper.Attributes.Description].S.Length);

        var tooLarge = SizedOrder(fits + 1);
        Assert.Equal(MaxItemSize + 1, OrderMapper.GetItemSize(tooLarge));
        var rejected = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(
            () => server.Client.PutItemAsync(new PutItemRequest { TableName = OrderMapper.TableName, Item = OrderMapper.ToItem(tooLarge) }));
        Assert.Contains("Item size has exceeded the maximum allowed size", rejected.Message, StringComparison.Ordinal);

        static Order SizedOrder(int descriptionLength) => new()
        {
            Id = "size-boundary",
            Version = 400,
            Description = new string('x', descriptionLength),
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. The double range ToItem accepts is the one DynamoDB stores
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// ToItem refuses exactly the doubles DynamoDB refuses (magnitude below 1e-130 or from 1e126 on): the extremes it
    /// accepts are stored and read back unchanged, and the values just past them, written raw as DynamoDBContext would
    /// ("R" text), are rejected by dynalite.
    /// </summary>
    [Fact]
    public async Task DoubleRange_OfToItem_MatchesWhatDynamoDBStores()
    {
        await EnsureTablesAsync();
        double[] values =
        [
            1e-130, -1e-130, Math.BitDecrement(1e126), -Math.BitDecrement(1e126), 1e-129, -9.9e125,
            Math.BitDecrement(1e-130), -Math.BitDecrement(1e-130), 1e126, -1e126, double.Epsilon, double.MaxValue,
        ];
        var disagreements = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            var order = new Order { Id = "double-range-" + i, Version = i, Double = value };

            Dictionary<string, AttributeValue>? item = null;
            try
            {
                item = OrderMapper.ToItem(order);
            }
            catch (ArgumentOutOfRangeException)
            {
            }

            string? rejection = null;
            try
            {
                var raw = OrderMapper.ToKey("double-range-raw-" + i, i);
                raw[OrderMapper.Attributes.Double] = new AttributeValue { N = text };
                await PutAsync(OrderMapper.TableName, raw);
            }
            catch (AmazonDynamoDBException ex)
            {
                rejection = ex.Message;
            }

            if ((item is null) != (rejection is not null))
            {
                disagreements.Add($"{text}: ToItem {(item is null ? "throws" : "accepts")}, dynalite {(rejection is null ? "stores it" : "rejects it: " + rejection)}");
            }
            else if (item is not null)
            {
                await PutAsync(OrderMapper.TableName, item);
                var stored = await GetAsync(OrderMapper.TableName, OrderMapper.ToKey(order.Id, order.Version));
                var readBack = OrderMapper.FromItem(stored).Double;
                if (readBack != value)
                {
                    disagreements.Add($"{text}: stored as N {stored[OrderMapper.Attributes.Double].N}, read back as {readBack.ToString("R", CultureInfo.InvariantCulture)}");
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>A seeded random order whose key is unique to the seed and the test (items never overwrite each other).</summary>
    static T Create<T>(int seed, string test)
        where T : Order, new()
    {
        var order = RandomOrders.Create<T>(seed);
        order.Id = $"{test}-{seed}-{order.Id}";
        return order;
    }

    async Task PutAsync(string table, Dictionary<string, AttributeValue> item) =>
        await server.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });

    async Task<Dictionary<string, AttributeValue>> GetAsync(string table, Dictionary<string, AttributeValue> key)
    {
        var response = await server.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true });
        return response.IsItemSet ? response.Item : throw new InvalidOperationException("GetItem found no item for key " + Describe(key));
    }

    /// <summary>
    /// Runs <paramref name="check"/> for seeds 0..n-1, <see cref="Parallelism"/> at a time. A check returns null when
    /// it passes or a description of the failure; an exception (dynalite rejecting an item, a read failing) is a
    /// failure of its seed. Every failure is collected with its seed, none is skipped.
    /// </summary>
    static async Task<SortedDictionary<int, string>> ForEachSeedAsync(int seeds, Func<int, Task<string?>> check)
    {
        var failures = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, seeds),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (seed, _) => await RecordAsync(failures, seed, () => check(seed)));
        return new SortedDictionary<int, string>(failures);
    }

    /// <summary>Runs one seed's check and records its failure (a description or an exception) under the seed.</summary>
    static async Task RecordAsync(ConcurrentDictionary<int, string> failures, int seed, Func<Task<string?>> check)
    {
        try
        {
            if (await check() is { } failure)
            {
                failures[seed] = failure;
            }
        }
        catch (Exception ex)
        {
            failures[seed] = $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    static void AssertNoFailures(SortedDictionary<int, string> failures, int seeds) =>
        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of {seeds} seeds failed:\n" + string.Join("\n", failures.Take(20).Select(f => $"seed {f.Key}: {f.Value}")));

    /// <summary>
    /// The model as JSON (fields included), after putting in order what DynamoDB does not keep: a decimal's scale,
    /// the order of a set's members (SS/NS, and under V1 every list of scalars, which V1 stores as a set) and of a
    /// map's keys. Rewrites the order's members, so pass a model nobody else uses.
    /// </summary>
    static string Canonical(Order order, bool listsAreSets)
    {
        // DynamoDB keeps a number's value, not a decimal's scale: 123.4500m comes back as 123.45m.
        order.Total = WithoutTrailingZeros(order.Total);
        foreach (var line in order.Lines ?? [])
        {
            line.Price = WithoutTrailingZeros(line.Price);
        }

        order.Labels = SortedSet(order.Labels);
        order.Numbers = SortedSet(order.Numbers);
        order.Counters = SortedMap(order.Counters);
        order.Metadata = SortedMap(order.Metadata);
        order.Groups = SortedMap(order.Groups);
        if (listsAreSets)
        {
            order.Tags = SortedList(order.Tags);
            order.Aliases = SortedList(order.Aliases?.ToList())?.ToArray();
            order.Quantities = SortedList(order.Quantities);
            order.Matrix = order.Matrix?.Select(row => SortedList(row)!).ToList();
            order.Groups = order.Groups?.ToDictionary(g => g.Key, g => SortedList(g.Value)!);
            foreach (var line in order.Lines ?? [])
            {
                line.Notes = SortedList(line.Notes);
            }
        }

        return JsonSerializer.Serialize(order, order.GetType(), Json);

        static HashSet<TItem>? SortedSet<TItem>(HashSet<TItem>? set) => set is null ? null : [.. set.Order(Ordinal<TItem>())];

        static Dictionary<string, TValue>? SortedMap<TValue>(Dictionary<string, TValue>? map) =>
            map?.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToDictionary(entry => entry.Key, entry => entry.Value);

        static List<TItem>? SortedList<TItem>(List<TItem>? list) => list?.Order(Ordinal<TItem>()).ToList();

        // Ordinal for strings: a culture comparison can call distinct strings equal and leave them in input order.
        static IComparer<TItem> Ordinal<TItem>() =>
            typeof(TItem) == typeof(string) ? (IComparer<TItem>)(object)StringComparer.Ordinal : Comparer<TItem>.Default;
    }

    static decimal WithoutTrailingZeros(decimal value) =>
        decimal.Parse(CanonicalNumber(value.ToString(CultureInfo.InvariantCulture)), NumberStyles.Float, CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------------------------------------------------------
    // Numbers as DynamoDB sees them
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// The item with every number (N and NS members, at any depth) in canonical form. DynamoDB stores numbers, not
    /// their text, and returns them without exponent, leading or trailing zeros (dynalite: big.js <c>toFixed()</c>).
    /// </summary>
    static Dictionary<string, AttributeValue> WithCanonicalNumbers(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.ToDictionary(entry => entry.Key, entry => WithCanonicalNumbers(entry.Value));

    static AttributeValue WithCanonicalNumbers(AttributeValue value) => AttributeValues.Kind(value) switch
    {
        "N" => new AttributeValue { N = CanonicalNumber(value.N) },
        "NS" => new AttributeValue { NS = value.NS.Select(CanonicalNumber).ToList() },
        "L" => new AttributeValue { L = value.L.Select(WithCanonicalNumbers).ToList() },
        "M" => new AttributeValue { M = WithCanonicalNumbers(value.M) },
        _ => value,
    };

    /// <summary>A number's text as DynamoDB returns it: no exponent, no leading or trailing zeros, "0" for any zero.</summary>
    static string CanonicalNumber(string text)
    {
        var rest = text.Trim();
        var negative = rest.StartsWith('-');
        rest = rest.TrimStart('-', '+');

        var exponent = 0;
        var e = rest.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(rest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            rest = rest[..e];
        }

        var dot = rest.IndexOf('.');
        var digits = dot < 0 ? rest : rest[..dot] + rest[(dot + 1)..];
        var point = (dot < 0 ? rest.Length : dot) + exponent; // how many of the digits stand before the decimal point
        var trimmed = digits.TrimStart('0');
        point -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var plain = point <= 0 ? "0." + new string('0', -point) + digits
            : point >= digits.Length ? digits + new string('0', point - digits.Length)
            : digits[..point] + "." + digits[point..];
        return negative ? "-" + plain : plain;
    }

    static string Describe(Dictionary<string, AttributeValue> item) =>
        "{" + string.Join(", ", item.Select(entry => entry.Key + ": " + AttributeValues.Describe(entry.Value))) + "}";
}
