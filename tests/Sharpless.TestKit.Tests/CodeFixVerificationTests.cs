using Microsoft.CodeAnalysis.CodeFixes;
using Sharpless.TestKit.Tests.Components;

namespace Sharpless.TestKit.Tests;

public sealed class CodeFixVerificationTests
{
    private const string TwoCreations = """
        class C
        {
            object A() => [|new object()|];
            object B() => [|new object()|];
        }
        """;

    private const string TwoFixed = """
        class C
        {
            object A() => new string('a', 1);
            object B() => new string('a', 1);
        }
        """;

    private static ProjectBuilder With<TFixer>()
        where TFixer : CodeFixProvider, new() =>
        new ProjectBuilder().WithAnalyzer<ObjectCreationAnalyzer>().WithCodeFixProvider<TFixer>();

    [Fact]
    public Task FixIsAppliedUntilNoDiagnosticRemains() =>
        With<ObjectCreationFixer>().WithSourceCode(TwoCreations).ShouldFixCodeWith(TwoFixed).ValidateAsync();

    [Fact]
    public Task ExpectedCodeMayUseWindowsLineEndings() =>
        With<ObjectCreationFixer>().WithSourceCode(TwoCreations).ShouldFixCodeWith(TwoFixed.Replace("\n", "\r\n", StringComparison.Ordinal)).ValidateAsync();

    [Fact]
    public Task FixAllInDocument() =>
        With<ObjectCreationFixer>().WithSourceCode(TwoCreations).ShouldBatchFixCodeWith(TwoFixed).ValidateAsync();

    [Fact]
    public Task FixAllInProject() =>
        With<ObjectCreationFixer>()
            .WithSourceCode(TwoCreations)
            .WithSourceCode("class D { object E() => [|new object()|]; }")
            .ShouldBatchFixCodeWith(TwoFixed, FixAllScope.Project)
            .ValidateAsync();

    [Fact]
    public Task FixAllInProject_ChecksEverySourceGiven() =>
        With<ObjectCreationFixer>()
            .WithSourceCode(TwoCreations)
            .WithSourceCode("class D { object E() => [|new object()|]; }")
            .ShouldBatchFixCodeWith(FixAllScope.Project, TwoFixed, "class D { object E() => new string('a', 1); }")
            .ValidateAsync();

    [Fact]
    public async Task FixAllInProject_WrongSecondSourceFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => With<ObjectCreationFixer>()
            .WithSourceCode(TwoCreations)
            .WithSourceCode("class D { object E() => [|new object()|]; }")
            .ShouldBatchFixCodeWith(FixAllScope.Project, TwoFixed, "class D { object E() => new object(); }")
            .ValidateAsync());

        Assert.Contains("did not produce the expected code in Test1.cs", error.Message);
    }

    [Fact]
    public async Task NoFixExpected_ButOneIsOffered_Fails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => With<ObjectCreationFixer>()
            .WithSourceCode(TwoCreations)
            .ShouldNotOfferCodeFix()
            .ValidateAsync());

        Assert.Contains("offered 'Replace with new string('a', 1)' where no fix was expected", error.Message);
    }

    [Fact]
    public async Task NoFixExpected_WithoutAnyDiagnostic_Fails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => With<ObjectCreationFixer>()
            .WithSourceCode("class C { }")
            .ShouldNotOfferCodeFix()
            .ValidateAsync());

        Assert.Contains("no diagnostic it could fix", error.Message);
    }

    [Fact]
    public async Task CodeActionIndexOutOfRangeFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => With<ObjectCreationFixer>()
            .WithSourceCode(TwoCreations)
            .ShouldFixCodeWith(1, TwoFixed)
            .ValidateAsync());

        Assert.Contains("index 1 is out of range", error.Message);
        Assert.Contains("[0] Replace with new string('a', 1)", error.Message);
    }

    [Fact]
    public async Task WrongFixedTextFailsWithDiff()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => With<ObjectCreationFixer>()
            .WithSourceCode(TwoCreations)
            .ShouldFixCodeWith(TwoFixed.Replace("object B", "string B", StringComparison.Ordinal))
            .ValidateAsync());

        Assert.Contains("The code fix did not produce the expected code in Test0.cs", error.Message);
        Assert.Contains("-     string B() => new string('a', 1);\n+     object B() => new string('a', 1);", error.Message);
    }

    [Fact]
    public async Task FixedCodeThatDoesNotCompileFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => With<BrokenObjectCreationFixer>()
            .WithSourceCode("class C { object A() => [|new object()|]; }")
            .ShouldFixCodeWith("class C { object A() => new Missing(); }")
            .ValidateAsync());

        Assert.Contains("does not compile", error.Message);
        Assert.Contains("error CS0246", error.Message);
        Assert.Contains("    class C { object A() => new Missing(); }", error.Message);
    }

    [Fact]
    public async Task FixAllResultMustCompile()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => With<BrokenObjectCreationFixer>()
            .WithSourceCode("class C { object A() => [|new object()|]; }")
            .ShouldBatchFixCodeWith("class C { object A() => new Missing(); }")
            .ValidateAsync());

        Assert.Contains("fix all (document) does not compile", error.Message);
    }

    [Fact]
    public async Task FixThatNeverConvergesFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => With<LoopingObjectCreationFixer>()
            .WithSourceCode("class C { object A() => [|new object()|]; }")
            .ShouldFixCodeWith("class C { object A() => new object(); }")
            .ValidateAsync());

        Assert.Contains("The code fix loops: after 50 iterations", error.Message);
    }

    [Fact]
    public async Task MissingFixAllProviderFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => With<NoFixAllObjectCreationFixer>()
            .WithSourceCode(TwoCreations)
            .ShouldBatchFixCodeWith(TwoFixed)
            .ValidateAsync());

        Assert.Contains("GetFixAllProvider() returned null", error.Message);
    }

    [Fact]
    public async Task FixExpectationWithoutFixerFails()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => new ProjectBuilder()
            .WithAnalyzer<ObjectCreationAnalyzer>()
            .WithSourceCode(TwoCreations)
            .ShouldFixCodeWith(TwoFixed)
            .ValidateAsync());

        Assert.Contains("registers no fixer", error.Message);
    }
}
