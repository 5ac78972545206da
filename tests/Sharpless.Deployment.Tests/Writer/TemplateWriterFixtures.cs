using Sharpless.Deployment.Manifest;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment.Tests;

/// <summary>Manifests as the generator writes them (docs/functions.md), and one way to run the writer over text.</summary>
internal static class TemplateWriterFixtures
{
    /// <summary>Three functions: the HTTP router with three routes, one with every attribute setting, one with a VPC.</summary>
    public const string OrdersManifest = """
        {"version":1,"functions":[
          {"name":"Api","handler":"Orders::Sharpless.Generated.ApiRouter::Handle","method":"Sharpless.Generated.ApiRouter.Handle",
           "memorySize":null,"timeout":null,"role":null,"policies":[],"vpcConfig":null,"events":[
             {"type":"HttpApi","method":"GET","path":"/orders/{id}","payloadFormatVersion":"2.0"},
             {"type":"HttpApi","method":"POST","path":"/orders","payloadFormatVersion":"2.0"},
             {"type":"Api","method":"GET","path":"/health","payloadFormatVersion":"1.0"}]},
          {"name":"Place","handler":"Orders::Shop.Orders_Place_Handler::Handle","method":"Shop.Orders.Place",
           "memorySize":512,"timeout":10,"role":"@OrdersRole","policies":["AWSLambdaBasicExecutionRole","@OrdersTablePolicy"],
           "vpcConfig":null,"events":[]},
          {"name":"Refund_V2","handler":"Orders::Shop.Orders_Refund_V2_Handler::Handle","method":"Shop.Orders.Refund",
           "memorySize":null,"timeout":30,"role":null,"policies":[],
           "vpcConfig":{"subnetIds":["subnet-0a1b2c3d","@PrivateSubnet"],"securityGroupIds":["sg-0c3d4e5f"]},"events":[]}]}
        """;

    public static readonly ProjectDeployment Project = new("dotnet8", "./", "Orders");

    public static FunctionManifest Orders => FunctionManifestReader.FromJson(OrdersManifest);

    /// <summary>The orders manifest with one function taken out and one setting changed, as after an edit to the code.</summary>
    public static FunctionManifest OrdersAfterEdit()
    {
        var functions = Orders.Functions
            .Where(f => f.Name != "Refund_V2")
            .Select(f => f.Name == "Place" ? f with { MemorySize = 1024, Timeout = null } : f)
            .Select(f => f.Name == "Api" ? f with { Events = f.Events.Where(e => e.Path != "/health").ToArray() } : f)
            .ToArray();
        return new FunctionManifest(functions);
    }

    public static string Write(string? existing, TemplateFormat format, FunctionManifest manifest) =>
        TemplateMerger.Merge(existing, format, manifest, Project, "Lambda functions of Orders.").Text;

    public static string Input(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", name));
}
