using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;

namespace Sharpless.DynamoDB.Tests.Models;

/// <summary>The same members as <see cref="Order"/> (inherited), stored with conversion V2 and camelCase names.</summary>
[DynamoDBTable("OrdersV2", CaseMode.CamelCase, ConversionSchema.V2)]
public class OrderV2 : Order
{
}
