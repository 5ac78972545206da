using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sharpless.DynamoDB.Tests.Models;
using Sharpless.DynamoDB.Tests.Oracle;

namespace Sharpless.DynamoDB.Tests.Mapping;

/// <summary>[DynamoDBPolymorphicType] against DynamoDBContext: derived objects carry "$type", the declared type does not.</summary>
public sealed class PolymorphicTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private static Owner Sample() => new()
    {
        Id = "o-1",
        Favourite = new Puppy { Name = "Rex", GoodBoy = true, AgeWeeks = 9 },
        Pets = [new Dog { Name = "Fido", GoodBoy = false }, new Cat { Name = "Tom", Lives = 7 }, new Animal { Name = "Generic" }],
        Ride = new Truck { Wheels = 6, Payload = 12.5m },
    };

    [Fact]
    public void ToItem_MatchesDynamoDBContext()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var owner = Sample();

        var expected = oracle.ToItem(owner);
        var actual = OwnerMapper.ToItem(owner);

        Assert.Empty(AttributeValues.Differences(expected, actual));
        Assert.Equal("puppy", actual["Favourite"].M["$type"].S);
        Assert.False(actual["Pets"].L[2].M.ContainsKey("$type"));
    }

    [Fact]
    public void FromItem_CreatesTheDerivedTypes_LikeDynamoDBContext()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var item = oracle.ToItem(Sample());

        var read = OwnerMapper.FromItem(item);
        var sdk = oracle.FromItem<Owner>(item);

        Assert.IsType<Puppy>(read.Favourite);
        Assert.Equal([typeof(Dog), typeof(Cat), typeof(Animal)], read.Pets!.Select(p => p.GetType()));
        Assert.IsType<Truck>(read.Ride);
        Assert.Equal(Describe(sdk), Describe(read));
    }

    [Fact]
    public void UnknownDiscriminator_NamesTheDeclaredOnes()
    {
        var item = OwnerMapper.ToItem(Sample());
        item["Pets"].L[1].M["$type"] = new AttributeValue { S = "parrot" };

        var error = Assert.Throws<ItemMappingException>(() => OwnerMapper.FromItem(item));

        Assert.Equal("Pets[1].$type", error.AttributePath);
        Assert.Equal("a declared type discriminator (cat, dog, puppy)", error.Expected);
        Assert.Equal("S \"parrot\"", error.Found);
    }

    // The runtime types and their stored members, for comparing two object graphs.
    private static string Describe(Owner owner) =>
        string.Join(" | ", new object?[] { owner.Favourite, owner.Ride }.Concat(owner.Pets ?? [])
            .Select(o => o is null ? "null" : o.GetType().Name + JsonSerializer.Serialize(o, o.GetType(), Json)));
}

/// <summary>[DynamoDBPolymorphicType] on the table type itself.</summary>
public sealed class PolymorphicTableTests
{
    [Fact]
    public void DerivedItems_MatchDynamoDBContext_BothWays()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        FleetVehicle[] vehicles = [new FleetTruck { Plate = "T-1", Wheels = 6, Payload = 7.5m }, new FleetVehicle { Plate = "C-1", Wheels = 4 }];

        foreach (var vehicle in vehicles)
        {
            var expected = oracle.ToItem(vehicle);
            Assert.Empty(AttributeValues.Differences(expected, FleetVehicleMapper.ToItem(vehicle)));

            var read = FleetVehicleMapper.FromItem(expected);
            Assert.Equal(oracle.FromItem<FleetVehicle>(expected).GetType(), read.GetType());
            Assert.Equal(vehicle.Wheels, read.Wheels);
        }

        Assert.Equal(7.5m, ((FleetTruck)FleetVehicleMapper.FromItem(FleetVehicleMapper.ToItem(vehicles[0]))).Payload);
    }
}
