using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.ColdStart;

public sealed class SLS4008ReflectionScanPerInvocationTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code, "SLS4008");

    [Fact]
    public Task Scans_InAHandler_AreReported() => Project("""
        using System;
        using System.Linq;
        using Sharpless;
        public interface IPlugin { }
        public class Function
        {
            [LambdaFunction]
            public int Handle(string typeName)
            {
                var plugins = [|typeof(Function).Assembly.GetTypes()|].Where(t => typeof(IPlugin).IsAssignableFrom(t)).ToList();
                var assemblies = [|AppDomain.CurrentDomain.GetAssemblies()|];
                var type = [|Type.GetType(typeName)|];
                var instance = [|Activator.CreateInstance(type!)|];
                var exported = [|typeof(Function).Assembly.GetExportedTypes()|];
                return plugins.Count + assemblies.Length + exported.Length + (instance is null ? 0 : 1);
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task TheMessage_NamesTheCall() => Project("""
        using System;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object? Handle(string name) => [|Type.GetType(name)|];
        }
        """)
        .ShouldReportDiagnosticWithMessage("'Type.GetType' runs on every invocation of 'Function.Handle'; scanning or resolving types by reflection is slow and not trim-safe: do it once at init and cache the result")
        .ValidateAsync();

    [Fact]
    public Task InitTimeScans_GenericActivator_AndOtherReflection_AreNotReported() => Project("""
        using System;
        using System.Linq;
        using Sharpless;
        public class Function
        {
            private static readonly Type[] s_types = typeof(Function).Assembly.GetTypes();

            [LambdaFunction]
            public object Handle() => Activator.CreateInstance<Function>().GetType().Name + typeof(Function).GetMethods().Length + s_types.Length;
        }
        """)
        .ValidateAsync();
}
