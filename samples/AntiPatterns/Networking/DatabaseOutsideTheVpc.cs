using Npgsql;
using Sharpless;

namespace AntiPatterns.Networking;

public sealed class OrderReports
{
    // SLS6001: an RDS Proxy endpoint, in code of a function that is not attached to a VPC. A proxy is never publicly
    // accessible, so every connection would time out in production. Neither the Summary resource in template.yaml nor
    // the attribute gives it a VpcConfig: add one there, or [LambdaFunction(SubnetIds = [...], SecurityGroupIds = [...])].
    private const string Reporting = "Host=reports.proxy-c8a1b2c3d4e5.us-east-1.rds.amazonaws.com;Database=shop;Username=reports";

    [LambdaFunction]
    public string Summary(string customerId) => Reporting.Length + customerId;

    [LambdaFunction(SubnetIds = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], SecurityGroupIds = ["sg-0c3d4e5f"])]
    public string Count(string customerId)
    {
        // SLS6004 (raised to a warning in sharpless.globalconfig): this function is in the VPC but connects to the DB
        // instance's own endpoint on every invocation; under concurrency each execution environment opens its own
        // connections. An RDS Proxy in front of the database pools them.
        using var connection = new NpgsqlConnection("Host=orders.c8a1b2c3d4e5.us-east-1.rds.amazonaws.com;Database=shop;Username=app");
        return connection.Database + customerId;
    }
}
