using Sharpless;

namespace AntiPatterns.Functions;

/// <summary>The handler creates the function's class once per execution environment: an abstract one cannot be created.</summary>
public abstract class NotificationFunctions
{
    // SLS1007: the class is abstract. Make the method static, or declare the function on a concrete class.
    [LambdaFunction]
    public string Notify(string customerId) => Format(customerId);

    protected abstract string Format(string customerId);
}
