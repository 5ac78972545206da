using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrdersApi.Local;

/// <summary>
/// dynalite (npm, a DynamoDB-compatible server, in memory) on a free loopback port. It is installed into
/// <c>tests/dynalite</c> with <c>npm ci</c> when missing, and exits with this process: its stdin is ours, and
/// <c>exit-with-parent.js</c> ends it when that pipe closes, however this process ends.
/// </summary>
internal sealed class Dynalite : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private Dynalite(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri ServiceUrl => new($"http://127.0.0.1:{Port}");

    public static async Task<Dynalite> StartAsync(string dynaliteDirectory, TextWriter log)
    {
        var cli = Path.Combine(dynaliteDirectory, "node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli))
        {
            log.WriteLine($"Installing dynalite (npm ci --prefix {dynaliteDirectory})…");
            await RunAsync("npm", ["ci", "--prefix", dynaliteDirectory, "--no-audit", "--no-fund", "--loglevel=error"]);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--require", Path.Combine(dynaliteDirectory, "exit-with-parent.js"), cli, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--createTableMs", "0", "--deleteTableMs", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var dynalite = new Dynalite(process, port);
        var waited = Stopwatch.StartNew();
        while (!await AcceptsAsync(port))
        {
            if (process.HasExited || waited.Elapsed > StartTimeout)
            {
                await dynalite.DisposeAsync();
                throw new InvalidOperationException($"dynalite did not start on 127.0.0.1:{port}: {await process.StandardError.ReadToEndAsync()}");
            }

            await Task.Delay(50);
        }

        return dynalite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string command, string[] arguments)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited with {process.ExitCode}.");
        }
    }
}
