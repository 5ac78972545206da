using System.Diagnostics;
using System.Text;

namespace Sharpless.Package.Tests;

/// <summary>The outcome of one <c>dotnet</c> invocation. <see cref="ToString"/> shows everything, for assertion messages.</summary>
public sealed record DotnetResult(
    string CommandLine,
    string WorkingDirectory,
    int ExitCode,
    string StdOut,
    string StdErr,
    string Combined,
    TimeSpan Elapsed,
    bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    public override string ToString() =>
        $"> {CommandLine}{Environment.NewLine}" +
        $"  (in {WorkingDirectory}; exit code {ExitCode}{(TimedOut ? ", TIMED OUT and killed" : "")}; {Elapsed.TotalSeconds:0.0}s)" +
        $"{Environment.NewLine}{Combined}";
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process, the way a user or CI would.
/// </summary>
/// <remarks>
/// A child <c>dotnet build</c> that leaves MSBuild worker nodes or the VBCSCompiler server running would keep our
/// redirected stdout/stderr pipes open (they inherit the handles) and hang the test run. So every invocation gets
/// <c>-nodeReuse:false -p:UseSharedCompilation=false</c> (added by the callers that build) and an environment
/// that disables node reuse and the MSBuild server; output is read asynchronously, the process is waited on with a
/// timeout and its whole tree is killed when the timeout passes; after exit we wait only briefly for the pipes to
/// drain instead of forever.
/// </remarks>
public static class DotnetCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Arguments that keep a build from leaving long-lived processes behind.</summary>
    public static readonly string[] NoLingeringProcesses = ["-nodeReuse:false", "-p:UseSharedCompilation=false"];

    static readonly TimeSpan PipeDrainGrace = TimeSpan.FromSeconds(15);

    static string DotnetExecutable
    {
        get
        {
            // Set by the dotnet host for its children (dotnet test -> testhost); the same SDK that runs the tests.
            var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(hostPath) && File.Exists(hostPath) ? hostPath : "dotnet";
        }
    }

    public static async Task<DotnetResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var args = arguments.ToArray();
        var startInfo = new ProcessStartInfo(DotnetExecutable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        var env = startInfo.Environment;
        // The test host runs inside an MSBuild/dotnet-test process tree; do not let its MSBuild location settings
        // leak into a child that must behave like a fresh `dotnet` from a shell.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE" })
        {
            env.Remove(name);
        }
        env["MSBUILDDISABLENODEREUSE"] = "1";
        env["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_NOLOGO"] = "1";
        env["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        env["DOTNET_CLI_UI_LANGUAGE"] = "en";
        env["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        env["DOTNET_ADD_GLOBAL_TOOLS_TO_PATH"] = "false";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                {
                    env.Remove(name);
                }
                else
                {
                    env[name] = value;
                }
            }
        }

        var commandLine = "dotnet " + string.Join(" ", args.Select(Quote));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var combined = new StringBuilder();
        var gate = new object();
        var stopwatch = Stopwatch.StartNew();

        using var process = new Process { StartInfo = startInfo };
        process.Start();
        process.StandardInput.Close();

        var stdoutPump = PumpAsync(process.StandardOutput, stdout, combined, gate);
        var stderrPump = PumpAsync(process.StandardError, stderr, combined, gate);

        var timedOut = false;
        using (var cts = new CancellationTokenSource(timeout ?? DefaultTimeout))
        {
            // WaitForExitAsync waits for the process itself (the pumps are ours, not BeginOutputReadLine), so a
            // grandchild holding the pipes open cannot block it.
            try
            {
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Exited in the meantime.
                }
                process.WaitForExit(10_000);
            }
        }

        // Normally the pipes close as the process exits; if something still holds them, stop waiting.
        await Task.WhenAny(Task.WhenAll(stdoutPump, stderrPump), Task.Delay(PipeDrainGrace)).ConfigureAwait(false);
        stopwatch.Stop();

        lock (gate)
        {
            return new DotnetResult(
                commandLine,
                workingDirectory,
                process.HasExited ? process.ExitCode : -1,
                stdout.ToString(),
                stderr.ToString(),
                combined.ToString(),
                stopwatch.Elapsed,
                timedOut);
        }
    }

    static async Task PumpAsync(StreamReader reader, StringBuilder own, StringBuilder combined, object gate)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (gate)
                {
                    own.AppendLine(line);
                    combined.AppendLine(line);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The process was killed or disposed while we were reading.
        }
    }

    static string Quote(string arg) =>
        arg.Length > 0 && arg.IndexOfAny([' ', '"', '\'', ';', '&', '|', '<', '>', '(', ')', '$']) < 0 ? arg : "'" + arg.Replace("'", "'\\''") + "'";
}
