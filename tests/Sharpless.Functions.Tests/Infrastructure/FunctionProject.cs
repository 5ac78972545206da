using Microsoft.Extensions.DependencyInjection;
using Sharpless.TestKit;

namespace Sharpless.Functions.Tests.Infrastructure;

/// <summary>Test projects for the function generator, set up the way a Lambda project is.</summary>
internal static class FunctionProject
{
    /// <summary>
    /// A Lambda class library: Amazon.Lambda.Core (stand-in), System.Text.Json's generator, Microsoft.Extensions.
    /// DependencyInjection (real), and a test ILambdaContext whose remaining time the test controls.
    /// </summary>
    public static ProjectBuilder Create(string source) =>
        new ProjectBuilder()
            .WithAssemblyName("Orders")
            .WithLambdaStandIns()
            .WithSourceCode(source)
            .WithSourceCode(TestLambdaContextSource, "TestLambdaContext.cs")
            .WithDependencyInjection()
            .WithGenerator(JsonSourceGenerator.Instance)
            .WithGenerator<FunctionGenerator>();

    /// <summary>
    /// A Lambda class library checked by LambdaFunctionAnalyzer alone. System.Text.Json's generator runs so contexts
    /// compile; Sharpless's generator does not, so the test source must compile without the handlers.
    /// </summary>
    public static ProjectBuilder ForRules(string markup) =>
        new ProjectBuilder()
            .WithAssemblyName("Orders")
            .WithLambdaStandIns()
            .WithDependencyInjection()
            .WithSourceCode(markup)
            .WithGenerator(JsonSourceGenerator.Instance)
            .WithAnalyzer<LambdaFunctionAnalyzer>();

    /// <summary>A project without Amazon.Lambda.* or the container: the Stream-only handler shape.</summary>
    public static ProjectBuilder CreateWithoutLambdaCore(string source) =>
        new ProjectBuilder()
            .WithAssemblyName("Orders")
            .WithSourceCode(source)
            .WithGenerator(JsonSourceGenerator.Instance)
            .WithGenerator<FunctionGenerator>();

    /// <summary>Loads the generated assembly for execution; fails first if the generated code has any warning.</summary>
    public static FunctionHost Load(GeneratorRun run) => FunctionHost.Load(run);

    public static ProjectBuilder WithDependencyInjection(this ProjectBuilder builder) =>
        builder
            .WithReference(typeof(ServiceCollection).Assembly)
            .WithReference(typeof(IServiceCollection).Assembly)
            .WithReference(typeof(ServiceProvider).Assembly);

    // Compiled into the test assembly because ILambdaContext (a stand-in) only exists there.
    private const string TestLambdaContextSource = """
        namespace Tests
        {
            public sealed class TestLambdaContext : Amazon.Lambda.Core.ILambdaContext
            {
                public TestLambdaContext(System.TimeSpan remainingTime) => RemainingTime = remainingTime;
                public string AwsRequestId => "request-1";
                public Amazon.Lambda.Core.IClientContext ClientContext => null!;
                public string FunctionName => "orders";
                public string FunctionVersion => "$LATEST";
                public Amazon.Lambda.Core.ICognitoIdentity Identity => null!;
                public string InvokedFunctionArn => "arn:aws:lambda:eu-west-1:123456789012:function:orders";
                public Amazon.Lambda.Core.ILambdaLogger Logger => null!;
                public string LogGroupName => "/aws/lambda/orders";
                public string LogStreamName => "stream";
                public int MemoryLimitInMB => 512;
                public System.TimeSpan RemainingTime { get; }
            }
        }
        """;
}
