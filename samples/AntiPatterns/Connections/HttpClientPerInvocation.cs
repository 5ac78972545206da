using Sharpless;

namespace AntiPatterns.Connections;

/// <summary>Fetches a URL on every invocation, creating a new <see cref="HttpClient"/> each time.</summary>
public class HttpClientPerInvocation
{
    [LambdaFunction]
    public async Task<string> FetchWithNewClient(string url)
    {
        // SLS5002: HttpClient created per invocation. Lambda reuses the execution environment, so this throws away
        // pooled connections (a new TCP + TLS handshake on every call) and can exhaust sockets under load.
        using var client = new HttpClient();
        return await client.GetStringAsync(url);
    }
}

/// <summary>The fix: one client per execution environment, created during the init phase and reused.</summary>
public class HttpClientReused
{
    private static readonly HttpClient Client = new();

    [LambdaFunction]
    public Task<string> FetchWithSharedClient(string url) => Client.GetStringAsync(url);
}
