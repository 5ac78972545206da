using Sharpless;

namespace AntiPatterns.Functions;

public interface IDiscountRules
{
    decimal For(string sku);
}

public class PriceFunctions
{
    // SLS1003: an out parameter has nowhere to go; only the return value becomes the response.
    [LambdaFunction]
    public bool Validate(string sku, out string error)
    {
        error = sku.Length == 0 ? "empty" : "";
        return error.Length == 0;
    }

    // SLS1004: 'rules' would be a second event payload; a dependency needs [FromServices] (and a container).
    [LambdaFunction]
    public string Quote(string sku, IDiscountRules rules) => sku + rules.For(sku);
}
