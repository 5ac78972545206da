using Sharpless.Functions.Tests.Infrastructure;

namespace Sharpless.Functions.Tests.Rules;

/// <summary>SLS1001–SLS1006, SLS1015: what a [LambdaFunction] method's own declaration can get wrong.</summary>
public sealed class SignatureRulesTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Sharpless;

        """;

    [Fact]
    public Task SLS1001_PrivateMethodOrPrivateNestedClass_IsReported() => FunctionProject.ForRules(Usings + """
        public class Orders
        {
            [LambdaFunction] private string [|Hidden|](string id) => id;
            [LambdaFunction] protected string {|SLS1001:Guarded|}(string id) => id;

            private class Inner
            {
                [LambdaFunction] public string {|SLS1001:Nested|}(string id) => id;
            }
        }
        """).WithDefaultRuleId("SLS1001").ShouldReportDiagnosticWithMessage("'Hidden' must be public or internal, in types that are public or internal, for the generated handler to call it").ValidateAsync();

    [Fact]
    public Task SLS1001_PublicAndInternal_AreFine() => FunctionProject.ForRules(Usings + """
        internal class Orders
        {
            [LambdaFunction] public string Open(string id) => id;
            [LambdaFunction] internal string Assembly(string id) => id;
            [LambdaFunction] protected internal string Either(string id) => id;

            public class Inner { [LambdaFunction] public string Nested(string id) => id; }
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS1002_GenericMethodOrClass_IsReported() => FunctionProject.ForRules(Usings + """
        public class Orders
        {
            [LambdaFunction] public string {|SLS1002:Echo|}<T>(string id) => id;
        }

        public class Repository<T>
        {
            [LambdaFunction] public string [|Load|](string id) => id;
        }
        """).WithDefaultRuleId("SLS1002").ShouldReportDiagnosticWithMessage("'Load' is generic (its class 'Repository<T>' is generic); the Lambda runtime cannot choose type arguments for a handler")
            .ValidateAsync();

    [Fact]
    public Task SLS1002_ClosedGenericsInTheSignature_AreFine() => FunctionProject.ForRules(Usings + """
        public class Orders
        {
            [LambdaFunction] public Task<List<string>> Ids(Stream input) => Task.FromResult(new List<string>());
        }

        [System.Text.Json.Serialization.JsonSerializable(typeof(List<string>))]
        internal partial class AppJson : System.Text.Json.Serialization.JsonSerializerContext { }
        """).ValidateAsync();

    [Fact]
    public Task SLS1003_RefOutInAndRefStructParameters_AreReported() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            [LambdaFunction] public static void ByRef(ref string {|SLS1003:id|}) { }
            [LambdaFunction] public static void Out(out string {|SLS1003:id|}) => id = "";
            [LambdaFunction] public static void In(in int {|SLS1003:id|}) { }
            [LambdaFunction] public static void Span(ReadOnlySpan<byte> [|bytes|]) { }
        }
        """).WithDefaultRuleId("SLS1003").ShouldReportDiagnosticWithMessage("Parameter 'bytes' cannot be bound: a handler cannot pass a value of type 'System.ReadOnlySpan<byte>'")
            .ValidateAsync();

    [Fact]
    public Task SLS1004_SecondPayloadParameter_IsReported() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            [LambdaFunction] public static string Merge(string first, ILambdaContext context, string {|SLS1004:second|}) => first + second;
        }
        """).ShouldReportDiagnosticWithMessage("Parameter 'second' would be a second event payload (the first is 'first'); a function takes one payload, plus ILambdaContext, CancellationToken and [FromServices] parameters").ValidateAsync();

    [Fact]
    public Task SLS1004_OnePayloadWithContextTokenAndServices_IsFine() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            [LambdaFunction] public static string Place(string id, ILambdaContext context, CancellationToken cancellationToken) => id;
            [LambdaFunction] public static string NoPayload(ILambdaContext context) => context.AwsRequestId;
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS1005_AsyncVoid_IsReported() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            [LambdaFunction] public static async void {|SLS1005:Fire|}(string id) => await Task.Yield();
            [LambdaFunction] public static async Task Awaited(string id) => await Task.Yield();
            [LambdaFunction] public static void Sync(string id) { }
        }
        """).ShouldReportDiagnosticWithMessage("'Fire' is async void; return Task so the invocation waits for it and its exceptions reach the runtime").ValidateAsync();

    [Fact]
    public Task SLS1006_UnsupportedReturnTypes_AreReported() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            private static int s_value;

            [LambdaFunction] public static IAsyncEnumerable<string> {|SLS1006:Stream|}(string id) => throw new NotImplementedException();
            [LambdaFunction] public static Task<Task<string>> {|SLS1006:Nested|}(string id) => throw new NotImplementedException();
            [LambdaFunction] public static ref int {|SLS1006:ByRef|}(string id) => ref s_value;
            [LambdaFunction] public static dynamic {|SLS1006:Loose|}(string id) => id;
            [LambdaFunction] public static System.Runtime.CompilerServices.YieldAwaitable [|Awaitable|](string id) => Task.Yield();
        }
        """).WithDefaultRuleId("SLS1006").ShouldReportDiagnosticWithMessage("'Awaitable' returns System.Runtime.CompilerServices.YieldAwaitable, which a handler cannot return: only Task and ValueTask are awaited")
            .ValidateAsync();

    [Fact]
    public Task SLS1006_SupportedReturnTypes_AreFine() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            [LambdaFunction] public static void A(string id) { }
            [LambdaFunction] public static Task B(string id) => Task.CompletedTask;
            [LambdaFunction] public static ValueTask C(string id) => default;
            [LambdaFunction] public static string D(string id) => id;
            [LambdaFunction] public static Task<string> E(string id) => Task.FromResult(id);
            [LambdaFunction] public static ValueTask<string?> F(string id) => new(id);
            [LambdaFunction] public static Stream G(string id) => Stream.Null;
            [LambdaFunction] public static Task<MemoryStream> H(string id) => Task.FromResult(new MemoryStream());
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS1015_CancellationTokenWithoutLambdaCore_IsReported() =>
        new Sharpless.TestKit.ProjectBuilder()
            .WithSourceCode("""
                using System.Threading;
                using Sharpless;

                public static class Orders
                {
                    [LambdaFunction] public static string Place(string id, CancellationToken {|SLS1015:cancellationToken|}) => id;
                }
                """)
            .WithAnalyzer<LambdaFunctionAnalyzer>()
            .ShouldReportDiagnosticWithMessage("'cancellationToken' is never cancelled: without Amazon.Lambda.Core the handler cannot see the invocation's remaining time")
            .ValidateAsync();

    [Fact]
    public Task SLS1015_CancellationTokenWithLambdaCore_IsFine() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            [LambdaFunction] public static string Place(string id, CancellationToken cancellationToken) => id;
        }
        """).ValidateAsync();

    [Theory]
    [InlineData("ref string [|id|]", "Parameter 'id' cannot be bound: it is passed by reference (ref)")]
    [InlineData("out string [|id|]", "Parameter 'id' cannot be bound: it is passed by reference (out)")]
    [InlineData("in int [|id|]", "Parameter 'id' cannot be bound: it is passed by reference (in)")]
    [InlineData("MemoryStream [|input|]", "Parameter 'input' cannot be bound: the event arrives as a Stream; declare the parameter as Stream")]
    public Task SLS1003_Messages(string parameter, string message) => FunctionProject.ForRules(Usings + $$"""
        public static class Orders
        {
            [LambdaFunction] public static void Bind({{parameter}}) => throw new NotImplementedException();
        }
        """).WithDefaultRuleId("SLS1003").ShouldReportDiagnosticWithMessage(message).ValidateAsync();

    [Theory]
    [InlineData("IAsyncEnumerable<string>", "'Bad' returns System.Collections.Generic.IAsyncEnumerable<string>, which a handler cannot return: response streaming is not supported; return a collection")]
    [InlineData("Task<Task<string>>", "'Bad' returns System.Threading.Tasks.Task<System.Threading.Tasks.Task<string>>, which a handler cannot return: a task of a task is awaited only once; return the inner value")]
    [InlineData("ref int", "'Bad' returns a reference, which a handler cannot return: the value must be copied to the response")]
    [InlineData("dynamic", "'Bad' returns dynamic, which a handler cannot return: dynamic has no serialization metadata; return a concrete type")]
    public Task SLS1006_Messages(string returnType, string message) => FunctionProject.ForRules(Usings + $$"""
        public static class Orders
        {
            [LambdaFunction] public static {{returnType}} [|Bad|](string id) => throw new NotImplementedException();
        }
        """).WithDefaultRuleId("SLS1006").ShouldReportDiagnosticWithMessage(message).ValidateAsync();
}
