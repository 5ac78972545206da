using Sharpless;

namespace OrdersApi;

/// <summary>
/// A function triggered by the orders table's stream: every insert, change or removal of an order refreshes the
/// summary of the customer it belongs to (both customers when an order moves). Sharpless decodes the stream's old and
/// new images with the generated <see cref="OrderMapper"/>; when a record fails, the generated handler reports its
/// sequence number so Lambda retries from there, five times at most, and then records it in <c>OrderStreamFailures</c>.
/// </summary>
public sealed class OrderProjections(CustomerSummaryStore summaries)
{
    [LambdaFunction(MemorySize = 256, Timeout = 30, Policies = "@CustomerSummariesAccess")]
    [DynamoDBEvent("@OrdersTable", StartingPosition = "TRIM_HORIZON", MaximumRetryAttempts = 5, OnFailure = "@OrderStreamFailures")]
    public async Task UpdateCustomerSummary(Order? oldImage, Order? newImage)
    {
        if (newImage is not null)
        {
            await summaries.RefreshAsync(newImage.CustomerId);
        }

        if (oldImage is not null && oldImage.CustomerId != newImage?.CustomerId)
        {
            await summaries.RefreshAsync(oldImage.CustomerId);
        }
    }
}
