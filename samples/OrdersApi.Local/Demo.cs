using System.Net;
using System.Text;
using System.Text.Json;

namespace OrdersApi.Local;

/// <summary>
/// <c>--demo</c>: a scripted session against the running local API — create, read, list, query by customer, update,
/// the router's 400/404/405 answers, delete — that prints each exchange and fails on the first unexpected answer.
/// </summary>
internal sealed class Demo(HttpClient http, TextWriter output, Func<string, string, Task<string>> invoke, Func<Guid, Task<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>> readItem)
{
    private const string NoFailures = "{\"batchItemFailures\":[]}";

    private long _sequence = 100000000000000000;

    public async Task<bool> RunAsync()
    {
        try
        {
            var created = await ExpectAsync(HttpMethod.Post, "/orders", HttpStatusCode.Created, """{"customerId":"c-42","lines":[{"sku":"A-1","quantity":2,"unitPrice":9.5},{"sku":"B-7","quantity":1,"unitPrice":20}],"note":"leave at the door"}""");
            var id = created.Json.GetProperty("id").GetString()!;
            Check(created.Response.Headers.Location?.OriginalString == "/orders/" + id, $"Location is /orders/{id}");
            Check(created.Json.GetProperty("total").GetDecimal() == 39m, "total is 39");

            var read = await ExpectAsync(HttpMethod.Get, "/orders/" + id, HttpStatusCode.OK);
            Check(read.Json.GetProperty("customerId").GetString() == "c-42", "the order reads back");

            var list = await ExpectAsync(HttpMethod.Get, "/orders?limit=10", HttpStatusCode.OK);
            Check(list.Json.EnumerateArray().Any(o => o.GetProperty("id").GetString() == id), "the list holds it");

            var byCustomer = await ExpectAsync(HttpMethod.Get, "/customers/c-42/orders", HttpStatusCode.OK);
            Check(byCustomer.Json.EnumerateArray().Any(o => o.GetProperty("id").GetString() == id), "the customer's orders (index ByCustomer) hold it");

            var updated = await ExpectAsync(HttpMethod.Put, "/orders/" + id, HttpStatusCode.OK, """{"customerId":"c-42","lines":[{"sku":"A-1","quantity":3,"unitPrice":9.5}]}""");
            Check(updated.Json.GetProperty("total").GetDecimal() == 28.5m, "the update is applied");

            // The queue consumer, fed an SQS batch: the valid message becomes an order (its id is the message id), the
            // one without lines is reported in batchItemFailures, so only it would return to the queue.
            var imported = Guid.NewGuid();
            var rejected = Guid.NewGuid();
            var import = await InvokeAsync("ImportOrder", LocalEvents.SqsBatch(
                "arn:aws:sqs:us-east-1:000000000000:OrderImportQueue",
                (imported, """{"customerId":"c-42","lines":[{"sku":"C-3","quantity":4,"unitPrice":2.5}]}"""),
                (rejected, """{"customerId":"c-42","lines":[]}""")));
            Check(import == "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + rejected + "\"}]}", "ImportOrder imports one message and reports the invalid one for retry");
            await ExpectAsync(HttpMethod.Get, "/orders/" + imported, HttpStatusCode.OK);

            // The stream function, fed the INSERT records the table's stream would carry (dynalite has no streams).
            foreach (var order in new[] { Guid.Parse(id), imported })
            {
                var item = await readItem(order);
                Check(await InvokeAsync("UpdateCustomerSummary", LocalEvents.StreamRecord("INSERT", OrdersApi.OrderMapper.KeyOf(OrdersApi.OrderMapper.FromItem(item)), null, item, _sequence++)) == NoFailures, "UpdateCustomerSummary handles the insert of " + order);
            }

            var summary = await ExpectAsync(HttpMethod.Get, "/customers/c-42/summary", HttpStatusCode.OK);
            Check(summary.Json.GetProperty("orderCount").GetInt32() == 2 && summary.Json.GetProperty("total").GetDecimal() == 38.5m, "the summary counts 2 orders worth 38.5");

            var invalid = await ExpectAsync(HttpMethod.Post, "/orders", HttpStatusCode.BadRequest, """{"customerId":"c-42","lines":[]}""");
            Check(invalid.Response.Content.Headers.ContentType?.MediaType == "application/problem+json", "an order without lines is a problem+json 400");

            var badId = await ExpectAsync(HttpMethod.Get, "/orders/not-a-guid", HttpStatusCode.BadRequest);
            Check(badId.Response.Content.Headers.ContentType?.MediaType == "application/problem+json", "a malformed id is a problem+json 400");

            var wrongMethod = await ExpectAsync(HttpMethod.Patch, "/orders", HttpStatusCode.MethodNotAllowed);
            Check(wrongMethod.Response.Content.Headers.Allow.Count > 0, "405 lists the allowed methods");

            var deleted = await readItem(Guid.Parse(id));
            await ExpectAsync(HttpMethod.Delete, "/orders/" + id, HttpStatusCode.NoContent);
            await ExpectAsync(HttpMethod.Get, "/orders/" + id, HttpStatusCode.NotFound);
            Check(await InvokeAsync("UpdateCustomerSummary", LocalEvents.StreamRecord("REMOVE", OrdersApi.OrderMapper.KeyOf(OrdersApi.OrderMapper.FromItem(deleted)), deleted, null, _sequence++)) == NoFailures, "UpdateCustomerSummary handles the removal");
            var after = await ExpectAsync(HttpMethod.Get, "/customers/c-42/summary", HttpStatusCode.OK);
            Check(after.Json.GetProperty("orderCount").GetInt32() == 1 && after.Json.GetProperty("total").GetDecimal() == 10m, "the summary now counts 1 order worth 10");
            await ExpectAsync(HttpMethod.Get, "/nowhere", HttpStatusCode.NotFound);

            output.WriteLine("demo: all checks passed");
            return true;
        }
        catch (DemoFailure failure)
        {
            output.WriteLine("demo: FAILED: " + failure.Message);
            return false;
        }
    }

    private async Task<string> InvokeAsync(string function, string eventJson)
    {
        var response = await invoke(function, eventJson);
        output.WriteLine($"invoke {function} ({eventJson.Length} bytes of event) -> {response}");
        return response;
    }

    private async Task<(HttpResponseMessage Response, JsonElement Json)> ExpectAsync(HttpMethod method, string path, HttpStatusCode expected, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{method} {path} -> {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
        if (text.Length > 0)
        {
            output.WriteLine("  " + text);
        }

        if (response.StatusCode != expected)
        {
            throw new DemoFailure($"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}");
        }

        var json = text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? false)
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return (response, json);
    }

    private void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new DemoFailure(what + ": no");
        }

        output.WriteLine("  ok: " + what);
    }

    private sealed class DemoFailure(string message) : Exception(message);
}
