using Sharpless;

namespace AntiPatterns.Functions;

/// <summary>A reusable consumer base class: the Lambda runtime cannot choose TMessage.</summary>
public class QueueConsumer<TMessage>
{
    // SLS1002: declared in a generic class; a handler string names one closed type and method.
    [LambdaFunction]
    public string Consume(TMessage message) => message?.ToString() ?? "";
}
