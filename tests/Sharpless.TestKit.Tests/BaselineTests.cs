using Sharpless.TestKit.Tests.Components;

namespace Sharpless.TestKit.Tests;

public sealed class BaselineTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sharpless-baselines-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task CheckedInBaselineIsFoundThroughAssemblyMetadata()
    {
        var run = await GeneratorVerificationTests.Generate<CachedGenerator>().RunGeneratorsAsync();

        // Resolves tests/Sharpless.TestKit.Tests/Baselines/FunctionList.g.cs from [AssemblyMetadata], not from file paths.
        run.ShouldMatchBaseline("FunctionList.g.cs", "FunctionList.g.cs");
    }

    [Fact]
    public async Task UpdateSwitchWritesTheBaselineAndItThenMatches()
    {
        var run = await GeneratorVerificationTests.Generate<CachedGenerator>().RunGeneratorsAsync();

        run.ShouldMatchBaseline("FunctionList.g.cs", "Nested/FunctionList.g.cs", _directory, update: true);

        Assert.Equal(run.GetSource("FunctionList.g.cs"), File.ReadAllText(Path.Combine(_directory, "Nested", "FunctionList.g.cs")));
        run.ShouldMatchBaseline("FunctionList.g.cs", "Nested/FunctionList.g.cs", _directory, update: false);
    }

    [Fact]
    public void EnvironmentVariableTurnsOnUpdates()
    {
        var path = Path.Combine(_directory, "FromEnvironment.txt");
        Environment.SetEnvironmentVariable(Baselines.UpdateEnvironmentVariable, "1");
        try
        {
            Baselines.Verify("written\n", path);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Baselines.UpdateEnvironmentVariable, null);
        }

        Assert.Equal("written\n", File.ReadAllText(path));
        Baselines.Verify("written\r\n", path);
    }

    [Fact]
    public async Task MissingBaselineExplainsHowToCreateIt()
    {
        var run = await GeneratorVerificationTests.Generate<CachedGenerator>().RunGeneratorsAsync();

        var error = Assert.Throws<VerificationException>(() => run.ShouldMatchBaseline("FunctionList.g.cs", "Missing.g.cs", _directory, update: false));

        Assert.Contains("does not exist", error.Message);
        Assert.Contains("SHARPLESS_UPDATE_BASELINES=1", error.Message);
    }

    [Fact]
    public async Task BaselineMismatchShowsDiff()
    {
        var run = await GeneratorVerificationTests.Generate<CachedGenerator>().RunGeneratorsAsync();
        Directory.CreateDirectory(_directory);
        File.WriteAllText(
            Path.Combine(_directory, "FunctionList.g.cs"),
            run.GetSource("FunctionList.g.cs").Replace("GetOrder = ", "FetchOrder = ", StringComparison.Ordinal));

        var error = Assert.Throws<VerificationException>(() => run.ShouldMatchBaseline("FunctionList.g.cs", "FunctionList.g.cs", _directory, update: false));

        Assert.Contains("Generated text differs from baseline", error.Message);
        Assert.Contains("-         public const string FetchOrder = \"Orders.Handlers::GetOrder\";", error.Message);
        Assert.Contains("+         public const string GetOrder = \"Orders.Handlers::GetOrder\";", error.Message);
    }
}
