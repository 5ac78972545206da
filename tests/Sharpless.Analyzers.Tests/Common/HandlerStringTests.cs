using Sharpless.Common;
using Sharpless.Deployment;

namespace Sharpless.Analyzers.Tests.Common;

public sealed class HandlerStringTests
{
    [Theory]
    [InlineData("Orders::Orders.Function::Handle", "Orders", "Orders.Function", "Handle")]
    [InlineData("  My.Assembly::Ns.Outer+Inner::Run  ", "My.Assembly", "Ns.Outer+Inner", "Run")]
    [InlineData("A::T::M", "A", "T", "M")]
    public void ParsesClassLibraryHandlerStrings(string text, string assembly, string type, string method)
    {
        Assert.True(HandlerString.TryParse(text, out var handler));
        Assert.Equal(assembly, handler.Assembly);
        Assert.Equal(type, handler.TypeName);
        Assert.Equal(method, handler.MethodName);
        Assert.Equal($"{assembly}::{type}::{method}", handler.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bootstrap")]          // executables (custom runtime / AOT) name no method
    [InlineData("MyFunction")]         // executable assembly handler
    [InlineData("A::T")]
    [InlineData("::T::M")]
    [InlineData("A::::M")]
    [InlineData("A::T::")]
    [InlineData("A::T::M::X")]
    public void RejectsAnythingElse(string? text)
    {
        Assert.False(HandlerString.TryParse(text, out _));
    }

    [Theory]
    [InlineData("Orders::Orders.Function::Handle", true)]
    [InlineData("My.Assembly-2::Ns.Outer+Inner::Run", true)]
    [InlineData("Orders::Function::Handle", true)]
    [InlineData("${asm}::Orders.Function::Handle", false)]    // an interpolation, not a name
    [InlineData("Orders::Orders.Function::{method}", false)]
    [InlineData("Orders::Orders.Function::Handle()", false)]
    [InlineData("Orders::Orders..Function::Handle", false)]
    [InlineData("Orders::Orders.Function::Handle.Extra", false)]
    [InlineData("arn:aws:iam::123456789012:role/x", false)]
    [InlineData("1Orders::Orders.Function::Handle", false)]
    public void WellFormed_RequiresLoadableParts(string text, bool expected)
    {
        Assert.Equal(expected, HandlerString.TryParseWellFormed(text, out _));
    }

    [Theory]
    [InlineData("Orders::Orders.Function::Handle", true)]
    [InlineData("Orders::Function::Handle", false)]
    [InlineData("AWS::Lambda::Function", false)]
    public void HasNamespace_TellsQualifiedTypes(string text, bool expected)
    {
        Assert.True(HandlerString.TryParse(text, out var handler));
        Assert.Equal(expected, handler.HasNamespace);
    }

    [Fact]
    public void ReadsHandlerKeysFromYamlAndJson_ButNotLookalikeKeys()
    {
        var yaml = """
            Globals:
              Function:
                Handler: A::T::Global
            Resources:
              Fn:
                Properties:
                  Handler: 'A::T::Quoted'
                  FunctionHandler: A::T::NotAHandlerKey
                  Environment:
                    Variables:
                      MyHandler: A::T::AlsoNot
            """;
        var json = """{"function-handler":"A::T::Json","Handler" : "A::T::Spaced"}""";

        var names = DeploymentFiles.ParseHandlerStrings(yaml).Concat(DeploymentFiles.ParseHandlerStrings(json))
            .Select(h => h.MethodName)
            .ToArray();

        Assert.Equal(new[] { "Global", "Quoted", "Json", "Spaced" }, names);
    }

    [Theory]
    [InlineData("/p/aws-lambda-tools-defaults.json", true)]
    [InlineData("/p/template.yaml", true)]
    [InlineData("/p/TEMPLATE.YML", true)]
    [InlineData("/p/template.json", true)]
    [InlineData("/p/serverless.template", true)]
    [InlineData("/p/appsettings.json", false)]
    [InlineData("/p/template.yaml.bak", false)]
    public void RecognisesDeploymentFilesByName(string path, bool expected)
    {
        Assert.Equal(expected, DeploymentFiles.IsDeploymentFile(path));
    }
}
