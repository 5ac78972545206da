using Sharpless;

namespace AntiPatterns.Functions;

/// <summary>Functions the generated handler class (a separate class in this assembly) cannot call.</summary>
public class OrderAdmin
{
    // SLS1001: private; the generated handler cannot call it. Make it public or internal.
    [LambdaFunction]
    private string Archive(string orderId) => "archived " + orderId;

    // Nested classes without a modifier are private.
    sealed class Maintenance
    {
        // SLS1001: public, but in a private class.
        [LambdaFunction]
        public string Reindex(string table) => "reindexed " + table;
    }
}
