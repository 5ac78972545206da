using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>SLS5002: <c>HttpClient</c> (and typed subclasses), <c>SocketsHttpHandler</c>, <c>HttpClientHandler</c>.
    /// The handlers own the connection pool; a client without its own handler owns one too.</summary>
    internal sealed class HttpClientCreationRule : PerInvocationRule
    {
        private readonly INamedTypeSymbol? _httpClient;
        private readonly INamedTypeSymbol? _socketsHandler;
        private readonly INamedTypeSymbol? _clientHandler;

        private HttpClientCreationRule(Compilation compilation)
            : base(ConnectionRules.HttpClientCreatedPerInvocation)
        {
            _httpClient = compilation.GetTypeByMetadataName(KnownTypeNames.HttpClient);
            _socketsHandler = compilation.GetTypeByMetadataName("System.Net.Http.SocketsHttpHandler");
            _clientHandler = compilation.GetTypeByMetadataName("System.Net.Http.HttpClientHandler");
        }

        public static PerInvocationRule? Create(Compilation compilation)
        {
            var rule = new HttpClientCreationRule(compilation);
            return rule._httpClient is null && rule._socketsHandler is null && rule._clientHandler is null ? null : rule;
        }

        public override string? Match(IOperation operation)
        {
            if (TypeChecks.IsCreationOf(operation, _httpClient, out var created) ||
                TypeChecks.IsCreationOf(operation, _socketsHandler, out created) ||
                TypeChecks.IsCreationOf(operation, _clientHandler, out created))
            {
                return created.Name;
            }

            return null;
        }
    }
}
