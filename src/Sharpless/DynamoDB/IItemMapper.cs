using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Sharpless.DynamoDB
{
    /// <summary>
    /// A generated DynamoDB mapper as an object, for generic code (repositories, batch writers) that works with any
    /// model without reflection: <c>OrderMapper.Instance</c> is an <c>IItemMapper&lt;Order&gt;</c>.
    /// Using it requires a reference to AWSSDK.DynamoDBv2 4.x, which every project with mapped models has.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    public interface IItemMapper<T>
    {
        /// <summary>The table name from <c>[DynamoDBTable]</c>.</summary>
        string TableName { get; }

        /// <summary>The attribute map PutItem expects, as DynamoDBContext would store the value.</summary>
        Dictionary<string, AttributeValue> ToItem(T value);

        /// <summary>Reads an item back into the model.</summary>
        /// <exception cref="ItemMappingException">An attribute holds a value of the wrong type or an unreadable value.</exception>
        T FromItem(IReadOnlyDictionary<string, AttributeValue> item);

        /// <summary>The primary key attributes of the value (GetItem, DeleteItem, UpdateItem).</summary>
        Dictionary<string, AttributeValue> KeyOf(T value);

        /// <summary>The item's size in bytes by DynamoDB's rules.</summary>
        int GetItemSize(T value);
    }
}
