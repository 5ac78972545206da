using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.ColdStart;

public sealed class SLS4006NewtonsoftJsonInHandlerTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code, "SLS4006");

    [Fact]
    public Task JsonConvertInAHandler_IsReported() => Project("""
        using Newtonsoft.Json;
        using Sharpless;
        public class Order { public string Id { get; set; } = ""; }
        public class Function
        {
            [LambdaFunction]
            public string Handle(string body) => [|JsonConvert.SerializeObject(Parse(body))|];

            private static Order? Parse(string body) => [|JsonConvert.DeserializeObject<Order>(body)|];
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task TheMessage_PointsToSourceGeneratedSystemTextJson() => Project("""
        using Newtonsoft.Json;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public string Handle(int[] values) => [|JsonConvert.SerializeObject(values)|];
        }
        """)
        .ShouldReportDiagnosticWithMessage("'JsonConvert.SerializeObject' runs on every invocation of 'Function.Handle'; Newtonsoft.Json builds reflection-based contracts on first use, adding to the first invocation after every cold start, and is not Native AOT compatible: prefer System.Text.Json with a JsonSerializerContext")
        .ValidateAsync();

    [Fact]
    public Task NewtonsoftOutsideHandlers_IsNotReported() => Project("""
        using Newtonsoft.Json;
        public class Settings
        {
            public static readonly string Defaults = JsonConvert.SerializeObject(new { Retries = 3 });
            public string Dump(object value) => JsonConvert.SerializeObject(value);
        }
        """)
        .ValidateAsync();
}
