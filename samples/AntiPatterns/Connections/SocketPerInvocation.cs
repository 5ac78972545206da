using System.Net.Sockets;
using System.Text;
using Sharpless;

namespace AntiPatterns.Connections;

/// <summary>Sends one metric to a Graphite (plaintext protocol) endpoint on every call.</summary>
public class SocketPerInvocation
{
    [LambdaFunction]
    public async Task<int> RecordSignup(string plan)
    {
        // SLS5006: this TcpClient constructor connects: a DNS lookup and a TCP handshake on every invocation, and a
        // socket left in TIME_WAIT after each. Keep one connected client per execution environment instead.
        using var graphite = new TcpClient("graphite.internal", 2003);
        var line = Encoding.ASCII.GetBytes($"signups.{plan} 1 {DateTimeOffset.UtcNow.ToUnixTimeSeconds()}\n");
        await graphite.GetStream().WriteAsync(line);
        return line.Length;
    }
}
