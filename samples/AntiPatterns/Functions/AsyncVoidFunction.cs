using Sharpless;

namespace AntiPatterns.Functions;

public class EmailFunctions
{
    // SLS1005: async void. The invocation would end at the first await, and an exception would crash the runtime
    // process instead of failing the invocation. Return Task.
    [LambdaFunction]
    public async void SendConfirmation(string orderId)
    {
        await Task.Delay(10);
        Console.WriteLine("sent " + orderId);
    }
}
