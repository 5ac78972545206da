namespace Sharpless.DynamoDB
{
    /// <summary>Metadata names of the AWS SDK's object persistence attributes (AWSSDK.DynamoDBv2, Amazon.DynamoDBv2.DataModel).</summary>
    internal static class DynamoDBTypeNames
    {
        public const string Table = "Amazon.DynamoDBv2.DataModel.DynamoDBTableAttribute";
        public const string Renamable = "Amazon.DynamoDBv2.DataModel.DynamoDBRenamableAttribute";
        public const string Property = "Amazon.DynamoDBv2.DataModel.DynamoDBPropertyAttribute";
        public const string HashKey = "Amazon.DynamoDBv2.DataModel.DynamoDBHashKeyAttribute";
        public const string RangeKey = "Amazon.DynamoDBv2.DataModel.DynamoDBRangeKeyAttribute";
        public const string GlobalSecondaryIndexHashKey = "Amazon.DynamoDBv2.DataModel.DynamoDBGlobalSecondaryIndexHashKeyAttribute";
        public const string GlobalSecondaryIndexRangeKey = "Amazon.DynamoDBv2.DataModel.DynamoDBGlobalSecondaryIndexRangeKeyAttribute";
        public const string LocalSecondaryIndexRangeKey = "Amazon.DynamoDBv2.DataModel.DynamoDBLocalSecondaryIndexRangeKeyAttribute";
        public const string Ignore = "Amazon.DynamoDBv2.DataModel.DynamoDBIgnoreAttribute";
        public const string Version = "Amazon.DynamoDBv2.DataModel.DynamoDBVersionAttribute";
        public const string Flatten = "Amazon.DynamoDBv2.DataModel.DynamoDBFlattenAttribute";
        public const string PolymorphicType = "Amazon.DynamoDBv2.DataModel.DynamoDBPolymorphicTypeAttribute";
        public const string Constructor = "Amazon.DynamoDBv2.DataModel.DynamoDBConstructorAttribute";
        public const string PropertyConverter = "Amazon.DynamoDBv2.DataModel.IPropertyConverter";
        public const string AttributeValue = "Amazon.DynamoDBv2.Model.AttributeValue";
        public const string MemoryStream = "System.IO.MemoryStream";
    }
}
