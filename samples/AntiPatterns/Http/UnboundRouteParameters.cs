using Sharpless;

namespace AntiPatterns.Http;

public static class OrderLineRoutes
{
    // SLS2004: '{line}' is bound to no parameter of Line.
    [HttpApi(LambdaHttpMethod.Get, "/orders/{id}/lines/{line}")]
    public static string Line(string id) => "order " + id;

    // SLS2005 (on 'version'): [FromRoute] names a route parameter the template does not have; it is a query value.
    [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
    public static string Get(string id, [FromRoute] int version) => "order " + id + " v" + version;
}
