using Sharpless;
using Sharpless.Http;

namespace OrdersApi;

/// <summary>
/// The HTTP API. Sharpless compiles these routes into one Lambda function, <c>Api</c>
/// (<c>Sharpless.Generated.Functions.Api</c>), and writes them into template.yaml as HttpApi events. Route values,
/// query strings and bodies are bound and checked by the generated router: a non-Guid id, a non-numeric limit or
/// invalid JSON is a 400 problem before this code runs; an unknown path is a 404 and an unknown method a 405.
/// The class is created once per execution environment with its services from the <see cref="Startup"/> container.
/// </summary>
public sealed class OrdersEndpoints(OrderStore store, CustomerSummaryStore summaries)
{
    const int DefaultLimit = 50;

    // One [LambdaFunction] configures the whole Api function (memory, timeout, the table policies), since every route
    // here is served by it. "@OrdersTableAccess" and "@CustomerSummariesRead" are managed policies in template.yaml.
    [LambdaFunction(Name = "Api", MemorySize = 512, Timeout = 15, Policies = "@OrdersTableAccess,@CustomerSummariesRead")]
    [HttpApi(LambdaHttpMethod.Get, "/orders")]
    public async Task<IResult> List([FromQuery] int limit = DefaultLimit) =>
        CheckLimit(limit) ?? Results.Ok(await store.ListAsync(limit));

    [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
    public async Task<IResult> Get(Guid id) =>
        await store.GetAsync(id) is { } order ? Results.Ok(order) : NotFound(id);

    [HttpApi(LambdaHttpMethod.Post, "/orders")]
    public async Task<IResult> Create([FromBody] OrderRequest request)
    {
        if (Invalid(request) is { } problem)
        {
            return problem;
        }

        var order = OrderRules.Apply(request, new Order
        {
            Id = Guid.NewGuid(),
            CreatedAt = OrderRules.UtcNow(),
            Status = OrderStatus.Placed,
        });
        await store.CreateAsync(order);
        return Results.Created($"/orders/{order.Id}", order);
    }

    [HttpApi(LambdaHttpMethod.Put, "/orders/{id}")]
    public async Task<IResult> Update(Guid id, [FromBody] OrderRequest request)
    {
        if (Invalid(request) is { } problem)
        {
            return problem;
        }

        var changes = OrderRules.Apply(request, new Order { Id = id });
        return await store.ReplaceAsync(id, changes) is { } updated ? Results.Ok(updated) : NotFound(id);
    }

    [HttpApi(LambdaHttpMethod.Delete, "/orders/{id}")]
    public async Task<IResult> Delete(Guid id) =>
        await store.DeleteAsync(id) ? Results.NoContent() : NotFound(id);

    [HttpApi(LambdaHttpMethod.Get, "/customers/{customerId}/orders")]
    public async Task<IResult> ListByCustomer(string customerId, [FromQuery] int limit = DefaultLimit) =>
        CheckLimit(limit) ?? Results.Ok(await store.ListByCustomerAsync(customerId, limit));

    /// <summary>The customer's order count and total, kept current from the table's stream by <see cref="OrderProjections"/>.</summary>
    [HttpApi(LambdaHttpMethod.Get, "/customers/{customerId}/summary")]
    public async Task<IResult> Summary(string customerId) =>
        await summaries.GetAsync(customerId) is { } summary
            ? Results.Ok(summary)
            : AsProblem(Results.NotFound(new Problem { Title = "Not Found", Status = 404, Detail = $"There is no summary for customer {customerId}." }));

    static StatusCodeResult? Invalid(OrderRequest request)
    {
        var errors = OrderRules.Validate(request);
        return errors.Count == 0 ? null : AsProblem(Results.BadRequest(new ValidationProblem { Errors = errors }));
    }

    static IResult? CheckLimit(int limit) =>
        limit is >= 1 and <= OrderRules.MaxListLimit
            ? null
            : AsProblem(Results.BadRequest(new ValidationProblem
            {
                Detail = "The query parameter 'limit' is out of range.",
                Errors = new() { ["limit"] = [$"The limit must be between 1 and {OrderRules.MaxListLimit}."] },
            }));

    static StatusCodeResult NotFound(Guid id) =>
        AsProblem(Results.NotFound(new Problem { Title = "Not Found", Status = 404, Detail = $"There is no order {id}." }));

    // RFC 9457 problem details, with their media type, like the router's own 400/404/405 answers.
    static StatusCodeResult AsProblem(StatusCodeResult result) => result.WithHeader("Content-Type", "application/problem+json");
}
