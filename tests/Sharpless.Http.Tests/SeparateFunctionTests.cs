using Sharpless.Functions.Tests.Infrastructure;
using static Sharpless.Http.Tests.RouterExecutionTests;

namespace Sharpless.Http.Tests;

/// <summary>Routes whose methods carry [LambdaFunction(Name = ...)] are served by their own function, not by Api.</summary>
public sealed class SeparateFunctionTests
{
    [Fact]
    public async Task NamedRoutes_GetTheirOwnRouter_OtherRoutesStayInApi()
    {
        var run = await FunctionProject.Create("""
            using Sharpless;

            namespace Shop
            {
                public static class Reports
                {
                    [LambdaFunction(Name = "Reports", MemorySize = 2048)]
                    [HttpApi(LambdaHttpMethod.Get, "/reports/{year}")]
                    public static string Yearly(int year) => "report " + year;

                    [LambdaFunction(Name = "Reports", SubnetIds = new[] { "subnet-0a1" }, SecurityGroupIds = new[] { "sg-0c3" })]
                    [HttpApi(LambdaHttpMethod.Get, "/reports")]
                    public static string All() => "all reports";
                }

                public static class Orders
                {
                    [HttpApi(LambdaHttpMethod.Get, "/orders")]
                    public static string List() => "orders";
                }
            }
            """).RunGeneratorsAsync();
        var host = FunctionProject.Load(run);

        Assert.Equal("Orders::Sharpless.Generated.ReportsRouter::Handle", host.HandlerString("Reports"));
        Assert.Equal("Orders::Sharpless.Generated.ApiRouter::Handle", host.HandlerString("Api"));
        Assert.Equal("report 2026", ApiResponse.Parse(await host.InvokeAsync("Reports", V2("GET", "/reports/2026"))).Body);
        Assert.Equal("all reports", ApiResponse.Parse(await host.InvokeAsync("Reports", V2("GET", "/reports"))).Body);
        Assert.Equal(404, ApiResponse.Parse(await host.InvokeAsync("Reports", V2("GET", "/orders"))).StatusCode);
        Assert.Equal("orders", ApiResponse.Parse(await host.InvokeAsync("Api", V2("GET", "/orders"))).Body);
        Assert.Equal(404, ApiResponse.Parse(await host.InvokeAsync("Api", V2("GET", "/reports"))).StatusCode);

        var manifest = run.GetSource("Sharpless.Generated.FunctionManifest.g.cs");
        Assert.Contains("{\\\"name\\\":\\\"Reports\\\",\\\"handler\\\":\\\"Orders::Sharpless.Generated.ReportsRouter::Handle\\\",\\\"method\\\":\\\"HTTP routes\\\",\\\"memorySize\\\":2048,", manifest, StringComparison.Ordinal);
        Assert.Contains("{\\\"type\\\":\\\"HttpApi\\\",\\\"method\\\":\\\"GET\\\",\\\"path\\\":\\\"/reports/{year}\\\",\\\"payloadFormatVersion\\\":\\\"2.0\\\"}", manifest, StringComparison.Ordinal);
        // One function, one VpcConfig: the route attribute that declares it, whichever route it is on.
        Assert.Contains("\\\"policies\\\":[],\\\"vpcConfig\\\":{\\\"subnetIds\\\":[\\\"subnet-0a1\\\"],\\\"securityGroupIds\\\":[\\\"sg-0c3\\\"]},", manifest, StringComparison.Ordinal);
        Assert.Contains("\\\"name\\\":\\\"Api\\\"", manifest, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(manifest, "vpcConfig\\\\\":null")); // Api's
    }

    private const string FunctionNamedApi = """
        using Sharpless;

        namespace Shop
        {
            public static class Orders
            {
                [HttpApi(LambdaHttpMethod.Get, "/orders")]
                public static string List() => "orders";
            }

            public static class Jobs
            {
                [[|LambdaFunction(Name = "Api")|]]
                public static string Run(string job) => job;
            }
        }
        """;

    [Fact]
    public async Task FunctionNamedLikeARouter_GetsNoHandler_AndTheRouterKeepsTheName()
    {
        var host = FunctionProject.Load(await FunctionProject.Create(FunctionNamedApi.Replace("[|", "").Replace("|]", "")).RunGeneratorsAsync());

        Assert.Equal("Orders::Sharpless.Generated.ApiRouter::Handle", host.HandlerString("Api"));
        Assert.Equal("orders", ApiResponse.Parse(await host.InvokeAsync("Api", V2("GET", "/orders"))).Body);
    }

    [Fact]
    public Task FunctionNamedLikeARouter_IsSLS1008() =>
        new Sharpless.TestKit.ProjectBuilder()
            .WithSourceCode(FunctionNamedApi)
            .WithAnalyzer<Sharpless.Functions.LambdaFunctionAnalyzer>()
            .WithDefaultRuleId("SLS1008")
            .ShouldReportDiagnosticWithMessage("Function name 'Api' is also used by 'the HTTP router function serving Orders.List'; give one of them [LambdaFunction(Name = \"...\")]")
            .ValidateAsync();
}
