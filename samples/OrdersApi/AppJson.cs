using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrdersApi;

/// <summary>
/// The JSON metadata for every request body and response value, generated at compile time: no reflection at start-up
/// and nothing left for Native AOT to trip over. The router picks it as the project's only context; a type missing
/// here would be a compile-time error (SLS1010), not a run-time one.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(List<Order>))]
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(CustomerSummary))]
[JsonSerializable(typeof(ValidationProblem))]
[JsonSerializable(typeof(Problem))]
internal sealed partial class AppJson : JsonSerializerContext;
