using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Sharpless.DynamoDB.Tests.Dynalite;

/// <summary>
/// An in-memory dynalite server (a DynamoDB-compatible HTTP server, npm <c>dynalite</c>, pinned in
/// <c>tests/dynalite/package-lock.json</c>) on a free loopback port, started once for the
/// <see cref="DynaliteCollection"/> and killed with its whole process tree at the end of the run.
/// </summary>
/// <remarks>
/// Needs <c>node</c> (≥ 20) on PATH and <c>npm ci --prefix tests/dynalite</c> (done by <c>bash eng/test.sh</c>).
/// dynalite measures strings in UTF-16 code units rather than UTF-8 bytes and has no nesting-depth limit
/// (see the DynamoDB facts), so it is a faithful oracle for ASCII item sizes only.
/// </remarks>
public sealed partial class DynaliteServer : IAsyncLifetime
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(5);
    static readonly TimeSpan TableActiveTimeout = TimeSpan.FromSeconds(10);
    const string ListeningLine = "Dynalite listening at:";

    readonly StringBuilder output = new();
    readonly ConcurrentDictionary<string, Lazy<Task<string>>> ensuredTables = new(StringComparer.Ordinal);
    Process? process;
    AmazonDynamoDBClient? client;
    int tableCounter;
    bool listening;

    /// <summary>A client for the server (dummy credentials, region us-east-1).</summary>
    public IAmazonDynamoDB Client => client ?? throw new InvalidOperationException("The dynalite server is not started.");

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>What the server has written to stdout and stderr so far.</summary>
    public string Output
    {
        get { lock (output) { return output.ToString(); } }
    }

    public async Task InitializeAsync()
    {
        var repositoryRoot = FindRepositoryRoot();
        var dynaliteDirectory = Path.Combine(repositoryRoot, "tests", "dynalite");
        var cli = Path.Combine(dynaliteDirectory, "node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"dynalite is not installed ({cli} is missing). Run `npm ci --prefix tests/dynalite` or `bash eng/test.sh` in {repositoryRoot}.");
        }
        var node = FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node")
            ?? throw new InvalidOperationException("`node` (Node.js >= 20) is not on PATH; the DynamoDB integration tests start dynalite with it.");
        var exitWithParent = Path.Combine(dynaliteDirectory, "exit-with-parent.js");

        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

        // The port is free when we look and taken by node a moment later; another process can take it in between.
        // When that happens node exits at once with EADDRINUSE: try once more on a new port.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var outcome = await StartAsync(node, dynaliteDirectory, cli, exitWithParent, port);
            if (outcome == StartOutcome.Listening)
            {
                ServiceUrl = $"http://127.0.0.1:{port}";
                client = new AmazonDynamoDBClient(
                    new BasicAWSCredentials("dummy", "dummy"),
                    new AmazonDynamoDBConfig { ServiceURL = ServiceUrl, AuthenticationRegion = "us-east-1" });
                return;
            }

            var log = Output;
            StopProcess();
            if (outcome == StartOutcome.PortTaken && attempt == 1)
            {
                lock (output) { output.Clear(); }
                continue;
            }

            throw new InvalidOperationException(
                outcome == StartOutcome.TimedOut
                    ? $"dynalite did not accept connections on 127.0.0.1:{port} within {StartTimeout.TotalSeconds:0} s. Output:\n{log}"
                    : $"dynalite exited before it accepted connections on 127.0.0.1:{port}. Output:\n{log}");
        }
    }

    public Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        client?.Dispose();
        client = null;
        StopProcess();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Creates a table named <paramref name="namePrefix"/> plus a run-unique suffix, billed PAY_PER_REQUEST, waits
    /// until it is ACTIVE and returns its name.
    /// </summary>
    public async Task<string> CreateTableAsync(
        string namePrefix,
        string hashKeyName,
        ScalarAttributeType hashType,
        string? rangeKeyName = null,
        ScalarAttributeType? rangeType = null)
    {
        var name = $"{namePrefix}-{Interlocked.Increment(ref tableCounter)}";
        await CreateTableCoreAsync(name, hashKeyName, hashType, rangeKeyName, rangeType);
        return name;
    }

    /// <summary>
    /// Creates the table with exactly this name unless this fixture has created it already (for models whose
    /// <c>[DynamoDBTable("…")]</c> name is fixed); a second call must ask for the same key schema.
    /// </summary>
    public async Task EnsureTableAsync(
        string tableName,
        string hashKeyName,
        ScalarAttributeType hashType,
        string? rangeKeyName = null,
        ScalarAttributeType? rangeType = null)
    {
        var schema = $"{hashKeyName}:{hashType} {rangeKeyName}:{rangeType}";
        var created = ensuredTables.GetOrAdd(tableName, _ => new Lazy<Task<string>>(async () =>
        {
            await CreateTableCoreAsync(tableName, hashKeyName, hashType, rangeKeyName, rangeType);
            return schema;
        }));
        var createdSchema = await created.Value;
        if (createdSchema != schema)
        {
            throw new InvalidOperationException($"Table {tableName} was created with key schema {createdSchema}, now asked for {schema}.");
        }
    }

    /// <summary>
    /// A <see cref="DynamoDBContext"/> (the SDK's object persistence model) on this server. Table metadata is not
    /// fetched (no DescribeTable): keys come from the model's <c>[DynamoDBHashKey]</c>/<c>[DynamoDBRangeKey]</c>
    /// attributes, and the table named by <c>[DynamoDBTable]</c> must exist (<see cref="EnsureTableAsync"/>).
    /// The caller disposes it.
    /// </summary>
    public DynamoDBContext CreateContext(DynamoDBEntryConversion conversion) =>
        new DynamoDBContextBuilder()
            .WithDynamoDBClient(() => Client)
            .ConfigureContext(c =>
            {
                c.Conversion = conversion;
                c.DisableFetchingTableMetadata = true;
            })
            .Build();

    async Task CreateTableCoreAsync(
        string tableName,
        string hashKeyName,
        ScalarAttributeType hashType,
        string? rangeKeyName,
        ScalarAttributeType? rangeType)
    {
        if (!TableName().IsMatch(tableName))
        {
            throw new ArgumentException($"'{tableName}' is not a DynamoDB table name (3-255 characters of A-Z a-z 0-9 _ . -).", nameof(tableName));
        }
        if ((rangeKeyName is null) != (rangeType is null))
        {
            throw new ArgumentException("Give both the range key name and its type, or neither.", nameof(rangeKeyName));
        }

        // SDK v4 request collections are null until assigned: `KeySchema = { … }` would throw.
        var request = new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = new() { new KeySchemaElement(hashKeyName, KeyType.HASH) },
            AttributeDefinitions = new() { new AttributeDefinition(hashKeyName, hashType) },
        };
        if (rangeKeyName is not null)
        {
            request.KeySchema.Add(new KeySchemaElement(rangeKeyName, KeyType.RANGE));
            request.AttributeDefinitions.Add(new AttributeDefinition(rangeKeyName, rangeType!));
        }

        var response = await Client.CreateTableAsync(request);
        if (response.TableDescription.TableStatus == TableStatus.ACTIVE)
        {
            return;
        }

        // --createTableMs 0 makes the table ACTIVE on the next tick.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var described = await Client.DescribeTableAsync(tableName);
            if (described.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }
            if (deadline.Elapsed > TableActiveTimeout)
            {
                throw new TimeoutException($"Table {tableName} is still {described.Table.TableStatus} after {TableActiveTimeout.TotalSeconds:0} s.");
            }
            await Task.Delay(10);
        }
    }

    enum StartOutcome { Listening, PortTaken, Exited, TimedOut }

    async Task<StartOutcome> StartAsync(string node, string workingDirectory, string cli, string exitWithParent, int port)
    {
        var startInfo = new ProcessStartInfo(node)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true, // held open for exit-with-parent.js: closes when this process ends
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in new[]
                 {
                     "--require", exitWithParent,
                     cli,
                     "--host", "127.0.0.1",
                     "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--createTableMs", "0",
                     "--deleteTableMs", "0",
                     "--updateTableMs", "0",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        listening = false;
        var started = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        started.OutputDataReceived += (_, e) => Append(e.Data, isStdout: true);
        started.ErrorDataReceived += (_, e) => Append(e.Data, isStdout: false);
        started.Start();
        process = started;
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (started.HasExited)
            {
                // Let the output readers drain before looking at what node said.
                await started.WaitForExitAsync();
                return Output.Contains("EADDRINUSE", StringComparison.Ordinal) ? StartOutcome.PortTaken : StartOutcome.Exited;
            }
            // Node prints the line from its listen callback, so the port is ours (not a process that won the race).
            if (Volatile.Read(ref listening) && await CanConnectAsync(port))
            {
                return StartOutcome.Listening;
            }
            await Task.Delay(20);
        }
        return StartOutcome.TimedOut;
    }

    void Append(string? line, bool isStdout)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
        if (isStdout && line.StartsWith(ListeningLine, StringComparison.Ordinal))
        {
            Volatile.Write(ref listening, true);
        }
    }

    static async Task<bool> CanConnectAsync(int port)
    {
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    void OnProcessExit(object? sender, EventArgs e) => StopProcess();

    void StopProcess()
    {
        var running = Interlocked.Exchange(ref process, null);
        if (running is null)
        {
            return;
        }
        try
        {
            if (!running.HasExited)
            {
                running.Kill(entireProcessTree: true);
            }
            running.WaitForExit(ExitTimeout);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        finally
        {
            running.Dispose();
        }
    }

    static string FindRepositoryRoot()
    {
        var root = typeof(DynaliteServer).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "SharplessRepositoryRoot")?.Value;
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
        {
            throw new InvalidOperationException($"AssemblyMetadata SharplessRepositoryRoot is missing or does not exist: '{root}'.");
        }
        return root;
    }

    static string? FindOnPath(string fileName)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory.Trim('"'), fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{3,255}$")]
    private static partial Regex TableName();
}
