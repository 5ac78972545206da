using Sharpless;

namespace AntiPatterns.Functions;

public class ExportFunctions
{
    // SLS1015: this project does not reference Amazon.Lambda.Core, so the handler cannot see the invocation's
    // remaining time and passes CancellationToken.None: the token never fires before the timeout.
    [LambdaFunction(Timeout = 60)]
    public async Task<string> ExportOrders(string since, CancellationToken cancellationToken)
    {
        await Task.Delay(10, cancellationToken);
        return "exported since " + since;
    }
}
