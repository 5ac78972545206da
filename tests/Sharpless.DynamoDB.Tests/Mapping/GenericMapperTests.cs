using Amazon.DynamoDBv2.Model;
using Sharpless.DynamoDB.Tests.Models;

namespace Sharpless.DynamoDB.Tests.Mapping;

/// <summary>IItemMapper&lt;T&gt; lets generic code use any generated mapper without reflection.</summary>
public sealed class GenericMapperTests
{
    private static (string Table, Dictionary<string, AttributeValue> Key, Dictionary<string, AttributeValue> Item) Describe<T>(IItemMapper<T> mapper, T value) =>
        (mapper.TableName, mapper.KeyOf(value), mapper.ToItem(value));

    [Fact]
    public void Instance_ExposesTheStaticMapper()
    {
        var order = new Order { Id = "o-9", Version = 4, Description = "gift" };

        var (table, key, item) = Describe(OrderMapper.Instance, order);

        Assert.Equal("Orders", table);
        Assert.Equal(["pk", "Version"], key.Keys.Order());
        Assert.Equal("o-9", key["pk"].S);
        Assert.Equal("4", key["Version"].N);
        Assert.Equal("gift", item["desc"].S);
        Assert.Equal(OrderMapper.GetItemSize(order), OrderMapper.Instance.GetItemSize(order));
        Assert.Equal("gift", OrderMapper.Instance.FromItem(item).Description);
    }

    [Fact]
    public void Constants_NameTheStoredAttributes()
    {
        Assert.Equal("pk", OrderMapper.Attributes.Id);
        Assert.Equal("desc", OrderMapper.Attributes.Description);
        Assert.Equal("ByCustomer", OrderMapper.Indexes.ByCustomer);
        Assert.Equal("customerId", OrderV2Mapper.Attributes.CustomerId);   // camelCase
        Assert.Equal("pk", OrderV2Mapper.Attributes.Id);                   // an explicit name is kept as written
        Assert.Equal("c-1", OrderMapper.ToByCustomerKey("c-1")["CustomerId"].S);
    }
}
