using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Sharpless;

namespace OrdersApi;

/// <summary>
/// The one container, built by the generated router during INIT (once per execution environment). Everything here is
/// a singleton: the DynamoDB client keeps its connections and credentials warm across invocations.
/// </summary>
[LambdaStartup]
public sealed class Startup
{
    public static void ConfigureServices(IServiceCollection services)
    {
        var settings = OrdersSettings.FromEnvironment();
        services.AddSingleton(settings);
        services.AddSingleton<IAmazonDynamoDB>(_ => CreateClient(settings));
        services.AddSingleton<OrderStore>();
        services.AddSingleton<CustomerSummaryStore>();
    }

    /// <summary>
    /// The real DynamoDB through the default AWS chain (the function role's credentials and region from Lambda's
    /// environment), or a local DynamoDB (dynalite, DynamoDB Local) when <c>DYNAMODB_SERVICE_URL</c> is set.
    /// </summary>
    static AmazonDynamoDBClient CreateClient(OrdersSettings settings)
    {
        if (settings.ServiceUrl is null)
        {
            return new AmazonDynamoDBClient();
        }

        var config = new AmazonDynamoDBConfig
        {
            ServiceURL = settings.ServiceUrl,
            AuthenticationRegion = RegionEndpoint.USEast1.SystemName,
        };
        return new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
    }
}

/// <summary>Settings from the function's environment, read once during INIT.</summary>
public sealed record OrdersSettings(string TableName, string? ServiceUrl, string SummariesTableName)
{
    /// <summary><c>ORDERS_TABLE</c> (the deployed table's name; the template sets it), else the model's table name.</summary>
    public const string TableVariable = "ORDERS_TABLE";

    /// <summary><c>DYNAMODB_SERVICE_URL</c>: a local DynamoDB endpoint such as <c>http://127.0.0.1:4567</c>.</summary>
    public const string ServiceUrlVariable = "DYNAMODB_SERVICE_URL";

    /// <summary><c>CUSTOMER_SUMMARIES_TABLE</c> (the template sets it), else the summary model's table name.</summary>
    public const string SummariesTableVariable = "CUSTOMER_SUMMARIES_TABLE";

    public static OrdersSettings FromEnvironment() => new(
        NonEmpty(Environment.GetEnvironmentVariable(TableVariable)) ?? OrderMapper.TableName,
        NonEmpty(Environment.GetEnvironmentVariable(ServiceUrlVariable)),
        NonEmpty(Environment.GetEnvironmentVariable(SummariesTableVariable)) ?? CustomerSummaryMapper.TableName);

    static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
