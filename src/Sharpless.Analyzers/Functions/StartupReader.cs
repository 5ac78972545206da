using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sharpless.Functions
{
    /// <summary>Reads a <c>[LambdaStartup]</c> class; <see cref="Problem"/> says why it cannot configure the container.</summary>
    internal static class StartupReader
    {
        public static StartupModel Read(INamedTypeSymbol type, out string? problem)
        {
            var configure = type.GetMembers("ConfigureServices")
                .OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal &&
                                     m.ReturnsVoid &&
                                     !m.IsGenericMethod &&
                                     m.Parameters.Length == 1 &&
                                     m.Parameters[0].RefKind == RefKind.None &&
                                     m.Parameters[0].Type.ToDisplayString() == FunctionTypeNames.ServiceCollectionInterface);

            problem = null;
            if (type.IsGenericType || type.TypeKind != TypeKind.Class)
            {
                problem = "must be a non-generic class";
            }
            else if (configure is null)
            {
                problem = "has no public or internal void ConfigureServices(IServiceCollection services) method";
            }
            else if (!configure.IsStatic && (type.IsAbstract || !type.InstanceConstructors.Any(c => c.Parameters.IsEmpty && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)))
            {
                problem = "needs a public or internal parameterless constructor for its instance ConfigureServices method (or make the method static)";
            }

            return new StartupModel(TypeNames.Of(type), configure?.IsStatic ?? false, problem is null);
        }
    }
}
