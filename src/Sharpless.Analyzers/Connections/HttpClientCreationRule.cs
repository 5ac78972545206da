using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
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

        public override bool IsCreationOf(ITypeSymbol type) =>
            TypeChecks.IsOrDerivesFrom(type, _httpClient) || TypeChecks.IsOrDerivesFrom(type, _socketsHandler) || TypeChecks.IsOrDerivesFrom(type, _clientHandler);

        public override string? Match(IOperation operation)
        {
            if (TypeChecks.IsCreationOf(operation, _httpClient, out var created) && WrapsASharedHandler((IObjectCreationOperation)operation))
            {
                return null;
            }

            if (TypeChecks.IsCreationOf(operation, _httpClient, out created) ||
                TypeChecks.IsCreationOf(operation, _socketsHandler, out created) ||
                TypeChecks.IsCreationOf(operation, _clientHandler, out created))
            {
                return created.Name;
            }

            return null;
        }

        /// <summary>
        /// <c>new HttpClient(s_handler, disposeHandler: false)</c>: the connection pool lives in a handler created elsewhere
        /// and outlives the client — the pattern IHttpClientFactory uses. Cheap, and not reported.
        /// </summary>
        private static bool WrapsASharedHandler(IObjectCreationOperation creation)
        {
            var handlerIsShared = false;
            var keepsHandler = false;
            foreach (var argument in creation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "handler":
                        handlerIsShared = TypeChecks.WithoutConversions(argument.Value) is IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation;
                        break;
                    case "disposeHandler":
                        keepsHandler = argument.Value.ConstantValue is { HasValue: true, Value: false };
                        break;
                }
            }

            return handlerIsShared && keepsHandler;
        }
    }
}
