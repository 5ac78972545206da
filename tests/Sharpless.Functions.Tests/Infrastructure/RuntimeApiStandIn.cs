using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sharpless.Functions.Tests.Infrastructure;

/// <summary>
/// A stand-in for the Lambda Runtime API on 127.0.0.1, for the generated Main's init error reports: it records every
/// request and answers each with a fixed status, or never answers (an endpoint that would hang start-up). Raw TCP on
/// port 0, so no free port has to be guessed; just enough HTTP/1.1 for one request per connection.
/// </summary>
internal sealed class RuntimeApiStandIn : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly HttpStatusCode? _status;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<TcpClient> _clients = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private RuntimeApiStandIn(HttpStatusCode? status)
    {
        _status = status;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Answers every request with <paramref name="status"/> (the Runtime API's is 202 Accepted).</summary>
    public static RuntimeApiStandIn Answering(HttpStatusCode status = HttpStatusCode.Accepted) => new(status);

    /// <summary>Accepts connections and reads requests but never answers.</summary>
    public static RuntimeApiStandIn Silent() => new(null);

    /// <summary>The value Lambda puts in AWS_LAMBDA_RUNTIME_API: host and port.</summary>
    public string Address => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>An address where nothing listens: a port taken from the system and released at once.</summary>
    public static string ClosedAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return "127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _clients.Add(client);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream, _stop.Token);
            _requests.Enqueue(request);
            if (_status is not { } status)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }

            var body = Encoding.UTF8.GetBytes("{\"status\":\"OK\"}");
            var head = $"HTTP/1.1 {(int)status} {status}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The test is over, or the client gave up (the point of the silent stand-in).
        }
        finally
        {
            client.Dispose();
        }
    }

    private static async Task<RecordedRequest> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("The connection closed before the request's headers ended.");
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        // The report's body has a known length; a chunked body would be a change worth a failing test.
        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return new RecordedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}

/// <summary>One request as the stand-in Runtime API received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
