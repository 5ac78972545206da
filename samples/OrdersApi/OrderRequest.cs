namespace OrdersApi;

/// <summary>The body of <c>POST /orders</c> and <c>PUT /orders/{id}</c>.</summary>
public sealed class OrderRequest
{
    public string? CustomerId { get; set; }

    public List<OrderLineRequest>? Lines { get; set; }

    public string? Note { get; set; }
}

public sealed class OrderLineRequest
{
    public string? Sku { get; set; }

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }
}

/// <summary>
/// An RFC 9457 problem with the validation errors by JSON path, the shape the router's own 400s have plus
/// <c>errors</c>.
/// </summary>
public sealed class ValidationProblem
{
    public string Type { get; set; } = "about:blank";

    public string Title { get; set; } = "Bad Request";

    public int Status { get; set; } = 400;

    public string Detail { get; set; } = "The request is not valid.";

    public Dictionary<string, string[]> Errors { get; set; } = [];
}

/// <summary>An RFC 9457 problem without validation details (a 404 for an unknown order).</summary>
public sealed class Problem
{
    public string Type { get; set; } = "about:blank";

    public string Title { get; set; } = "";

    public int Status { get; set; }

    public string? Detail { get; set; }
}
