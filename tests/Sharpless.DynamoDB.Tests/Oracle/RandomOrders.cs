using System.Text;
using Sharpless.DynamoDB.Tests.Models;

namespace Sharpless.DynamoDB.Tests.Oracle;

/// <summary>
/// Seeded random <see cref="Order"/>s that reach every branch of the mapping: nulls, empty strings and collections,
/// extremes, non-ASCII text, sub-millisecond times, undefined enum values, nesting.
/// </summary>
public static class RandomOrders
{
    public static T Create<T>(int seed)
        where T : Order, new()
    {
        var random = new Random(seed);
        var order = new T
        {
            Id = Text(random, allowEmpty: false)!,
            Version = random.Next(int.MinValue, int.MaxValue),
            CustomerId = Maybe(random, () => Text(random)),
            Description = Text(random),
            Grade = (char)random.Next('A', 'Z' + 1),
            Paid = random.Next(2) == 0,
            Archived = Maybe(random, () => (bool?)(random.Next(2) == 0)),
            Small = (sbyte)random.Next(sbyte.MinValue, sbyte.MaxValue + 1),
            Tiny = (byte)random.Next(256),
            Short = (short)random.Next(short.MinValue, short.MaxValue + 1),
            UShort = (ushort)random.Next(ushort.MaxValue + 1),
            UInt = (uint)random.NextInt64(uint.MaxValue + 1L),
            Long = Pick(random, long.MinValue, long.MaxValue, 0L, random.NextInt64()),
            ULong = Pick(random, ulong.MaxValue, 0UL, (ulong)random.NextInt64()),
            Float = Pick(random, 1.1f, 0f, float.MaxValue, -float.Epsilon, (float)random.NextDouble() * 1000),
            Double = Pick(random, 0.1 + 0.2, 0.0, -1.5e-7, 123456789.123, 1e-129, -9.9e125, random.NextDouble() * Math.Pow(10, random.Next(-20, 20))),
            Total = Pick(random, 123.4500m, 0m, -0.01m, decimal.MaxValue, Math.Round((decimal)random.NextDouble() * 10000, random.Next(0, 6))),
            MaybeCount = Maybe(random, () => (int?)random.Next()),
            CreatedAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 3650)),
            ShippedAt = Maybe(random, () => (DateTime?)new DateTime(2024, 2, 29, 23, 59, 59, 999, DateTimeKind.Utc)),
            DueDate = DateOnly.FromDayNumber(random.Next(700000, 800000)),
            Cutoff = new TimeOnly(random.Next(24), random.Next(60), random.Next(60), random.Next(1000)),
            Reference = new Guid(Bytes(random, 16)),
            Status = (OrderStatus)random.Next(0, 4), // 3 is not a declared value: stored as its number all the same
            Options = (Flags)random.Next(0, 4),
            Signature = Maybe(random, () => Bytes(random, random.Next(0, 40))),
            Tags = Maybe(random, () => Distinct(random, () => Text(random, allowEmpty: false)!)),
            Aliases = Maybe(random, () => Distinct(random, () => Text(random, allowEmpty: false)!).ToArray()),
            Quantities = Maybe(random, () => Distinct(random, () => random.Next(-1000, 1000))),
            Labels = Maybe(random, () => Distinct(random, () => Text(random, allowEmpty: false)!).ToHashSet()),
            Numbers = Maybe(random, () => Distinct(random, () => random.Next()).ToHashSet()),
            History = Maybe(random, () => List(random, () => (OrderStatus)random.Next(3))),
            Counters = Maybe(random, () => Distinct(random, () => Text(random, allowEmpty: false)!).ToDictionary(k => k, _ => random.Next())),
            Metadata = Maybe(random, () => Distinct(random, () => Text(random, allowEmpty: false)!).ToDictionary(k => k, _ => Text(random, allowEmpty: false)!)),
            Shipping = Maybe(random, () => new Address { Street = Text(random), City = Text(random), Zip = random.Next(100000) }),
            Lines = Maybe(random, () => List(random, () => new OrderLine
            {
                Sku = Text(random, allowEmpty: false)!,
                Quantity = random.Next(1, 100),
                Price = Math.Round((decimal)random.NextDouble() * 100, 2),
                Notes = Maybe(random, () => Distinct(random, () => Text(random, allowEmpty: false)!)),
            })),
            Matrix = Maybe(random, () => List(random, () => Distinct(random, () => random.Next(100)))),
            Groups = Maybe(random, () => Distinct(random, () => Text(random, allowEmpty: false)!).ToDictionary(k => k, _ => Distinct(random, () => Text(random, allowEmpty: false)!))),
            Transient = Text(random),
            PublicField = Text(random) ?? "",
        };
        return order;
    }

    private static T? Maybe<T>(Random random, Func<T> create) => random.Next(5) == 0 ? default : create();

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private static List<T> List<T>(Random random, Func<T> create) => Enumerable.Range(0, random.Next(0, 5)).Select(_ => create()).ToList();

    // Sets reject duplicates, and conversion V1 stores lists of scalars as sets.
    private static List<T> Distinct<T>(Random random, Func<T> create) => List(random, create).Distinct().ToList();

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static readonly string[] Alphabet = ["a", "Z", "0", " ", "é", "ß", "日本", "😀", "\"", "\\", "\n", "-", "_"];

    private static string? Text(Random random, bool allowEmpty = true)
    {
        var length = random.Next(allowEmpty ? 0 : 1, 12);
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }
}
