using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Sharpless.DynamoDB.Tests.Oracle;

/// <summary>
/// The parity oracle: the AWS SDK's own DynamoDBContext conversion (ToDocument + ToAttributeMap, FromDocument).
/// No network: table metadata fetching is off and the client points at a closed port it never calls.
/// </summary>
public sealed class SdkOracle : IDisposable
{
    private readonly AmazonDynamoDBClient _client;
    private readonly DynamoDBContext _context;

    public SdkOracle(DynamoDBEntryConversion conversion)
    {
        Conversion = conversion;
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("oracle", "oracle"),
            new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "us-east-1" });
        _context = new DynamoDBContextBuilder()
            .WithDynamoDBClient(() => _client)
            .ConfigureContext(c =>
            {
                c.Conversion = conversion;
                c.DisableFetchingTableMetadata = true;
            })
            .Build();
    }

    public DynamoDBEntryConversion Conversion { get; }

    public Dictionary<string, AttributeValue> ToItem<T>(T value) => _context.ToDocument(value).ToAttributeMap(Conversion);

    public T FromItem<T>(Dictionary<string, AttributeValue> item) => _context.FromDocument<T>(Document.FromAttributeMap(item));

    public void Dispose()
    {
        _context.Dispose();
        _client.Dispose();
    }
}
