using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.Common;

/// <summary>
/// The shared handler model (design.md, "What counts as a handler"), one case per rule. Each <c>P.Probe()</c> call is
/// marked with the phase it must get: <c>{|INV:…|}</c>, <c>{|INIT:…|}</c>, or nothing when it is not handler code.
/// </summary>
public sealed class ExecutionPhaseTests
{
    private const string Probe = """

        internal static class P
        {
            public static object Probe() => new object();
        }
        """;

    private static ProjectBuilder Project(string code) =>
        new ProjectBuilder().WithAnalyzer<PhaseProbeAnalyzer>().WithLambdaStandIns().WithSourceCode(code + Probe);

    [Fact]
    public Task LambdaFunctionAttribute_MakesTheMethodAHandler() => Project("""
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle(string input) => {|INV:P.Probe()|};

            [LambdaFunction]
            internal void NonPublicIsStillAHandler() { {|INV:P.Probe()|}; }

            public object NotMarked(string input) => P.Probe();
        }
        """).ValidateAsync();

    [Fact]
    public Task AnnotationsFrameworkAttributes_AreRecognised() => Project("""
        namespace Amazon.Lambda.Annotations
        {
            public sealed class LambdaFunctionAttribute : System.Attribute { }
        }
        namespace Amazon.Lambda.Annotations.APIGateway
        {
            public sealed class HttpApiAttribute : System.Attribute { }
        }
        public class Function
        {
            [Amazon.Lambda.Annotations.LambdaFunction]
            public object Handle() => {|INV:P.Probe()|};

            [Amazon.Lambda.Annotations.APIGateway.HttpApi]
            public object Route() => {|INV:P.Probe()|};
        }
        """).ValidateAsync();

    [Fact]
    public Task RouteAttributes_MakeTheMethodAHandler() => Project("""
        using Sharpless;
        public class OrdersApi
        {
            [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
            public object Get(string id) => {|INV:P.Probe()|};

            [RestApi(LambdaHttpMethod.Post, "/orders")]
            public object Create() => {|INV:P.Probe()|};
        }
        """).ValidateAsync();

    [Fact]
    public Task PublicMethodWithLambdaContext_IsAHandler_NonPublicIsNot() => Project("""
        using Amazon.Lambda.Core;
        public class Function
        {
            public object Handle(string input, ILambdaContext context) => {|INV:P.Probe()|};

            private object Helper(ILambdaContext context) => P.Probe();

            public object NoContext(string input) => P.Probe();
        }
        """).ValidateAsync();

    [Fact]
    public Task HandlerString_InToolsDefaults_NamesTheHandler() => Project("""
        namespace Orders
        {
            public class Function
            {
                public object Handle(string input) => {|INV:P.Probe()|};
                public object Other(string input) => P.Probe();
            }
        }
        """)
        .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", """
            {
              "profile": "",
              "region": "eu-west-1",
              "function-runtime": "dotnet8",
              "function-handler": "TestProject::Orders.Function::Handle"
            }
            """)
        .ValidateAsync();

    [Fact]
    public Task HandlerString_InSamTemplate_NamesTheHandler_IncludingNestedAndInheritedMethods() => Project("""
        namespace Orders
        {
            public class Outer
            {
                public class Nested
                {
                    public object Run(string input) => {|INV:P.Probe()|};
                }
            }

            public class BaseFunction
            {
                public object Inherited(string input) => {|INV:P.Probe()|};
            }

            public class Derived : BaseFunction
            {
            }
        }
        """)
        .WithAdditionalFile("/src/template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              NestedFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Orders.Outer+Nested::Run   # nested types use '+'
                  Runtime: dotnet8
              InheritedFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "TestProject::Orders.Derived::Inherited"
            """)
        .ValidateAsync();

    [Fact]
    public Task HandlerString_InJsonTemplate_NamesTheHandler() => Project("""
        namespace Orders
        {
            public class Function
            {
                public object Handle(string input) => {|INV:P.Probe()|};
            }
        }
        """)
        .WithAdditionalFile("/src/serverless.template", """{"Resources":{"Fn":{"Type":"AWS::Serverless::Function","Properties":{"Handler":"TestProject::Orders.Function::Handle","Runtime":"dotnet8"}}}}""")
        .ValidateAsync();

    [Fact]
    public Task HandlerString_ForAnotherAssembly_OrInAnUnrelatedFile_IsIgnored() => Project("""
        namespace Orders
        {
            public class Function
            {
                public object Handle(string input) => P.Probe();
            }
        }
        """)
        .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", """{ "function-handler": "OtherAssembly::Orders.Function::Handle" }""")
        .WithAdditionalFile("/src/notes.json", """{ "function-handler": "TestProject::Orders.Function::Handle" }""")
        .ValidateAsync();

    [Fact]
    public Task DeploymentFiles_ThatAreGarbage_NameNoHandler_AndDoNotCrash() => Project("""
        namespace Orders
        {
            public class Function
            {
                public object Handle(string input) => P.Probe();
            }
        }
        """)
        .WithAdditionalFile("/src/aws-lambda-tools-defaults.json", "\u0000\u0001\uFFFD{{{ \"function-handler\": ")
        .WithAdditionalFile("/src/template.yaml", "Handler: bootstrap\nHandler:\nHandler: ::::\nHandler: TestProject::::Handle")
        .WithAdditionalFile("/src/template.json", "")
        .ValidateAsync();

    [Fact]
    public Task InitPhase_ConstructorsInitializersAndLazyFields() => Project("""
        using System;
        using Sharpless;
        public class Function
        {
            private static readonly object s_static = {|INIT:P.Probe()|};
            private readonly object _instance = {|INIT:P.Probe()|};
            private static readonly Lazy<object> s_lazy = new Lazy<object>(() => {|INIT:P.Probe()|});
            public object Property { get; } = {|INIT:P.Probe()|};

            static Function() { {|INIT:P.Probe()|}; }

            public Function() { {|INIT:P.Probe()|}; }

            [LambdaFunction]
            public object Handle() => s_lazy.Value;
        }
        """).ValidateAsync();

    [Fact]
    public Task LazyCreatedInsideTheHandler_RunsPerInvocation() => Project("""
        using System;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle()
            {
                var lazy = new Lazy<object>(() => {|INV:P.Probe()|});
                return lazy.Value;
            }
        }
        """).ValidateAsync();

    [Fact]
    public Task LazyInitializationIdioms_InsideTheHandler_AreInitPhase() => Project("""
        using System.Threading;
        using Sharpless;
        public class Function
        {
            private static object? s_a;
            private object? _b;
            private static object? s_c;
            private static object? s_d;

            [LambdaFunction]
            public object Handle()
            {
                LazyInitializer.EnsureInitialized(ref s_a, () => {|INIT:P.Probe()|});
                _b ??= {|INIT:P.Probe()|};
                if (s_c is null)
                {
                    s_c = {|INIT:P.Probe()|};
                }
                if (s_d == null) s_d = {|INIT:P.Probe()|};
                s_d = {|INV:P.Probe()|}; // unconditional: replaced on every invocation
                return s_a!;
            }
        }
        """).ValidateAsync();

    [Fact]
    public Task LambdasAndLocalFunctionsInsideAHandler_RunPerInvocation() => Project("""
        using System.Linq;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object[] Handle(int[] ids)
            {
                return ids.Select(id => {|INV:P.Probe()|}).Append(Local()).ToArray();

                object Local() => {|INV:P.Probe()|};
            }
        }
        """).ValidateAsync();

    [Fact]
    public Task NonHandlerCode_IsNeitherPhase() => Project("""
        using System;
        using Sharpless;
        public class Function
        {
            private static readonly Func<object> s_factory = () => P.Probe();

            public object Property => P.Probe();

            [LambdaFunction]
            public object Handle() => Helper();

            private object Helper() => P.Probe();
        }
        """).ValidateAsync();

    [Fact]
    public Task Executable_TopLevelStatementsAreInit_BootstrapDelegateAndContextLocalFunctionAreHandlers() => Project("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        var shared = {|INIT:P.Probe()|};
        await LambdaBootstrapBuilder.Create(async (Stream input, ILambdaContext context) =>
        {
            {|INV:P.Probe()|};
            await Task.Yield();
        }).Build().RunAsync();

        // A handler delegate without a context parameter is still the function's handler.
        await LambdaBootstrapBuilder.Create((string input) => {|INV:P.Probe()|}.ToString()!, serializer: null!).Build().RunAsync();

        static string Handler(string input, ILambdaContext context) => {|INV:P.Probe()|}.ToString()!;
        """)
        .WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)
        .ValidateAsync();
}
