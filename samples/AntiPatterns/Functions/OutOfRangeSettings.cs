using Sharpless;

namespace AntiPatterns.Functions;

public class ArchiveFunctions
{
    // SLS1012 (twice): Lambda accepts 128-10,240 MB and 1-900 seconds; deploying this would fail.
    [LambdaFunction(MemorySize = 64, Timeout = 1800)]
    public string ArchiveMonth(string month) => "archived " + month;
}
