using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.Connections
{
    /// <summary>
    /// SLS5006 for raw sockets: <c>new TcpClient(host, port)</c> (that constructor connects), and <c>Connect</c>/
    /// <c>ConnectAsync</c> on a <c>TcpClient</c> or <c>Socket</c> held in a local or created in place. A connect on a
    /// field or parameter is left alone: that is the shared client, connected lazily (<c>if (!s_client.Connected)</c>),
    /// or one the caller owns. Not offered to the hoisting fix: a connect call is a statement, not a value to move.
    /// </summary>
    internal sealed class SocketConnectRule : PerInvocationRule
    {
        private readonly INamedTypeSymbol? _tcpClient;
        private readonly INamedTypeSymbol? _socket;

        private SocketConnectRule(Compilation compilation)
            : base(ConnectionRules.ConnectionOwnerCreatedPerInvocation)
        {
            _tcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
            _socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
        }

        public override bool IsHoistable => false;

        public static PerInvocationRule? Create(Compilation compilation)
        {
            var rule = new SocketConnectRule(compilation);
            return rule._tcpClient is null && rule._socket is null ? null : rule;
        }

        public override string? Match(IOperation operation)
        {
            if (operation is IObjectCreationOperation creation)
            {
                // TcpClient(string hostname, int port) connects in the constructor; the others only create a socket.
                return TypeChecks.IsCreationOf(operation, _tcpClient, out _) && creation.Constructor?.Parameters.Length == 2 &&
                       creation.Constructor.Parameters[0].Type.SpecialType == SpecialType.System_String
                    ? "TcpClient connection"
                    : null;
            }

            if (operation is not IInvocationOperation { Instance: { } instance } invocation ||
                invocation.TargetMethod.Name is not ("Connect" or "ConnectAsync") ||
                TypeChecks.WithoutConversions(instance) is not (ILocalReferenceOperation or IObjectCreationOperation))
            {
                return null;
            }

            if (TypeChecks.IsOrDerivesFrom(invocation.TargetMethod.ContainingType, _tcpClient))
            {
                return "TcpClient connection";
            }

            return TypeChecks.IsOrDerivesFrom(invocation.TargetMethod.ContainingType, _socket) ? "Socket connection" : null;
        }
    }
}
