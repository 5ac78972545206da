using Sharpless;

namespace AntiPatterns.Functions;

public class CheckoutFunctions
{
    // SLS1014: 'place-order' is not a C# identifier; the name becomes a constant in Sharpless.Generated.Functions.
    // Use Name = "PlaceOrder".
    [LambdaFunction(Name = "place-order")]
    public string PlaceOrder(string cart) => "placed " + cart;
}
