using Sharpless.Networking;

namespace Sharpless.Analyzers.Tests.Networking;

public sealed class RdsHostNameTests
{
    [Theory]
    [InlineData("orders.proxy-c8a1b2c3d4e5.eu-west-1.rds.amazonaws.com", "Proxy", "orders")]
    [InlineData("Host=ecommerce-develop-dev-rds-proxy.proxy-cgduc4gcisdx.us-east-1.rds.amazonaws.com;Port=5432", "Proxy", "ecommerce-develop-dev-rds-proxy")]
    [InlineData("server=fta-prod-db-proxy-read-only.endpoint.proxy-cl2j5mnkf6nl.us-east-1.rds.amazonaws.com", "ProxyEndpoint", "fta-prod-db-proxy-read-only")]
    [InlineData("postgres://app@orders.proxy-abc.cn-northwest-1.rds.amazonaws.com.cn:5432/shop", "Proxy", "orders")]
    [InlineData("ORDERS.PROXY-ABC.US-GOV-WEST-1.RDS.AMAZONAWS.COM", "Proxy", "ORDERS")]
    [InlineData("name.ckluxbyrn4cp.us-east-1.rds.amazonaws.com", "Instance", "name")]
    [InlineData("orders.cluster-ckluxbyrn4cp.ap-southeast-2.rds.amazonaws.com", "Cluster", "orders")]
    [InlineData("orders.cluster-ro-ckluxbyrn4cp.ap-southeast-2.rds.amazonaws.com", "Cluster", "orders")]
    [InlineData("orders.cluster-custom-ckluxbyrn4cp.ap-southeast-2.rds.amazonaws.com", "Cluster", "orders")]
    public void Finds_TheDocumentedFormats(string text, string kind, string name)
    {
        var host = RdsHostName.Find(text);
        Assert.NotNull(host);
        Assert.Equal(kind, host.Value.Kind.ToString());
        Assert.Equal(name, host.Value.Name);
    }

    [Fact]
    public void PrefersAProxy_WhenTextHoldsBoth()
    {
        var host = RdsHostName.Find("primary=orders.abc.eu-west-1.rds.amazonaws.com;proxy=orders.proxy-abc.eu-west-1.rds.amazonaws.com");
        Assert.Equal(RdsHostKind.Proxy, host!.Value.Kind);
        Assert.Equal("orders.proxy-abc.eu-west-1.rds.amazonaws.com", host.Value.Host);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rds.amazonaws.com")]
    [InlineData("https://rds.amazonaws.com/console")]
    [InlineData("orders.proxy-abc.eu-west-1.rds.amazonaws.com.evil.example")]
    [InlineData("orders.proxy-abc.eu-west-1.redshift.amazonaws.com")]
    [InlineData("orders.proxy-abc.localhost")]
    [InlineData("see docs.aws.amazon.com for .rds.amazonaws.com host names")]
    public void IgnoresWhatIsNotAnRdsHost(string? text) => Assert.Null(RdsHostName.Find(text));
}
