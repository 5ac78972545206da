using Npgsql;
using Sharpless;

namespace AntiPatterns.ColdStart;

/// <summary>
/// A function deployed with SnapStart (template.yaml: SnapStart: ApplyOn: PublishedVersions on LedgerEntry). Its
/// constructor and field initializers run once, before the snapshot; every execution environment restored from the
/// snapshot starts with the same memory.
/// </summary>
public class LedgerFunctions
{
    // SLS4010: every environment restored from the snapshot shares this seed, so they all draw the same "random" jitter.
    // Create it in the handler, or in a SnapshotRestore.RegisterAfterRestore hook.
    private static readonly Random Jitter = new Random();

    private readonly NpgsqlConnection _ledger;

    public LedgerFunctions()
    {
        _ledger = new NpgsqlConnection(Environment.GetEnvironmentVariable("LEDGER_CONNECTION"));
        // SLS4011: a connection opened before the snapshot is dead after restore (hours or days later, elsewhere), and
        // the project registers no after-restore hook to reopen it.
        _ledger.Open();
    }

    [LambdaFunction]
    public string LedgerEntry(string account) => account + ":" + Jitter.Next(100) + "@" + _ledger.Database;
}
