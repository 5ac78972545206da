using Sharpless;

namespace AntiPatterns.Http;

public sealed record ReturnFilter(string Status);

public sealed record ReturnRequest(string OrderId, string Reason);

public sealed record ReturnAudit(string By);

public static class ReturnRoutes
{
    // Fine: {id} binds 'id'. (The router function Api serves this route; the others in Http/ are left out.)
    [HttpApi(LambdaHttpMethod.Get, "/returns/{id}")]
    public static string Get(string id) => "return " + id;

    // SLS2006 (on 'filter'): a record cannot be parsed from the query string; bind it from the body with [FromBody],
    // or take its fields as separate [FromQuery] parameters.
    [HttpApi(LambdaHttpMethod.Get, "/returns")]
    public static string List([FromQuery] ReturnFilter filter) => "returns " + filter.Status;

    // SLS2007 (on 'audit'): a request has one body, and 'request' is already it.
    [HttpApi(LambdaHttpMethod.Post, "/returns")]
    public static string Create(ReturnRequest request, [FromBody] ReturnAudit audit) => request.OrderId + audit.By;
}
