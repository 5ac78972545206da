namespace Sharpless.DynamoDB.Tests.Dynalite;

/// <summary>
/// Tests that talk to a real DynamoDB API: mark the class <c>[Collection("Dynalite")]</c> and take a
/// <see cref="DynaliteServer"/> in the constructor. One in-memory dynalite server serves the whole test run; tests
/// in the collection run one class at a time, and each test creates its own tables
/// (<see cref="DynaliteServer.CreateTableAsync"/>) so nothing depends on order.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DynaliteCollection : ICollectionFixture<DynaliteServer>
{
    public const string Name = "Dynalite";
}
