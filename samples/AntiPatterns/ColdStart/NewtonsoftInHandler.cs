using Newtonsoft.Json;
using Sharpless;

namespace AntiPatterns.ColdStart;

public sealed class LoyaltyPoints
{
    public string CustomerId { get; set; } = "";

    public int Points { get; set; }
}

public class LoyaltyFunctions
{
    [LambdaFunction]
    public string AddPoints(string body)
    {
        // SLS4006: Newtonsoft.Json builds its reflection-based contracts on first use (the first invocation after every
        // cold start) and does not work under Native AOT. Prefer System.Text.Json with a JsonSerializerContext.
        var points = JsonConvert.DeserializeObject<LoyaltyPoints>(body)!;
        points.Points += 10;
        // SLS4006: the same, for the response.
        return JsonConvert.SerializeObject(points);
    }
}
