using Amazon.DynamoDBv2.DataModel;

namespace Sharpless.DynamoDB.Tests.Models;

/// <summary>[DynamoDBPolymorphicType]: on the type (every Animal) and on a member (that member only).</summary>
[DynamoDBTable("Owners")]
public class Owner
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    public Animal? Favourite { get; set; }

    public List<Animal>? Pets { get; set; }

    [DynamoDBPolymorphicType("truck", typeof(Truck))]
    public Vehicle? Ride { get; set; }
}

[DynamoDBPolymorphicType("dog", typeof(Dog))]
[DynamoDBPolymorphicType("cat", typeof(Cat))]
[DynamoDBPolymorphicType("puppy", typeof(Puppy))]
public class Animal
{
    public string? Name { get; set; }
}

public class Dog : Animal
{
    public bool GoodBoy { get; set; }
}

public class Puppy : Dog
{
    public int AgeWeeks { get; set; }
}

public class Cat : Animal
{
    public int Lives { get; set; }
}

public class Vehicle
{
    public int Wheels { get; set; }
}

public class Truck : Vehicle
{
    public decimal Payload { get; set; }
}

/// <summary>A polymorphic table: every item is a Vehicle, some are stored as trucks.</summary>
[DynamoDBTable("Fleet")]
[DynamoDBPolymorphicType("truck", typeof(FleetTruck))]
public class FleetVehicle
{
    [DynamoDBHashKey]
    public string Plate { get; set; } = "";

    public int Wheels { get; set; }
}

public class FleetTruck : FleetVehicle
{
    public decimal Payload { get; set; }
}
