using Microsoft.CodeAnalysis;

namespace Sharpless.Common
{
    /// <summary>
    /// A call-graph node for a service resolved from a Microsoft.Extensions.DependencyInjection container: reaching it
    /// runs whatever its transient or scoped registrations build (see <see cref="ServiceRegistrations"/>).
    /// <see cref="All"/> stands for every registration, when the service resolved is not known (ASP.NET Core's
    /// request services, <c>GetService(type)</c> with a computed type).
    /// </summary>
    internal sealed class ContainerService
    {
        public static readonly ContainerService All = new ContainerService(null);

        public ContainerService(ITypeSymbol? service)
        {
            Service = service;
        }

        public ITypeSymbol? Service { get; }

        public override bool Equals(object? obj) =>
            obj is ContainerService other && SymbolEqualityComparer.Default.Equals(Service, other.Service);

        public override int GetHashCode() => Service is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(Service);

        public override string ToString() => Service?.Name ?? "the container's services";
    }
}
