using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.ColdStart;

public sealed class SLS4004JsonOptionsPerInvocationTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code, "SLS4004");

    [Fact]
    public Task OptionsInAHandler_AreReported() => Project("""
        using System.Text.Json;
        using Sharpless;
        public record Order(string Id);
        public class Function
        {
            [LambdaFunction]
            public string Handle(Order order)
            {
                var options = [|new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }|];
                return JsonSerializer.Serialize(order, options);
            }
        }
        """)
        .ShouldReportDiagnosticWithMessage("'JsonSerializerOptions' is created on every invocation of 'Function.Handle'; System.Text.Json caches serialization metadata per options instance, so keep one instance in a static readonly field")
        .ValidateAsync();

    [Fact]
    public Task SharedOptions_AreNotReported() => Project("""
        using System.Text.Json;
        using Sharpless;
        public record Order(string Id);
        public class Function
        {
            private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

            [LambdaFunction]
            public string Handle(Order order) => JsonSerializer.Serialize(order, s_options);
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task Fix_MovesTheOptionsToAStaticField() => Project("""
        using System.Text.Json;
        using Sharpless;
        public record Order(string Id);
        public class Function
        {
            [LambdaFunction]
            public string Handle(Order order) => JsonSerializer.Serialize(order, [|new JsonSerializerOptions { WriteIndented = true }|]);
        }
        """)
        .ShouldFixCodeWith("""
        using System.Text.Json;
        using Sharpless;
        public record Order(string Id);
        public class Function
        {
            private static readonly JsonSerializerOptions _jsonSerializerOptions = new JsonSerializerOptions { WriteIndented = true };

            [LambdaFunction]
            public string Handle(Order order) => JsonSerializer.Serialize(order, _jsonSerializerOptions);
        }
        """)
        .ValidateAsync();
}
