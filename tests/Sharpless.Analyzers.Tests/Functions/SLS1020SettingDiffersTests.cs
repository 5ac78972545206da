using Microsoft.CodeAnalysis;
using Sharpless.TestKit;
using static Sharpless.Analyzers.Tests.Functions.DriftProject;

namespace Sharpless.Analyzers.Tests.Functions;

public sealed class SLS1020SettingDiffersTests
{
    private const string PlaceAttribute = """LambdaFunction(MemorySize = 512, Timeout = 10, Role = "@OrdersRole", Policies = "AWSLambdaBasicExecutionRole, @OrdersTablePolicy")""";

    [Fact]
    public Task MemoryDiffers_IsReportedAtTheArgument() => Create(
            CodeWith("MemorySize = 512", "[|MemorySize = 512|]"),
            YamlWith("MemorySize: 512", "MemorySize: 1024"))
        .WithDefaultRuleId("SLS1020")
        .ShouldReportDiagnosticWithMessage("MemorySize of function 'Place' is 512 MB in code but 1024 MB in template resource 'Place'")
        .ValidateAsync();

    [Fact]
    public async Task MemoryDiffers_PointsAtTheTemplateValue()
    {
        var yaml = YamlWith("MemorySize: 512", "MemorySize: 1024");
        var diagnostic = Assert.Single(await Create(Code, yaml).AnalyzeAsync());
        Assert.Equal("SLS1020", diagnostic.Id);
        Assert.Equal("MemorySize = 512", TextAt(Code, diagnostic.Location));
        var value = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(LocationKind.ExternalFile, value.Kind);
        Assert.Equal("/src/template.yaml", value.GetLineSpan().Path);
        Assert.Equal(47, value.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("1024", TextAt(yaml, value));
    }

    [Fact]
    public Task TimeoutDiffers_IsReported_InAJsonTemplate() => Create(
            CodeWith("Timeout = 30", "[|Timeout = 30|]"),
            Replace(Json, "\"Timeout\": 30", "\"Timeout\": 60"),
            "/src/serverless.template")
        .WithDefaultRuleId("SLS1020")
        .ShouldReportDiagnosticWithMessage("Timeout of function 'Refund_V2' is 30 s in code but 60 s in template resource 'RefundV2'")
        .ValidateAsync();

    [Fact]
    public Task SetInCode_MissingFromTheTemplate_IsReported() => Create(
            CodeWith("Timeout = 10", "[|Timeout = 10|]"),
            YamlWith("      Timeout: 10\n", ""))
        .WithDefaultRuleId("SLS1020")
        .ShouldReportDiagnosticWithMessage("Timeout of function 'Place' is 10 s in code but not set in template resource 'Place'")
        .ValidateAsync();

    [Fact]
    public async Task SetInCode_MissingFromTheTemplate_PointsAtTheResource()
    {
        var yaml = YamlWith("      Timeout: 10\n", "");
        var diagnostic = Assert.Single(await Create(Code, yaml).AnalyzeAsync());
        Assert.Equal("Place", TextAt(yaml, Assert.Single(diagnostic.AdditionalLocations)));
    }

    [Fact]
    public Task SetInAnOwnedResource_NoLongerInCode_IsReportedAtTheAttribute() => Create(
            CodeWith(PlaceAttribute, "[|" + PlaceAttribute.Replace("Timeout = 10, ", "") + "|]"),
            Yaml)
        .WithDefaultRuleId("SLS1020")
        .ShouldReportDiagnosticWithMessage("Timeout of function 'Place' is not set in code but 10 s in template resource 'Place'")
        .ValidateAsync();

    [Fact]
    public Task SetInAnOwnedResource_NoLongerInCode_ValueFromAParameter_IsReportedAsSet() => Create(
            CodeWith(PlaceAttribute, "[|" + PlaceAttribute.Replace("MemorySize = 512, ", "") + "|]"),
            YamlWith("MemorySize: 512", "MemorySize: !Ref Memory") + "Parameters:\n  Memory:\n    Type: Number\n")
        .WithDefaultRuleId("SLS1020")
        .ShouldReportDiagnosticWithMessage("MemorySize of function 'Place' is not set in code but set in template resource 'Place'")
        .ValidateAsync();

    [Fact]
    public Task GlobalsDiffer_IsReported() => Create(
            CodeWith("MemorySize = 512", "[|MemorySize = 512|]"),
            YamlWith("      MemorySize: 512\n", "").Replace("Resources:\n", "Globals:\n  Function:\n    MemorySize: 256\nResources:\n"))
        .WithDefaultRuleId("SLS1020")
        .ShouldReportDiagnosticWithMessage("MemorySize of function 'Place' is 512 MB in code but 256 MB in template resource 'Place'")
        .ValidateAsync();

    [Fact]
    public Task ParameterDefault_IsTheDeployedValue() => Create(
            CodeWith("MemorySize = 512", "[|MemorySize = 512|]"),
            YamlWith("MemorySize: 512", "MemorySize: !Ref Memory") + "Parameters:\n  Memory:\n    Type: Number\n    Default: 2048\n")
        .WithDefaultRuleId("SLS1020")
        .ShouldReportDiagnosticWithMessage("MemorySize of function 'Place' is 512 MB in code but 2048 MB in template resource 'Place'")
        .ValidateAsync();

    [Fact]
    public Task HandWrittenResource_IsComparedToo() => Create(
            CodeWith("Timeout = 30", "[|Timeout = 30|]"),
            YamlWith("Tool: Sharpless\n      SyncedProperties:\n        - Timeout\n        - VpcConfig\n", "Owner: payments\n")
                .Replace("Timeout: 30", "Timeout: 900"))
        .WithDefaultRuleId("SLS1020")
        .ShouldReportDiagnosticWithMessage("Timeout of function 'Refund_V2' is 30 s in code but 900 s in template resource 'RefundV2'")
        .ValidateAsync();

    [Fact]
    public Task NamedRouter_TakesEachSettingFromTheFirstRouteThatSetsIt_InAnotherFile() => Create(Code, Yaml + """
          Admin:
            Type: AWS::Serverless::Function
            Metadata:
              Tool: Sharpless
              SyncedEvents:
                - GetAdminUsers
                - DeleteAdminUsersId
              SyncedProperties:
                - MemorySize
                - Timeout
            Properties:
              Handler: Orders::Sharpless.Generated.AdminRouter::Handle
              MemorySize: 1024
              Timeout: 30
              Events:
                GetAdminUsers:
                  Type: HttpApi
                  Properties: { Path: /admin/users, Method: GET, PayloadFormatVersion: '2.0' }
                DeleteAdminUsersId:
                  Type: HttpApi
                  Properties: { Path: '/admin/users/{id}', Method: DELETE, PayloadFormatVersion: '2.0' }
        """)
        .WithSourceCode("""
            using Sharpless;
            namespace Shop;
            public class Admin
            {
                [LambdaFunction(Name = "Admin", MemorySize = 1024)]
                [HttpApi(LambdaHttpMethod.Get, "/admin/users")]
                public string Users() => "[]";

                [LambdaFunction(Name = "Admin", MemorySize = 2048, [|Timeout = 20|])]
                [HttpApi(LambdaHttpMethod.Delete, "/admin/users/{id}")]
                public string Remove(string id) => id;
            }
            """)
        .WithDefaultRuleId("SLS1020")
        .ShouldReportDiagnosticWithMessage("Timeout of function 'Admin' is 20 s in code but 30 s in template resource 'Admin'")
        .ValidateAsync();
}
