using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// SLS4008: <c>Assembly.GetTypes/GetExportedTypes</c>, <c>AppDomain.GetAssemblies</c>, <c>Activator.CreateInstance</c>
    /// with a <c>Type</c> or type name, and <c>Type.GetType(string)</c> in per-invocation code. The generic
    /// <c>Activator.CreateInstance&lt;T&gt;()</c> is not a scan and is not reported.
    /// </summary>
    internal sealed class ReflectionScanRule : PerInvocationRule
    {
        private readonly INamedTypeSymbol? _assembly;
        private readonly INamedTypeSymbol? _appDomain;
        private readonly INamedTypeSymbol? _activator;
        private readonly INamedTypeSymbol? _type;

        private ReflectionScanRule(Compilation compilation)
            : base(ColdStartRules.ReflectionScanPerInvocation)
        {
            _assembly = compilation.GetTypeByMetadataName("System.Reflection.Assembly");
            _appDomain = compilation.GetTypeByMetadataName("System.AppDomain");
            _activator = compilation.GetTypeByMetadataName("System.Activator");
            _type = compilation.GetTypeByMetadataName("System.Type");
        }

        public override bool IsHoistable => false;

        public static PerInvocationRule? Create(Compilation compilation) => new ReflectionScanRule(compilation);

        public override string? Match(IOperation operation)
        {
            if (operation is not IInvocationOperation { TargetMethod: var method })
            {
                return null;
            }

            var type = method.ContainingType;
            var isScan =
                (TypeChecks.IsOrDerivesFrom(type, _assembly) && method.Name is "GetTypes" or "GetExportedTypes") ||
                (TypeChecks.IsType(type, _appDomain) && method.Name == "GetAssemblies") ||
                (TypeChecks.IsType(type, _activator) && method.Name == "CreateInstance" && !method.IsGenericMethod) ||
                (TypeChecks.IsType(type, _type) && method.IsStatic && method.Name == "GetType" &&
                 method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String);
            return isScan ? type.Name + "." + method.Name : null;
        }
    }
}
