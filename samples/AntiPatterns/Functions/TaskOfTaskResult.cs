using Sharpless;

namespace AntiPatterns.Functions;

public class ReportFunctions
{
    // SLS1006: a task of a task is awaited once; the inner task (the report) would not be awaited before Lambda
    // freezes the environment. Return Task<string>.
    [LambdaFunction]
    public Task<Task<string>> BuildReport(string month) =>
        Task.Factory.StartNew(async () =>
        {
            await Task.Delay(10);
            return "report " + month;
        });
}
