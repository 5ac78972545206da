using Microsoft.CodeAnalysis.Text;
using Sharpless.Deployment.Templates;
using static Sharpless.Analyzers.Tests.Templates.TemplateDump;

namespace Sharpless.Analyzers.Tests.Templates;

/// <summary>The template model: sections, functions, SAM Globals merging, typed properties and their locations.</summary>
public sealed class DeploymentTemplateReaderTests
{
    private static readonly DeploymentTemplate Sam = Read("/app/template.yaml", SampleTemplates.SamYaml);

    [Fact]
    public void SamTemplate_Sections()
    {
        Assert.True(Sam.IsServerless);
        Assert.Equal(new[] { "Stage", "MemorySize", "VpcSubnets" }, Sam.Parameters.Select(p => p.Name));
        Assert.True(Sam.TryGetParameter("Stage", out var stage));
        Assert.Equal("dev", ((TemplateScalar)stage.Default!).Value);
        Assert.True(Sam.TryGetParameter("VpcSubnets", out var subnets));
        Assert.Equal("List<AWS::EC2::Subnet::Id>", subnets.Type);
        Assert.Null(subnets.Default);

        Assert.Equal(new[] { "IsProd", "UseSnapStart" }, Sam.ConditionNames);
        Assert.True(Sam.HasCondition("UseSnapStart"));
        Assert.False(Sam.HasCondition("IsDev"));

        Assert.Equal("dotnet8", Sam.GlobalsFunction!.GetScalar("Runtime")!.Value);
        Assert.Equal(
            new[]
            {
                "ProductsTable", "GetProductFunction", "PutProductFunction", "ReportFunction", "ReportProxy", "LegacyFunction",
                "Vpc", "PrivateSubnetA", "PrivateSubnetB", "FunctionSecurityGroup",
            },
            Sam.Resources.Select(r => r.LogicalId));
        Assert.Equal(
            new[] { "GetProductFunction", "PutProductFunction", "ReportFunction", "LegacyFunction" },
            Sam.Functions.Select(f => f.LogicalId));
        Assert.True(Sam.TryGetResource("ReportProxy", out var proxy));
        Assert.Equal("AWS::RDS::DBProxy", proxy.Type);
        Assert.Equal("IsProd", Function("LegacyFunction").Resource.Condition);

        Assert.Equal(
            "Products API: .NET 8 functions behind an HTTP API, DynamoDB for storage and an RDS Proxy for reports.\n",
            Sam.Root.GetScalar("Description")!.Value);
        Assert.True(Sam.TryGetResource("ProductsTable", out var table));
        Assert.Equal("""{Stage: "dev"}""", Of(table.Properties!.Get("Tags")));   // through the &defaultStage alias
        Assert.Equal("""[{AttributeName: "id", AttributeType: "S"}]""", Of(table.Properties!.Get("AttributeDefinitions")));
    }

    [Fact]
    public void SamFunction_TakesGlobals_AndOverridesThem()
    {
        var function = Function("GetProductFunction");

        Assert.True(function.IsServerless);
        Assert.Equal("Products::Products.Functions.GetProduct::Handle", function.Handler);
        Assert.Equal("dotnet8", function.Runtime);        // Globals
        Assert.Equal(1024, function.MemorySize);          // Globals: !Ref MemorySize, the parameter's default
        Assert.Equal(29, function.Timeout);               // Globals
        Assert.Equal("live", function.AutoPublishAlias);
        Assert.Equal("PublishedVersions", function.SnapStartApplyOn);
        Assert.True(function.IsSnapStartEnabled);

        Assert.Equal(
            new[] { "TABLE_NAME", "POWERTOOLS_SERVICE_NAME", "LOG_LEVEL", "CACHE_SECONDS" },
            function.EnvironmentVariables.Select(v => v.Key));
        Assert.True(function.TryGetEnvironmentVariable("LOG_LEVEL", out var logLevel));
        Assert.Equal("\"Information\"", Of(logLevel));      // the function's value wins over Globals' !If
        Assert.True(function.TryGetEnvironmentVariable("TABLE_NAME", out var table));
        Assert.True(Intrinsic.TryRead(table, out var reference));
        Assert.True(reference.TryGetRefTarget(out var target));
        Assert.Equal("ProductsTable", target);

        // The VPC settings come from Globals alone: security groups but no subnets.
        Assert.NotNull(function.VpcConfig);
        Assert.Null(function.VpcConfig!.SubnetIds);
        Assert.False(function.VpcConfig.HasSubnets);
        Assert.Equal("""[!Ref "FunctionSecurityGroup"]""", Of(function.VpcConfig.SecurityGroupIds));

        var api = Assert.Single(function.Events);
        Assert.Equal(("Api", "HttpApi"), (api.Name, api.Type));
        Assert.Equal("/products/{id}", api.Properties!.GetScalar("Path")!.Value);
    }

    [Fact]
    public void SamFunction_LocationsPointWhereEachValueIsWritten()
    {
        var lines = SampleTemplates.SamYaml.Split('\n');
        var function = Function("GetProductFunction");

        var keyLine = Array.FindIndex(lines, l => l.StartsWith("  GetProductFunction:", StringComparison.Ordinal));
        var location = function.Location.GetLineSpan();
        Assert.Equal("/app/template.yaml", location.Path);
        Assert.Equal(new LinePositionSpan(new LinePosition(keyLine, 2), new LinePosition(keyLine, 20)), location.Span);

        // Runtime is inherited: its node is the one written under Globals.
        var runtimeLine = Array.FindIndex(lines, l => l == "    Runtime: dotnet8");
        Assert.Equal(new LinePosition(runtimeLine, 13), function.Properties.Get("Runtime")!.LineSpan.Start);

        var applyOnLine = Array.FindIndex(lines, keyLine, l => l.Contains("ApplyOn: PublishedVersions", StringComparison.Ordinal));
        Assert.Equal(new LinePosition(applyOnLine, 17), function.Properties.GetMapping("SnapStart")!.Get("ApplyOn")!.LineSpan.Start);
    }

    [Fact]
    public void SamFunction_MergeKeysAndOwnScalars()
    {
        var function = Function("PutProductFunction");

        Assert.Equal("Products::Products.Functions.PutProduct::Handle", function.Handler);
        Assert.Equal(512, function.MemorySize);
        Assert.Equal(29, function.Timeout);
        Assert.Null(function.AutoPublishAlias);
        Assert.Null(function.SnapStartApplyOn);
        Assert.False(function.IsSnapStartEnabled);

        Assert.Equal(new[] { "Api", "ApiV2" }, function.Events.Select(e => e.Name));
        var v2 = function.Events[1].Properties!;
        Assert.Equal(2, v2.Count);
        Assert.Equal("/v2/products/{id}", v2.GetScalar("Path")!.Value); // its own key wins over the merged one
        Assert.Equal("PUT", v2.GetScalar("Method")!.Value);              // merged from &putRoute
    }

    [Fact]
    public void SamFunction_VpcListsConcatenate_GlobalsFirst()
    {
        var function = Function("ReportFunction");

        Assert.Equal(60, function.Timeout);
        Assert.Equal(1024, function.MemorySize);
        Assert.True(function.VpcConfig!.HasSubnets);
        Assert.Equal("!Ref \"VpcSubnets\"", Of(function.VpcConfig.SubnetIds));
        Assert.Equal(
            """[!Ref "FunctionSecurityGroup", !GetAtt "ReportSecurityGroup.GroupId"]""",
            Of(function.VpcConfig.SecurityGroupIds));

        Assert.True(function.TryGetEnvironmentVariable("CONNECTION", out var connection));
        Assert.Equal("!Sub", connection.Tag);
        Assert.Equal("Host=${ReportProxy.Endpoint};Port=5432;\nDatabase=reports;Username=${DbUser}\n", ((TemplateScalar)connection).Value);

        Assert.True(function.TryGetEnvironmentVariable("QUEUE_URL", out var queue));
        Assert.True(Intrinsic.TryRead(queue, out var sub));
        Assert.True(sub.TryGetSub(out var text, out var variables));
        Assert.Equal("https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/${Name}", text);
        Assert.True(Intrinsic.TryRead(variables!.Get("Name"), out var getAtt));
        Assert.True(getAtt.TryGetGetAtt(out var id, out var attribute));
        Assert.Equal(("ReportQueue", "QueueName"), (id, attribute));

        Assert.True(function.TryGetEnvironmentVariable("LOG_LEVEL", out var logLevel));
        Assert.True(Intrinsic.TryRead(logLevel, out var condition));
        Assert.Equal(Intrinsic.If, condition.Name);
    }

    [Fact]
    public void LambdaFunction_HasNoGlobals()
    {
        var function = Function("LegacyFunction");

        Assert.False(function.IsServerless);
        Assert.Equal("Legacy::Legacy.Function::Run", function.Handler);
        Assert.Equal("dotnet8", function.Runtime);
        Assert.Null(function.MemorySize);
        Assert.Null(function.Timeout);
        Assert.True(function.IsSnapStartEnabled);
        Assert.Equal("""["subnet-0a1b2c3d", "subnet-4e5f6a7b"]""", Of(function.VpcConfig!.SubnetIds));
        Assert.Empty(function.EnvironmentVariables);
        Assert.Empty(function.Events);
    }

    [Fact]
    public void ProxyAndOutputs_AreReachableThroughTheNodes()
    {
        Assert.True(Sam.TryGetResource("ReportProxy", out var proxy));
        Assert.Equal("""[!Ref "PrivateSubnetA", !Ref "PrivateSubnetB"]""", Of(proxy.Properties!.Get("VpcSubnetIds")));
        Assert.True(Sam.TryGetResource("PrivateSubnetA", out var subnet));
        Assert.Equal("""!Select ["0", !Cidr [!GetAtt "Vpc.CidrBlock", "4", "8"]]""", Of(subnet.Properties!.Get("CidrBlock")));
        Assert.Equal("""!Select ["0", !GetAZs ""]""", Of(subnet.Properties.Get("AvailabilityZone")));
        Assert.True(Sam.TryGetResource("FunctionSecurityGroup", out var group));
        Assert.Equal("""[{IpProtocol: "-1", CidrIp: "0.0.0.0/0"}]""", Of(group.Properties!.Get("SecurityGroupEgress")));
        Assert.Equal("""[{AuthScheme: "SECRETS", SecretArn: !Ref "DbSecret", IAMAuth: "DISABLED"}]""", Of(proxy.Properties.Get("Auth")));

        var outputs = Sam.Root.GetMapping("Outputs")!;
        Assert.True(Intrinsic.TryRead(outputs.GetMapping("ProxyEndpoint")!.Get("Value"), out var endpoint));
        Assert.True(endpoint.TryGetGetAtt(out var id, out var attribute));
        Assert.Equal(("ReportProxy", "Endpoint"), (id, attribute));
        Assert.Equal(
            """!Join ["-", [!Ref "AWS::StackName", "proxy"]]""",
            Of(outputs.GetMapping("ProxyEndpoint")!.GetMapping("Export")!.Get("Name")));
    }

    [Fact]
    public void AnnotationsJsonTemplate()
    {
        var template = Read("/app/serverless.template", SampleTemplates.AnnotationsJson);

        Assert.True(template.IsServerless);
        var function = Assert.Single(template.Functions);
        Assert.Equal("OrdersGetOrderGenerated", function.LogicalId);
        Assert.Equal(new LinePositionSpan(new LinePosition(8, 4), new LinePosition(8, 29)), function.Location.GetLineSpan().Span);
        Assert.Equal("Orders::Orders.Functions_GetOrder_Generated::GetOrder", function.Handler);
        Assert.Equal("dotnet8", function.Runtime);
        Assert.Equal(512, function.MemorySize);
        Assert.Equal(30, function.Timeout);
        Assert.Equal("None", function.SnapStartApplyOn);
        Assert.False(function.IsSnapStartEnabled);

        Assert.True(function.TryGetEnvironmentVariable("PROXY_HOST", out var host));
        Assert.True(Intrinsic.TryRead(host, out var getAtt));
        Assert.False(getAtt.IsShortForm);
        Assert.True(getAtt.TryGetGetAtt(out var id, out var attribute));
        Assert.Equal(("OrdersProxy", "Endpoint"), (id, attribute));

        Assert.True(function.TryGetEnvironmentVariable("STAGE", out var stage));
        Assert.True(template.TryResolveString(stage, out var stageValue));
        Assert.Equal("dev", stageValue);

        Assert.True(function.TryGetEnvironmentVariable("TOPIC", out var topic));
        Assert.True(Intrinsic.TryRead(topic, out var sub));
        Assert.True(sub.TryGetSub(out var text, out var variables));
        Assert.Equal("arn:aws:sns:${AWS::Region}:${AWS::AccountId}:${T}", text);
        Assert.Equal("orders", variables!.GetScalar("T")!.Value);

        Assert.True(function.VpcConfig!.HasSubnets);   // an Fn::Split of an import: taken at its word
        Assert.True(Intrinsic.TryRead(function.VpcConfig.SubnetIds, out var split));
        Assert.Equal("Fn::Split", split.Name);

        var root = Assert.Single(function.Events);
        Assert.Equal(("RootGet", "HttpApi"), (root.Name, root.Type));
    }

    [Fact]
    public void ToolsDefaults_WithCommentsAndATrailingComma()
    {
        var file = DeploymentDocuments.ReadFile("/app/aws-lambda-tools-defaults.json", SourceText.From(SampleTemplates.ToolsDefaultsJson), default);
        var defaults = file.ToolsDefaults!;

        Assert.Null(file.Error);
        Assert.Equal("Orders::Orders.Function::FunctionHandler", defaults.FunctionHandler);
        Assert.Equal("serverless.template", defaults.Template);
        Assert.Equal(new[] { "subnet-0a1b2c3d", "subnet-4e5f6a7b" }, defaults.FunctionSubnets);
        Assert.Equal(new[] { "sg-0123456789abcdef0" }, defaults.FunctionSecurityGroups);
        Assert.Equal("--self-contained true", defaults.MsbuildParameters);
        Assert.Equal("dotnet8", defaults.FunctionRuntime);
        Assert.Equal("net8.0", defaults.Framework);
        Assert.Equal(512, defaults.FunctionMemorySize);
        Assert.Equal(30, defaults.FunctionTimeout);      // written as a string

        var handler = defaults.GetLocation(ToolsDefaults.FunctionHandlerKey)!.GetLineSpan();
        Assert.Equal("/app/aws-lambda-tools-defaults.json", handler.Path);
        Assert.Equal(new LinePosition(15, 22), handler.StartLinePosition);
        Assert.Null(defaults.GetLocation("function-role"));
    }

    [Fact]
    public void ToolsDefaults_SubnetsAsAList_AndMissingValues()
    {
        var file = DeploymentDocuments.ReadFile(
            "/app/aws-lambda-tools-defaults.json",
            SourceText.From("""{ "function-subnets": ["subnet-a", " subnet-b "], "function-memory-size": "big", "function-handler": null }"""),
            default);
        var defaults = file.ToolsDefaults!;

        Assert.Equal(new[] { "subnet-a", "subnet-b" }, defaults.FunctionSubnets);
        Assert.Empty(defaults.FunctionSecurityGroups);
        Assert.Null(defaults.FunctionMemorySize);
        Assert.Null(defaults.FunctionHandler);
        Assert.Null(defaults.Template);
    }

    [Fact]
    public void HandlerFromAParameterDefault_AndGlobalsWithoutOwnProperties()
    {
        var template = Read("/app/template.yml", """
            Parameters:
              Handler: {Type: String, Default: "A::B.C::D"}
            Globals:
              Function:
                Handler: !Ref Handler
                SnapStart: {ApplyOn: PublishedVersions}
                Environment: {Variables: {ONLY_GLOBAL: "1"}}
            Resources:
              Bare:
                Type: AWS::Serverless::Function
              Plain:
                Type: AWS::Lambda::Function
            """);

        var bare = template.Functions[0];
        Assert.Equal("A::B.C::D", bare.Handler);
        Assert.True(bare.IsSnapStartEnabled);
        Assert.Equal(new[] { "ONLY_GLOBAL" }, bare.EnvironmentVariables.Select(v => v.Key));
        Assert.False(template.IsServerless); // no Transform: still read, Globals still apply to SAM types

        var plain = template.Functions[1];
        Assert.Null(plain.Handler);
        Assert.False(plain.IsSnapStartEnabled);
        Assert.Equal(0, plain.Properties.Count);
    }

    [Fact]
    public void GlobalsMerge_FollowsSamRules()
    {
        var template = Read("/app/template.yaml", """
            Globals:
              Function:
                Timeout: 10
                Layers: [global-layer]
                Environment:
                  Variables: {A: global, B: global}
                VpcConfig: !If [HasVpc, {SubnetIds: [g]}, !Ref AWS::NoValue]
                Tags: {Team: core}
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Timeout: !Ref TimeoutParameter
                  Layers: [own-layer]
                  Environment:
                    Variables: {B: own, C: own}
                  VpcConfig:
                    SubnetIds: [own]
                  Tags: !Ref NotAMap
            """);

        var properties = template.Functions[0].Properties;
        Assert.Equal("!Ref \"TimeoutParameter\"", Of(properties.Get("Timeout")));  // scalar: replaced
        Assert.Null(template.Functions[0].Timeout);                                               // and unresolvable
        Assert.Equal("""["global-layer", "own-layer"]""", Of(properties.Get("Layers")));        // lists: globals first
        Assert.Equal("""{Variables: {A: "global", B: "own", C: "own"}}""", Of(properties.Get("Environment")));
        Assert.Equal("""{SubnetIds: ["own"]}""", Of(properties.Get("VpcConfig")));              // an intrinsic is a scalar
        Assert.Equal("!Ref \"NotAMap\"", Of(properties.Get("Tags")));              // different kinds: own
    }

    [Fact]
    public void TemplatesWithUnexpectedShapes_ReadWhatTheyCan()
    {
        var template = Read("/app/template.yaml", """
            Parameters: [not, a, mapping]
            Conditions: ~
            Globals: {Function: [1]}
            Resources:
              NoBody:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: [a, b]
                  MemorySize: lots
                  Timeout: "15"
                  VpcConfig: ~
                  Environment: {Variables: [x]}
                  Events: {E: just-text}
              Weird:
                Type: [AWS::Lambda::Function]
            """);

        Assert.Empty(template.Parameters);
        Assert.Empty(template.ConditionNames);
        Assert.Null(template.GlobalsFunction);
        Assert.Equal(new[] { "NoBody", "Fn", "Weird" }, template.Resources.Select(r => r.LogicalId));
        Assert.Null(template.Resources[0].Type);
        var function = Assert.Single(template.Functions);
        Assert.Null(function.Handler);
        Assert.Null(function.MemorySize);
        Assert.Equal(15, function.Timeout);
        Assert.Null(function.VpcConfig);
        Assert.Empty(function.EnvironmentVariables);
        Assert.Null(Assert.Single(function.Events).Type);
    }

    private static TemplateFunction Function(string logicalId) => Sam.Functions.Single(f => f.LogicalId == logicalId);

    private static DeploymentTemplate Read(string path, string text)
    {
        var file = DeploymentDocuments.ReadFile(path, SourceText.From(text), default);
        Assert.True(file.Template is not null, file.Error?.ToString());
        return file.Template!;
    }
}
