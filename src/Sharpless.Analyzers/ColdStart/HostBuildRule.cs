using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// SLS4007: a host, container or file-backed configuration built per invocation — <c>Host.CreateDefaultBuilder</c>
    /// (and the other <c>Host.Create…Builder</c> methods), <c>new HostBuilder()</c>, <c>new HostApplicationBuilder()</c>,
    /// <c>WebApplication.Create…</c>, <c>BuildServiceProvider()</c>, and <c>ConfigurationBuilder.Build()</c> when a file source
    /// (<c>AddJsonFile</c>, <c>SetBasePath</c>, …) was added to it. An in-memory or environment-variable configuration is
    /// cheap and not reported.
    /// </summary>
    internal sealed class HostBuildRule : PerInvocationRule
    {
        private static readonly string[] FileSources =
        {
            "AddJsonFile", "AddXmlFile", "AddIniFile", "AddYamlFile", "AddUserSecrets", "AddKeyPerFile", "SetBasePath", "SetFileProvider",
        };

        private readonly INamedTypeSymbol? _host;
        private readonly INamedTypeSymbol? _hostBuilder;
        private readonly INamedTypeSymbol? _hostApplicationBuilder;
        private readonly INamedTypeSymbol? _webApplication;
        private readonly INamedTypeSymbol? _containerBuilderExtensions;
        private readonly INamedTypeSymbol? _configurationBuilder;
        private readonly INamedTypeSymbol? _configurationBuilderInterface;

        private HostBuildRule(Compilation compilation)
            : base(ColdStartRules.HostBuiltPerInvocation)
        {
            _host = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.Host");
            _hostBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostBuilder");
            _hostApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostApplicationBuilder");
            _webApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
            _containerBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions");
            _configurationBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationBuilder");
            _configurationBuilderInterface = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationBuilder");
        }

        public override bool IsHoistable => false;

        public static PerInvocationRule? Create(Compilation compilation)
        {
            var rule = new HostBuildRule(compilation);
            return rule._host is null && rule._hostBuilder is null && rule._webApplication is null &&
                   rule._containerBuilderExtensions is null && rule._configurationBuilder is null
                ? null
                : rule;
        }

        public override string? Match(IOperation operation)
        {
            switch (operation)
            {
                case IObjectCreationOperation { Type: INamedTypeSymbol created }
                    when TypeChecks.IsOrDerivesFrom(created, _hostBuilder) || TypeChecks.IsOrDerivesFrom(created, _hostApplicationBuilder):
                    return "new " + created.Name;

                case IInvocationOperation { TargetMethod: var method } invocation:
                    var type = method.ContainingType;
                    if ((TypeChecks.IsType(type, _host) || TypeChecks.IsType(type, _webApplication)) && method.IsStatic && method.Name.StartsWith("Create", System.StringComparison.Ordinal))
                    {
                        return type.Name + "." + method.Name;
                    }

                    if (TypeChecks.IsType(type, _containerBuilderExtensions) && method.Name == "BuildServiceProvider")
                    {
                        return "BuildServiceProvider";
                    }

                    if (method.Name == "Build" && method.Parameters.Length == 0 &&
                        (TypeChecks.IsType(type, _configurationBuilder) || TypeChecks.IsType(type, _configurationBuilderInterface)) &&
                        HasFileSource(invocation))
                    {
                        return "ConfigurationBuilder.Build";
                    }

                    return null;

                default:
                    return null;
            }
        }

        /// <summary>Follows the fluent chain (<c>new ConfigurationBuilder().AddJsonFile(…).Build()</c>) and, for a builder
        /// held in a local, the calls made on that local in the same body.</summary>
        private static bool HasFileSource(IInvocationOperation build)
        {
            var receiver = Receiver(build);
            while (receiver is IInvocationOperation call)
            {
                if (IsFileSource(call.TargetMethod.Name))
                {
                    return true;
                }

                receiver = Receiver(call);
            }

            if (receiver is not ILocalReferenceOperation local)
            {
                return false;
            }

            foreach (var descendant in TypeChecks.Root(build).Descendants())
            {
                if (descendant is IInvocationOperation other && IsFileSource(other.TargetMethod.Name) &&
                    Receiver(other) is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? Receiver(IInvocationOperation call)
        {
            var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
            return receiver is null ? null : TypeChecks.WithoutConversions(receiver);
        }

        private static bool IsFileSource(string name)
        {
            foreach (var source in FileSources)
            {
                if (name == source)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
