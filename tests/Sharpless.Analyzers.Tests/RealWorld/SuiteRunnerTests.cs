namespace Sharpless.Analyzers.Tests.RealWorld;

/// <summary>The suite's own machinery: markup, and the sorting of diagnostics into found, quiet-site hits and unexpected.</summary>
public sealed class SuiteRunnerTests
{
    private const string Handler = """
        using System.Net.Http;
        using Amazon.Lambda.Core;
        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                var expected = {|SLS5002:new HttpClient()|};
                var quiet = {|quiet:new HttpClient()|};
                var unmarked = new HttpClient();
                return input;
            }
        }
        """;

    [Fact]
    public async Task ExpectedSite_IsFound_QuietSite_IsAFalsePositive_UnmarkedWarning_IsUnexpected()
    {
        var project = new RealWorldProject("self-test", "runner", "SelfTest").Source("Function.cs", Handler).ReadyToRun();

        var result = await SuiteRunner.RunAsync(project);

        Assert.Equal(ProjectStatus.Ran, result.Status);
        Assert.Equal(1, result.Expected);
        Assert.Equal(1, result.Found);
        Assert.Equal("SLS5002", Assert.Single(result.QuietFalsePositives).Id);
        Assert.Equal("SLS5002", Assert.Single(result.UnexpectedWarnings).Id);
    }

    [Fact]
    public async Task ProjectLevelIds_AreMatchedByIdOnly_AndAForbiddenOneIsAFalsePositive()
    {
        var expecting = new RealWorldProject("self-test-4002", "runner", "SelfTest").Source("Function.cs", Handler.Replace("{|quiet:", "{|SLS5002:", StringComparison.Ordinal)).ExpectInProject("SLS4002");
        var forbidding = new RealWorldProject("self-test-4002-quiet", "runner", "SelfTest").Source("Function.cs", Handler).QuietInProject("SLS4002");

        var found = await SuiteRunner.RunAsync(expecting);
        var forbidden = await SuiteRunner.RunAsync(forbidding);

        Assert.Equal(3, found.Expected);
        Assert.Equal(3, found.Found);
        Assert.Contains(forbidden.QuietFalsePositives, f => f.Id == "SLS4002");
    }

    [Fact]
    public async Task MissingPackage_IsNotRunnable_AndItsExpectationsCountAsMissed()
    {
        var project = new RealWorldProject("self-test-missing", "runner", "SelfTest").Source("Function.cs", Handler).Needing(Needs.Kafka);
        var dllPresent = File.Exists(Path.Combine(AppContext.BaseDirectory, "Confluent.Kafka.dll"));

        var result = await SuiteRunner.RunAsync(project);

        Assert.Equal(dllPresent ? ProjectStatus.Ran : ProjectStatus.NotRunnable, result.Status);
        if (!dllPresent)
        {
            Assert.Equal(0, result.Found);
            Assert.Contains("Confluent.Kafka.dll", result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Markup_IsStripped_AndAnExpectedSiteInsideAQuietOne_IsRejected()
    {
        var (text, spans) = SuiteMarkup.Parse("var x = {|SLS5001:new A()|}; {|quiet:new B()|};", "t");

        Assert.Equal("var x = new A(); new B();", text);
        Assert.Collection(
            spans,
            s => Assert.Equal(("SLS5001", "new A()"), (s.Id, text.Substring(s.Span.Start, s.Span.Length))),
            s => Assert.Equal((SuiteSpan.QuietMarker, "new B()"), (s.Id, text.Substring(s.Span.Start, s.Span.Length))));
        Assert.Throws<ArgumentException>(() => SuiteMarkup.Parse("{|quiet:a {|SLS5001:b|} |}", "t"));
    }
}
