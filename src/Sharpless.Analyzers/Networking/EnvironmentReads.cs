using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Networking
{
    /// <summary>An environment variable read in code: which variable, and how the code named it.</summary>
    internal readonly struct EnvironmentRead
    {
        public EnvironmentRead(string variableName, string? configurationKey)
        {
            VariableName = variableName;
            ConfigurationKey = configurationKey;
        }

        public string VariableName { get; }

        /// <summary>The configuration key, when read through <c>IConfiguration</c> (<c>ConnectionStrings:Orders</c>).</summary>
        public string? ConfigurationKey { get; }

        /// <summary>Configuration keys are case-insensitive; environment variable names on Linux are not.</summary>
        public bool IgnoreCase => ConfigurationKey is not null;

        public string Describe(string value) => ConfigurationKey is null
            ? "Environment variable '" + VariableName + "' (" + value + ")"
            : "Configuration key '" + ConfigurationKey + "' (environment variable '" + VariableName + "', " + value + ")";
    }

    /// <summary>
    /// Recognises reads of a function's environment: <c>Environment.GetEnvironmentVariable("X")</c>, and
    /// <c>IConfiguration</c> reads (<c>config["Db:Host"]</c>, <c>GetConnectionString("Orders")</c>,
    /// <c>GetValue&lt;T&gt;("Db:Host")</c>), which the environment-variables provider answers from the variable
    /// <c>Db__Host</c> (<c>__</c> stands for the <c>:</c> that variable names cannot hold).
    /// </summary>
    internal sealed class EnvironmentReads
    {
        private readonly INamedTypeSymbol? _environment;
        private readonly INamedTypeSymbol? _configuration;
        private readonly INamedTypeSymbol? _configurationExtensions;
        private readonly INamedTypeSymbol? _configurationBinder;

        public EnvironmentReads(Compilation compilation)
        {
            _environment = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly.GetTypeByMetadataName("System.Environment")
                ?? compilation.GetTypeByMetadataName("System.Environment");
            _configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            _configurationExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationExtensions");
            _configurationBinder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationBinder");
        }

        /// <summary>Whether a call by this name can be a read this class recognises (a syntax-only first check).</summary>
        public static bool IsReadingMethodName(string? name) =>
            name is "GetEnvironmentVariable" or "GetConnectionString" or "GetValue";

        public EnvironmentRead? Read(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "GetEnvironmentVariable" } invocation
                    when Is(invocation.TargetMethod.ContainingType, _environment) && ConstantArgument(invocation, p => p.Ordinal == 0) is { } variable:
                    return new EnvironmentRead(variable, null);
                case IInvocationOperation { TargetMethod.Name: "GetConnectionString" } invocation
                    when Is(invocation.TargetMethod.ContainingType, _configurationExtensions) && ConstantArgument(invocation, p => p.Ordinal == 1) is { } name:
                    return Configuration("ConnectionStrings:" + name);
                // GetValue<T>(config, key[, default]) and GetValue(config, type, key[, default]).
                case IInvocationOperation { TargetMethod.Name: "GetValue" } invocation
                    when Is(invocation.TargetMethod.ContainingType, _configurationBinder) && ConstantArgument(invocation, p => p.Name == "key") is { } key:
                    return Configuration(key);
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                    when !IsAssignmentTarget(indexer) && IsConfiguration(indexer.Property.ContainingType) &&
                         indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string indexKey }:
                    return Configuration(indexKey);
                default:
                    return null;
            }
        }

        private static EnvironmentRead? Configuration(string key) =>
            key.Length == 0 ? null : new EnvironmentRead(key.Replace(":", "__"), key);

        /// <summary>The constant, non-empty string given for the parameter <paramref name="matches"/> picks.</summary>
        private static string? ConstantArgument(IInvocationOperation invocation, System.Func<IParameterSymbol, bool> matches)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && matches(parameter) &&
                    argument.Value.ConstantValue is { HasValue: true, Value: string key } && key.Length > 0)
                {
                    return key;
                }
            }

            return null;
        }

        private bool IsConfiguration(INamedTypeSymbol? type)
        {
            if (_configuration is null || type is null)
            {
                return false;
            }

            if (Is(type, _configuration))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (Is(implemented, _configuration))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? known) =>
            known is not null && SymbolEqualityComparer.Default.Equals(type, known);

        private static bool IsAssignmentTarget(IOperation operation) =>
            operation.Parent is IAssignmentOperation assignment && ReferenceEquals(assignment.Target, operation);
    }
}
