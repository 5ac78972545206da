using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.ColdStart;

public sealed class SLS4007HostBuiltPerInvocationTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code, "SLS4007");

    [Fact]
    public Task HostsContainersAndFileConfiguration_InAHandler_AreReported() => Project("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object DefaultBuilder() => [|Host.CreateDefaultBuilder()|].Build();

            [LambdaFunction]
            public object ApplicationBuilder() => [|Host.CreateApplicationBuilder()|].Build();

            [LambdaFunction]
            public object NewHostBuilder() => [|new HostBuilder()|].Build();

            [LambdaFunction]
            public object Container()
            {
                var services = new ServiceCollection();
                services.AddSingleton<Function>();
                return [|services.BuildServiceProvider()|];
            }

            [LambdaFunction]
            public object FluentConfiguration() =>
                [|new ConfigurationBuilder().SetBasePath("/var/task").AddJsonFile("appsettings.json").AddEnvironmentVariables().Build()|];

            [LambdaFunction]
            public object ConfigurationInALocal()
            {
                var builder = new ConfigurationBuilder();
                builder.AddJsonFile("appsettings.json", optional: true);
                return [|builder.Build()|];
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task TheMessage_SaysWhereToBuildIt() => Project("""
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public object Handle() => [|new ServiceCollection().BuildServiceProvider()|];
        }
        """)
        .ShouldReportDiagnosticWithMessage("'BuildServiceProvider' runs on every invocation of 'Function.Handle'; building a host, service provider or file-based configuration is INIT work: do it once (constructor, static field or [LambdaStartup]) and reuse the result")
        .ValidateAsync();

    [Fact]
    public Task InitTimeHosts_InMemoryConfiguration_AndStartupClasses_AreNotReported() => Project("""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Sharpless;

        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.AddSingleton(new ConfigurationBuilder().AddJsonFile("appsettings.json").Build());
        }

        public class Function
        {
            private static readonly IServiceProvider s_services = new ServiceCollection().BuildServiceProvider();
            private readonly IHost _host;

            public Function() { _host = Host.CreateDefaultBuilder().Build(); }

            [LambdaFunction]
            public object Handle() =>
                new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["a"] = "b" }).AddEnvironmentVariables().Build();
        }
        """)
        .ValidateAsync();
}
