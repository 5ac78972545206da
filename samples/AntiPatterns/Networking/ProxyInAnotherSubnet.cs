using Sharpless;

namespace AntiPatterns.Networking;

public sealed class InventorySync
{
    // SLS6003: LEDGER_DB_HOST is !GetAtt LedgerProxy.Endpoint in template.yaml, and the proxy lives in subnets
    // subnet-0a1b2c3d/subnet-4e5f6a7b, but this function is attached to subnet-0f9e8d7c only: if that subnet is in
    // another VPC, the function cannot reach the proxy.
    [LambdaFunction(SubnetIds = ["subnet-0f9e8d7c"], SecurityGroupIds = ["sg-0c3d4e5f"])]
    public string Sync(string sku) => (Environment.GetEnvironmentVariable("LEDGER_DB_HOST") ?? "") + "/" + sku;
}
