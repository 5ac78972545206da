using Sharpless;

namespace AntiPatterns.Http;

/// <summary>Route templates outside the route syntax: the router leaves them out.</summary>
public static class ShipmentRoutes
{
    // SLS2001: '{id:int}' has an ASP.NET Core-style constraint; the parameter's type is checked when binding.
    [HttpApi(LambdaHttpMethod.Get, "/shipments/{id:int}")]
    public static string Get(int id) => "shipment " + id;

    // SLS2001: a greedy parameter must be the last segment.
    [HttpApi(LambdaHttpMethod.Get, "/labels/{path+}/raw")]
    public static string Raw(string path) => "label " + path;
}
