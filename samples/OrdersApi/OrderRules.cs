namespace OrdersApi;

/// <summary>
/// Validates requests and turns them into orders. The limits are the ones the <see cref="Order"/> model declares to
/// Sharpless, so every order the API accepts fits the item-size proof.
/// </summary>
public static class OrderRules
{
    public const int MaxCustomerIdLength = 64;
    public const int MaxStatusLength = 16;
    public const int MaxLines = 100;
    public const int MaxNoteLength = 1000;
    public const int MaxSkuLength = 64;
    public const int MaxQuantity = 1_000_000;
    public const decimal MaxUnitPrice = 1_000_000m;
    public const int MaxListLimit = 1000;

    /// <summary>The problems of <paramref name="request"/> by JSON path; empty when it is valid.</summary>
    public static Dictionary<string, string[]> Validate(OrderRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            errors["customerId"] = ["The customer id is required."];
        }
        else if (request.CustomerId.Length > MaxCustomerIdLength)
        {
            errors["customerId"] = [$"The customer id is longer than {MaxCustomerIdLength} characters."];
        }

        if (request.Lines is not { Count: > 0 } lines)
        {
            errors["lines"] = ["An order needs at least one line."];
        }
        else if (lines.Count > MaxLines)
        {
            errors["lines"] = [$"An order has at most {MaxLines} lines."];
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line is null)
                {
                    errors[$"lines[{i}]"] = ["The line is missing."];
                    continue;
                }

                if (string.IsNullOrWhiteSpace(line.Sku))
                {
                    errors[$"lines[{i}].sku"] = ["The SKU is required."];
                }
                else if (line.Sku.Length > MaxSkuLength)
                {
                    errors[$"lines[{i}].sku"] = [$"The SKU is longer than {MaxSkuLength} characters."];
                }

                if (line.Quantity <= 0)
                {
                    errors[$"lines[{i}].quantity"] = ["The quantity must be greater than 0."];
                }
                else if (line.Quantity > MaxQuantity)
                {
                    errors[$"lines[{i}].quantity"] = [$"The quantity must be at most {MaxQuantity}."];
                }

                if (line.UnitPrice < 0 || line.UnitPrice > MaxUnitPrice)
                {
                    errors[$"lines[{i}].unitPrice"] = [$"The unit price must be between 0 and {MaxUnitPrice}."];
                }
            }
        }

        if (request.Note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"The note is longer than {MaxNoteLength} characters."];
        }

        return errors;
    }

    /// <summary>Applies a valid request to <paramref name="order"/>: customer, lines, note and the computed total.</summary>
    public static Order Apply(OrderRequest request, Order order)
    {
        order.CustomerId = request.CustomerId!;
        order.Lines = request.Lines!.Select(l => new OrderLine { Sku = l.Sku!, Quantity = l.Quantity, UnitPrice = Normalize(l.UnitPrice) }).ToList();
        order.Note = string.IsNullOrEmpty(request.Note) ? null : request.Note;
        order.Total = Normalize(order.Lines.Sum(l => l.Quantity * l.UnitPrice));
        return order;
    }

    /// <summary>
    /// The decimal without trailing zeros (19.0 → 19). DynamoDB stores a number's value, not its scale, so this is
    /// what every later read returns; the response to POST/PUT shows the same.
    /// </summary>
    static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Now, in UTC, to the millisecond: what DynamoDB stores, so the created order equals the one read back.</summary>
    public static DateTime UtcNow()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}
