using Sharpless.Deployment.Templates;
using Sharpless.TestKit;
using static Sharpless.Deployment.Tests.TemplateWriterFixtures;

namespace Sharpless.Deployment.Tests.Schema;

/// <summary>
/// The written templates have the shape CloudFormation and SAM require, judged by an independent parser and the
/// CloudFormation resource specification (tests/cfnspec), and the judge fails on what it should fail on.
/// </summary>
public sealed class WrittenTemplateSchemaTests
{
    private static readonly string BaselineDirectory = Baselines.GetDirectory(typeof(WrittenTemplateSchemaTests).Assembly);

    public static TheoryData<TemplateFormat, string> HandWritten => new()
    {
        { TemplateFormat.Yaml, "HandWritten.yaml" },
        { TemplateFormat.Json, "HandWritten.template" },
        { TemplateFormat.Yaml, "WithReferences.yaml" },
        { TemplateFormat.Json, "WithReferences.template" },
    };

    [Theory]
    [InlineData(TemplateFormat.Yaml)]
    [InlineData(TemplateFormat.Json)]
    public void A_fresh_template_has_the_shape_SAM_requires(TemplateFormat format)
    {
        AssertValid(Write(null, format, Orders), format);
    }

    [Theory]
    [MemberData(nameof(HandWritten))]
    public void A_hand_written_template_keeps_its_shape_when_updated_and_after_an_edit(TemplateFormat format, string input)
    {
        AssertValid(Input(input), format);
        var updated = Write(Input(input), format, Orders);
        AssertValid(updated, format);
        AssertValid(Write(updated, format, OrdersAfterEdit()), format);
    }

    [Theory]
    [InlineData(TemplateFormat.Yaml, "WithReferences.yaml")]
    [InlineData(TemplateFormat.Json, "WithReferences.template")]
    public void Every_reference_the_writer_writes_resolves_when_the_user_declares_what_the_code_names(TemplateFormat format, string input)
    {
        var updated = Write(Input(input), format, Orders);

        Assert.Empty(TemplateShapeValidator.UndeclaredReferences(TemplateDocument.Parse(updated, format)));
        Assert.Empty(TemplateShapeValidator.UndeclaredReferences(TemplateDocument.Parse(Write(updated, format, OrdersAfterEdit()), format)));
    }

    [Theory]
    [InlineData(TemplateFormat.Yaml)]
    [InlineData(TemplateFormat.Json)]
    public void The_reference_check_finds_the_role_policy_and_subnet_a_fresh_template_names_but_does_not_declare(TemplateFormat format)
    {
        var errors = TemplateShapeValidator.UndeclaredReferences(TemplateDocument.Parse(Write(null, format, Orders), format));

        Assert.Equal(
            [
                "Resources.Place.Properties.Role: Fn::GetAtt of 'OrdersRole', which is not a resource",
                "Resources.Place.Properties.Policies[1]: Ref to 'OrdersTablePolicy', which is not a parameter, resource or pseudo parameter",
                "Resources.RefundV2.Properties.VpcConfig.SubnetIds[1]: Ref to 'PrivateSubnet', which is not a parameter, resource or pseudo parameter",
            ],
            errors);
    }

    [Theory]
    [InlineData("fresh.yaml")]
    [InlineData("update.yaml")]
    [InlineData("edited.yaml")]
    [InlineData("fresh.template")]
    [InlineData("update.template")]
    [InlineData("edited.template")]
    public void The_checked_in_baselines_have_the_shape_SAM_requires(string baseline)
    {
        var format = baseline.EndsWith(".yaml", StringComparison.Ordinal) ? TemplateFormat.Yaml : TemplateFormat.Json;

        AssertValid(File.ReadAllText(Path.Combine(BaselineDirectory, baseline)), format);
    }

    private const string ValidYaml = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: App::App.Function::Handle
              Runtime: dotnet8
              CodeUri: ./
              MemorySize: 512
              Role: !GetAtt FnRole.Arn
              Events:
                Get:
                  Type: HttpApi
                  Properties:
                    Path: /items
                    Method: GET
                    PayloadFormatVersion: '2.0'
        """;

    [Fact]
    public void The_hand_made_template_the_negative_tests_break_is_valid()
    {
        AssertValid(ValidYaml, TemplateFormat.Yaml);
        AssertValid(ValidYaml.Replace("MemorySize: 512", "MemorySize: '512'", StringComparison.Ordinal), TemplateFormat.Yaml);
    }

    [Theory]
    [InlineData("      Handler: App::App.Function::Handle\n", "", "Resources.Fn.Properties: a zip package function needs Handler")]
    [InlineData("      CodeUri: ./\n", "", "Resources.Fn.Properties: a zip package function needs CodeUri or InlineCode")]
    [InlineData("MemorySize: 512", "MemorySise: 512", "Resources.Fn.Properties.MemorySise: unknown property (not in the specification of AWS::Serverless::Function)")]
    [InlineData("Method: GET", "Methd: GET", "Resources.Fn.Properties.Events.Get.Properties.Methd: unknown property (not in the specification of AWS::Serverless::Function)")]
    [InlineData("Type: HttpApi", "Type: Api", "Resources.Fn.Properties.Events.Get.Properties.PayloadFormatVersion: unknown property (not in the specification of AWS::Serverless::Function)")]
    [InlineData("Type: HttpApi", "Type: Http", "Resources.Fn.Properties.Events.Get.Type: 'Http' is not an event type of the specification")]
    [InlineData("MemorySize: 512", "MemorySize: big", "Resources.Fn.Properties.MemorySize: expected Integer, found a string 'big'")]
    [InlineData("MemorySize: 512", "MemorySize: [512]", "Resources.Fn.Properties.MemorySize: expected Integer, found a list")]
    [InlineData("MemorySize: 512", "VpcConfig: {SubnetIds: [subnet-1]}", "Resources.Fn.Properties.VpcConfig: required property SecurityGroupIds is missing")]
    [InlineData("Runtime: dotnet8", "Runtime: dotnet9", "Resources.Fn.Properties.Runtime: 'dotnet9' is not a Lambda runtime identifier")]
    [InlineData("Type: AWS::Serverless::Function", "Type: AWS::Serverless::Functon", "Resources.Fn.Type: 'AWS::Serverless::Functon' is not a resource type of the CloudFormation specification")]
    [InlineData("'2010-09-09'", "2010-09-09", "AWSTemplateFormatVersion: 2010-09-09 unquoted is a YAML timestamp, not the string '2010-09-09'; quote it")]
    [InlineData("Transform: AWS::Serverless-2016-10-31\n", "", "Transform: AWS::Serverless::* resources need the AWS::Serverless-2016-10-31 transform")]
    [InlineData("Resources:", "Resource: {}\nResources:", "Resource: not a CloudFormation template section")]
    [InlineData("      Runtime: dotnet8\n", "      Runtime: dotnet8\n      Runtime: dotnet10\n", "(template): does not parse as Yaml")]
    public void The_validator_reports_a_broken_template(string find, string replace, string expected)
    {
        Assert.Contains(find, ValidYaml, StringComparison.Ordinal);

        var errors = TemplateShapeValidator.Validate(ValidYaml.Replace(find, replace, StringComparison.Ordinal), TemplateFormat.Yaml);

        Assert.StartsWith(expected, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_reports_a_broken_JSON_template()
    {
        const string json = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "Fn": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": { "Handler": "App::App.Function::Handle", "Runtime": "dotnet8", "CodeUri": "./", "Timeout": 30 }
                }
              }
            }
            """;
        AssertValid(json, TemplateFormat.Json);

        var errors = TemplateShapeValidator.Validate(json.Replace("30", "true", StringComparison.Ordinal).Replace("\"Handler\": \"App::App.Function::Handle\", ", "", StringComparison.Ordinal), TemplateFormat.Json);

        Assert.Equal(
            ["Resources.Fn.Properties.Timeout: expected Integer, found a boolean 'true'", "Resources.Fn.Properties: a zip package function needs Handler"],
            errors);
    }

    private static void AssertValid(string text, TemplateFormat format)
    {
        var errors = TemplateShapeValidator.Validate(text, format);
        Assert.True(errors.Count == 0, $"The template has {errors.Count} problem(s):\n{string.Join("\n", errors)}\n\n{text}");
    }
}
