using Sharpless;

namespace AntiPatterns.Http;

/// <summary>Routes the router cannot tell apart: neither of a pair is served.</summary>
public static class CatalogRoutes
{
    // SLS2002: GET /products is also served by LegacyCatalogRoutes.OldList ([HttpApi] and [RestApi] share one router).
    [HttpApi(LambdaHttpMethod.Get, "/products")]
    public static string List([FromQuery] int page = 1) => "page " + page;

    // SLS2003: /products/{sku} and /products/{id} differ only in the parameter's name; /products/P-1 matches both.
    [HttpApi(LambdaHttpMethod.Get, "/products/{sku}")]
    public static string BySku(string sku) => "sku " + sku;

    // SLS2003: see BySku.
    [HttpApi(LambdaHttpMethod.Get, "/products/{id}")]
    public static string ById(Guid id) => "id " + id;
}

public static class LegacyCatalogRoutes
{
    // SLS2002: the REST API route kept after the HTTP API one replaced it.
    [RestApi(LambdaHttpMethod.Get, "/products")]
    public static string OldList() => "page 1";
}
