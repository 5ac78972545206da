using Sharpless.ColdStart;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.ColdStart;

public sealed class SLS4005ReflectionJsonUnderAotTests
{
    private static ProjectBuilder Project(string code, string aot = "true") =>
        new ProjectBuilder()
            .WithAnalyzer<AotReflectionJsonAnalyzer>()
            .WithSourceCode(code)
            .WithBuildProperty("PublishAot", aot);

    private const string Context = """
        [System.Text.Json.Serialization.JsonSerializable(typeof(Order))]
        [System.Text.Json.Serialization.JsonSerializable(typeof(System.Collections.Generic.List<Order>))]
        public partial class AppJsonContext : System.Text.Json.Serialization.JsonSerializerContext
        {
            public AppJsonContext() : base(null) { }
            public static AppJsonContext Default { get; } = new();
            protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
        }
        public record Order(string Id);
        """;

    [Fact]
    public Task ReflectionCalls_AreReported_NamingTheTypeInfoToUse() => Project("""
        using System.Collections.Generic;
        using System.Text.Json;
        public class Codec
        {
            public string Write(Order order) => [|JsonSerializer.Serialize(order)|];
        }
        """ + Context)
        .ShouldReportDiagnosticWithMessage("'JsonSerializer.Serialize' serializes 'Order' through reflection-based metadata, which fails under Native AOT (PublishAot is true) unless the options carry a source-generated resolver; pass the JsonTypeInfo from a JsonSerializerContext, as in JsonSerializer.Serialize(value, MyJsonContext.Default.Order)")
        .ValidateAsync();

    [Fact]
    public Task EveryReflectionOverload_IsReported() => Project("""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text.Json;
        using System.Threading.Tasks;
        public class Codec
        {
            private static readonly JsonSerializerOptions s_options = new() { TypeInfoResolver = AppJsonContext.Default };

            public List<Order>? ReadList(string json) => [|JsonSerializer.Deserialize<List<Order>>(json)|];
            public object? ReadByType(string json) => [|JsonSerializer.Deserialize(json, typeof(Order), s_options)|];
            public byte[] Bytes(Order order) => [|JsonSerializer.SerializeToUtf8Bytes(order, s_options)|];
            public Task WriteAsync(Stream stream, Order order) => [|JsonSerializer.SerializeAsync(stream, order)|];
        }
        """ + Context)
        .ValidateAsync();

    [Fact]
    public Task AotSetByTheLambdaToolsParameters_IsHonoured() => Project("""
        public class Codec
        {
            public string Write(Order order) => [|System.Text.Json.JsonSerializer.Serialize(order)|];
        }
        """ + Context, aot: "")
        .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", """{ "msbuild-parameters": "/p:PublishAot=true" }""")
        .ValidateAsync();

    [Fact]
    public Task SourceGeneratedOverloads_AndProjectsWithoutAot_AreNotReported()
    {
        const string code = """
            using System.Text.Json;
            public class Codec
            {
                public string Write(Order order) => JsonSerializer.Serialize(order, AppJsonContext.Default.GetTypeInfo(typeof(Order))!);
                public object? Read(string json) => JsonSerializer.Deserialize(json, typeof(Order), AppJsonContext.Default);
            }
            """;
        return Task.WhenAll(
            Project(code + Context).ValidateAsync(),
            Project("public class C { public string W(Order o) => System.Text.Json.JsonSerializer.Serialize(o); }" + Context, aot: "false").ValidateAsync());
    }
}
