using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment.Tests;

/// <summary>The runtime written for a project, and which template file is written.</summary>
public sealed class LambdaRuntimeAndLocatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sharpless-locator-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("net8.0", false, null, "dotnet8")]
    [InlineData("net10.0", false, null, "dotnet10")]
    [InlineData("NET10.0", false, null, "dotnet10")]
    [InlineData("net10.0", true, null, "provided.al2023")]
    [InlineData("net9.0", false, null, null)]
    [InlineData("net9.0", false, " provided.al2 ", "provided.al2")]
    [InlineData("net8.0", true, "dotnet8", "dotnet8")]
    public void Runtime_follows_the_target_framework_unless_AOT_or_the_project_says_otherwise(string framework, bool aot, string? configured, string? expected)
    {
        Assert.Equal(expected, LambdaRuntime.For(framework, aot, configured));
    }

    [Fact]
    public void A_new_template_is_template_yaml_or_for_a_Lambda_tools_project_serverless_template()
    {
        Assert.Equal(Path.Combine(_directory, "template.yaml"), TemplateLocator.Locate(_directory, null).Path);

        File.WriteAllText(Path.Combine(_directory, "aws-lambda-tools-defaults.json"), "{ \"profile\": \"\" }");

        var location = TemplateLocator.Locate(_directory, null);
        Assert.Equal((Path.Combine(_directory, "serverless.template"), TemplateFormat.Json), (location.Path, location.Format));
    }

    [Theory]
    [InlineData("template.yaml", TemplateFormat.Yaml)]
    [InlineData("template.yml", TemplateFormat.Yaml)]
    [InlineData("serverless.template", TemplateFormat.Json)]
    [InlineData("template.json", TemplateFormat.Json)]
    public void An_existing_template_is_found_by_its_conventional_name(string name, TemplateFormat format)
    {
        File.WriteAllText(Path.Combine(_directory, name), "{}");

        var location = TemplateLocator.Locate(_directory, null);

        Assert.Equal((Path.Combine(_directory, name), format), (location.Path, location.Format));
    }

    [Fact]
    public void The_project_setting_wins_over_the_tools_defaults_which_win_over_conventional_names()
    {
        File.WriteAllText(Path.Combine(_directory, "template.yaml"), "{}");
        File.WriteAllText(Path.Combine(_directory, "aws-lambda-tools-defaults.json"), "{ \"template\": \"infra/app.template\" }");

        Assert.Equal(Path.Combine(_directory, "infra", "app.template"), TemplateLocator.Locate(_directory, null).Path);
        Assert.Equal(Path.Combine(_directory, "sam", "stack.yaml"), TemplateLocator.Locate(_directory, "sam/stack.yaml").Path);
    }

    [Fact]
    public void A_template_with_another_extension_is_read_as_what_its_first_character_says()
    {
        var path = Path.Combine(_directory, "stack.cfn");
        File.WriteAllText(path, "\n  { \"Resources\": {} }");

        Assert.Equal(TemplateFormat.Json, TemplateLocator.FormatOf(path));
        File.WriteAllText(path, "Resources: {}");
        Assert.Equal(TemplateFormat.Yaml, TemplateLocator.FormatOf(path));
    }

    [Theory]
    [InlineData("", "./")]
    [InlineData("deploy", "../")]
    [InlineData("deploy/prod", "../../")]
    public void CodeUri_points_from_the_template_to_the_project(string templateFolder, string expected)
    {
        var template = Path.Combine(_directory, templateFolder, "template.yaml");

        Assert.Equal(expected, TemplateLocator.CodeUriFor(template, _directory));
    }
}
