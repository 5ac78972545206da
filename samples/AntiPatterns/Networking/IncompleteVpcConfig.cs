using Sharpless;

namespace AntiPatterns.Networking;

public sealed class PaymentReports
{
    // SLS6002: the function talks to an RDS Proxy and has subnets, but no security groups (here on the attribute; a
    // template's VpcConfig is read the same way). Lambda attaches a function to a VPC only with both.
    [LambdaFunction(SubnetIds = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"])]
    public string Totals(string month) =>
        "Host=payments.proxy-c8a1b2c3d4e5.us-east-1.rds.amazonaws.com;Database=payments;Username=reports;Month=" + month;
}
