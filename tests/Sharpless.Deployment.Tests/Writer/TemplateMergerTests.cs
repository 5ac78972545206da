using Sharpless.Deployment.Manifest;
using Sharpless.Deployment.Templates;
using static Sharpless.Deployment.Tests.TemplateWriterFixtures;

namespace Sharpless.Deployment.Tests;

/// <summary>What the merge owns, what it leaves to the user, and what it refuses to edit.</summary>
public sealed class TemplateMergerTests
{
    private static readonly FunctionManifest PlaceOnly = new(Orders.Functions.Where(f => f.Name == "Place").ToArray());

    [Fact]
    public void What_the_user_adds_to_an_owned_resource_stays_through_later_writes()
    {
        var written = Write(null, TemplateFormat.Yaml, Orders);
        // The user adds tracing to Place and a schedule event of their own to Api.
        var edited = written
            .Replace("      MemorySize: 512\n", "      Tracing: Active   # ours\n      MemorySize: 512\n", StringComparison.Ordinal)
            .Replace("      Events:\n", "      Events:\n        Nightly:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 day)\n", StringComparison.Ordinal);
        Assert.NotEqual(written, edited);

        var after = Write(edited, TemplateFormat.Yaml, OrdersAfterEdit());

        Assert.Contains("      Tracing: Active   # ours\n", after, StringComparison.Ordinal);
        Assert.Contains("        Nightly:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 day)\n", after, StringComparison.Ordinal);
        Assert.Contains("      MemorySize: 1024\n", after, StringComparison.Ordinal);
        Assert.DoesNotContain("GetHealth", after, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_user_changed_in_an_owned_resource_goes_back_to_what_the_code_says()
    {
        var written = Write(null, TemplateFormat.Yaml, PlaceOnly);
        var edited = written.Replace("MemorySize: 512", "MemorySize: 2048", StringComparison.Ordinal);

        Assert.Equal(written, Write(edited, TemplateFormat.Yaml, PlaceOnly));
    }

    [Fact]
    public void A_function_the_user_declares_by_hand_is_theirs_and_is_not_written_again()
    {
        const string template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              PlaceOrder:            # by hand, with its own settings
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Shop.Orders_Place_Handler::Handle
                  MemorySize: 256

            """;

        var result = TemplateMerger.Merge(template, TemplateFormat.Yaml, PlaceOnly, Project, "d");

        Assert.Equal(template, result.Text);
        var message = Assert.Single(result.Warnings);
        Assert.False(message.IsWarning);
        Assert.Contains("Function 'Place' is declared by resource 'PlaceOrder', which Sharpless does not own", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_of_the_same_name_that_Sharpless_does_not_own_is_not_taken_over()
    {
        const string template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Place:
                Type: AWS::SNS::Topic

            """;

        var result = TemplateMerger.Merge(template, TemplateFormat.Yaml, PlaceOnly, Project, "d");

        Assert.Equal(template, result.Text);
        var warning = Assert.Single(result.Warnings);
        Assert.True(warning.IsWarning);
        Assert.Equal("SLST003", warning.Code);
        Assert.Equal(2, warning.Node!.LineSpan.Start.Line);
    }

    [Fact]
    public void A_resource_the_user_took_over_by_removing_the_mark_is_never_removed()
    {
        var written = Write(null, TemplateFormat.Yaml, PlaceOnly);
        var unmarked = written.Replace("    Metadata:\n      Tool: Sharpless\n", "    Metadata:\n      Tool: Me\n", StringComparison.Ordinal);

        var result = TemplateMerger.Merge(unmarked, TemplateFormat.Yaml, new FunctionManifest([]), Project, "d");

        Assert.Equal(unmarked, result.Text);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void Two_projects_writing_one_template_keep_their_own_resources()
    {
        var billing = new ProjectDeployment("dotnet8", "../Billing/", "Billing");
        var invoice = PlaceOnly.Functions[0] with { Name = "Invoice", Handler = "Billing::Billing.Invoices_Invoice_Handler::Handle", Method = "Billing.Invoices.Invoice" };
        var orders = Write(null, TemplateFormat.Yaml, Orders);

        var both = TemplateMerger.Merge(orders, TemplateFormat.Yaml, new FunctionManifest([invoice]), billing, "d");
        var ordersAgain = Write(both.Text, TemplateFormat.Yaml, Orders);
        var billingWithout = TemplateMerger.Merge(both.Text, TemplateFormat.Yaml, new FunctionManifest([]), billing, "d");

        Assert.Equal(["Invoice"], both.Added);
        Assert.Empty(both.Removed);
        Assert.StartsWith(orders, both.Text, StringComparison.Ordinal);
        Assert.Equal(both.Text, ordersAgain);
        Assert.Equal(["Invoice"], billingWithout.Removed);
        Assert.Equal(orders, billingWithout.Text);
    }

    [Fact]
    public void A_function_named_like_another_projects_resource_is_not_written_over_it()
    {
        var orders = Write(null, TemplateFormat.Yaml, PlaceOnly);
        var billingPlace = PlaceOnly.Functions[0] with { Handler = "Billing::Billing.Orders_Place_Handler::Handle" };

        var result = TemplateMerger.Merge(orders, TemplateFormat.Yaml, new FunctionManifest([billingPlace]), new ProjectDeployment("dotnet8", "./", "Billing"), "d");

        Assert.Equal(orders, result.Text);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("Resource 'Place' is kept by Sharpless for assembly 'Orders', another project writing this template", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_the_serverless_transform_gets_it()
    {
        const string template = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

        var written = Write(template, TemplateFormat.Yaml, PlaceOnly);

        Assert.StartsWith(template, written, StringComparison.Ordinal);
        Assert.Contains("\nTransform: AWS::Serverless-2016-10-31\n", written, StringComparison.Ordinal);
        Assert.Equal(written, Write(written, TemplateFormat.Yaml, PlaceOnly));
    }

    [Theory]
    [InlineData("Transform: AWS::LanguageExtensions\n", "Transform:\n  - AWS::LanguageExtensions\n  - AWS::Serverless-2016-10-31\n")]
    [InlineData("Transform: [AWS::LanguageExtensions, 'AWS::Include']\n", "Transform:\n  - AWS::LanguageExtensions\n  - AWS::Include\n  - AWS::Serverless-2016-10-31\n")]
    public void Other_transforms_are_kept_and_SAM_s_runs_after_them(string transform, string expected)
    {
        var template = transform + "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

        var written = Write(template, TemplateFormat.Yaml, PlaceOnly);

        Assert.StartsWith(expected + "Resources:\n  Topic:\n", written, StringComparison.Ordinal);
        Assert.Equal(written, Write(written, TemplateFormat.Yaml, PlaceOnly));
    }

    [Fact]
    public void A_transform_macro_with_parameters_is_not_rewritten_but_warned_about()
    {
        const string template = "Transform:\n  Name: AWS::Include\n  Parameters:\n    Location: s3://bucket/x.yaml\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

        var result = TemplateMerger.Merge(template, TemplateFormat.Yaml, PlaceOnly, Project, "d");

        Assert.StartsWith(template[..template.IndexOf("Resources:", StringComparison.Ordinal)], result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Code == "SLST003" && w.Message.Contains("Transform does not include", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_without_resources_gets_a_Resources_section()
    {
        const string template = "# Nothing yet\nTransform: AWS::Serverless-2016-10-31\n";

        var written = Write(template, TemplateFormat.Yaml, PlaceOnly);

        Assert.StartsWith(template + "Resources:\n  Place:\n    Type: AWS::Serverless::Function\n", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }\n", "one flow mapping")]
    [InlineData("- a\n- b\n", "top level is not a mapping")]
    [InlineData("Resources: [\n", "could not be read")]
    public void A_template_Sharpless_cannot_edit_safely_is_refused_with_a_reason(string template, string reason)
    {
        var refused = Assert.Throws<TemplateEditException>(() => TemplateMerger.Merge(template, TemplateFormat.Yaml, PlaceOnly, Project, "d"));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_are_written_in_manifest_order_with_unique_event_names()
    {
        var twice = Orders.Functions[0] with
        {
            Events = [new ManifestEvent("HttpApi", "GET", "/a-b", "2.0"), new ManifestEvent("HttpApi", "GET", "/a/b", "2.0"), new ManifestEvent("Api", "GET", "/a/b", "1.0")],
        };

        Assert.Equal(["GetAB", "GetAB2", "GetABRest"], SamFunctionSpec.EventNames(twice));
    }

    [Theory]
    [InlineData("2.0", "'2.0'")]
    [InlineData("2010-09-09", "'2010-09-09'")]
    [InlineData("1:30", "'1:30'")]
    [InlineData("true", "'true'")]
    [InlineData("No", "'No'")]
    [InlineData("it's", "it's")]
    [InlineData("two\nlines", "\"two\\nlines\"")]
    [InlineData("tab\tand \"quote\"", "\"tab\\tand \\\"quote\\\"\"")]
    [InlineData("'quoted'", "'''quoted'''")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("- item", "'- item'")]
    [InlineData("/orders/{id}", "/orders/{id}")]
    [InlineData("Orders::Shop.Orders_Place_Handler::Handle", "Orders::Shop.Orders_Place_Handler::Handle")]
    public void YAML_strings_are_quoted_exactly_when_a_loader_would_read_them_as_something_else(string text, string expected)
    {
        Assert.Equal(expected, YamlTemplateSyntax.Scalar(text));
    }
}
