using Sharpless;

namespace AntiPatterns.Functions;

public class CarrierStatusNotificationFunctions
{
    // SLS1009: the handler string AntiPatterns::AntiPatterns.Functions.CarrierStatusNotificationFunctions_..._Handler::Handle
    // is longer than the 127 characters the .NET Lambda runtime accepts. Shorten the name (or Name = "...").
    [LambdaFunction]
    public string PublishCarrierStatusChangedEventToEveryDownstreamSubscriber(string status) => status;
}
