using Sharpless;

namespace Sharpless.Benchmarks.Http;

/// <summary>
/// A 50-route REST-style table (10 resources × list, create, get, replace, delete), the shape of the routing baseline in
/// performance-baselines.md. The generated router serves it; <see cref="RouteTable"/> gives ASP.NET Core the same routes.
/// </summary>
public static class RouteTableApi
{
    [HttpApi(LambdaHttpMethod.Get, "/orders")] public static string ListOrders() => "";
    [HttpApi(LambdaHttpMethod.Post, "/orders")] public static string CreateOrders() => "";
    [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")] public static string GetOrders(string id) => id;
    [HttpApi(LambdaHttpMethod.Put, "/orders/{id}")] public static string PutOrders(string id) => id;
    [HttpApi(LambdaHttpMethod.Delete, "/orders/{id}")] public static string DeleteOrders(string id) => id;
    [HttpApi(LambdaHttpMethod.Get, "/customers")] public static string ListCustomers() => "";
    [HttpApi(LambdaHttpMethod.Post, "/customers")] public static string CreateCustomers() => "";
    [HttpApi(LambdaHttpMethod.Get, "/customers/{id}")] public static string GetCustomers(string id) => id;
    [HttpApi(LambdaHttpMethod.Put, "/customers/{id}")] public static string PutCustomers(string id) => id;
    [HttpApi(LambdaHttpMethod.Delete, "/customers/{id}")] public static string DeleteCustomers(string id) => id;
    [HttpApi(LambdaHttpMethod.Get, "/products")] public static string ListProducts() => "";
    [HttpApi(LambdaHttpMethod.Post, "/products")] public static string CreateProducts() => "";
    [HttpApi(LambdaHttpMethod.Get, "/products/{id}")] public static string GetProducts(string id) => id;
    [HttpApi(LambdaHttpMethod.Put, "/products/{id}")] public static string PutProducts(string id) => id;
    [HttpApi(LambdaHttpMethod.Delete, "/products/{id}")] public static string DeleteProducts(string id) => id;
    [HttpApi(LambdaHttpMethod.Get, "/invoices")] public static string ListInvoices() => "";
    [HttpApi(LambdaHttpMethod.Post, "/invoices")] public static string CreateInvoices() => "";
    [HttpApi(LambdaHttpMethod.Get, "/invoices/{id}")] public static string GetInvoices(string id) => id;
    [HttpApi(LambdaHttpMethod.Put, "/invoices/{id}")] public static string PutInvoices(string id) => id;
    [HttpApi(LambdaHttpMethod.Delete, "/invoices/{id}")] public static string DeleteInvoices(string id) => id;
    [HttpApi(LambdaHttpMethod.Get, "/shipments")] public static string ListShipments() => "";
    [HttpApi(LambdaHttpMethod.Post, "/shipments")] public static string CreateShipments() => "";
    [HttpApi(LambdaHttpMethod.Get, "/shipments/{id}")] public static string GetShipments(string id) => id;
    [HttpApi(LambdaHttpMethod.Put, "/shipments/{id}")] public static string PutShipments(string id) => id;
    [HttpApi(LambdaHttpMethod.Delete, "/shipments/{id}")] public static string DeleteShipments(string id) => id;
    [HttpApi(LambdaHttpMethod.Get, "/payments")] public static string ListPayments() => "";
    [HttpApi(LambdaHttpMethod.Post, "/payments")] public static string CreatePayments() => "";
    [HttpApi(LambdaHttpMethod.Get, "/payments/{id}")] public static string GetPayments(string id) => id;
    [HttpApi(LambdaHttpMethod.Put, "/payments/{id}")] public static string PutPayments(string id) => id;
    [HttpApi(LambdaHttpMethod.Delete, "/payments/{id}")] public static string DeletePayments(string id) => id;
    [HttpApi(LambdaHttpMethod.Get, "/carts")] public static string ListCarts() => "";
    [HttpApi(LambdaHttpMethod.Post, "/carts")] public static string CreateCarts() => "";
    [HttpApi(LambdaHttpMethod.Get, "/carts/{id}")] public static string GetCarts(string id) => id;
    [HttpApi(LambdaHttpMethod.Put, "/carts/{id}")] public static string PutCarts(string id) => id;
    [HttpApi(LambdaHttpMethod.Delete, "/carts/{id}")] public static string DeleteCarts(string id) => id;
    [HttpApi(LambdaHttpMethod.Get, "/reviews")] public static string ListReviews() => "";
    [HttpApi(LambdaHttpMethod.Post, "/reviews")] public static string CreateReviews() => "";
    [HttpApi(LambdaHttpMethod.Get, "/reviews/{id}")] public static string GetReviews(string id) => id;
    [HttpApi(LambdaHttpMethod.Put, "/reviews/{id}")] public static string PutReviews(string id) => id;
    [HttpApi(LambdaHttpMethod.Delete, "/reviews/{id}")] public static string DeleteReviews(string id) => id;
    [HttpApi(LambdaHttpMethod.Get, "/coupons")] public static string ListCoupons() => "";
    [HttpApi(LambdaHttpMethod.Post, "/coupons")] public static string CreateCoupons() => "";
    [HttpApi(LambdaHttpMethod.Get, "/coupons/{id}")] public static string GetCoupons(string id) => id;
    [HttpApi(LambdaHttpMethod.Put, "/coupons/{id}")] public static string PutCoupons(string id) => id;
    [HttpApi(LambdaHttpMethod.Delete, "/coupons/{id}")] public static string DeleteCoupons(string id) => id;
    [HttpApi(LambdaHttpMethod.Get, "/users")] public static string ListUsers() => "";
    [HttpApi(LambdaHttpMethod.Post, "/users")] public static string CreateUsers() => "";
    [HttpApi(LambdaHttpMethod.Get, "/users/{id}")] public static string GetUsers(string id) => id;
    [HttpApi(LambdaHttpMethod.Put, "/users/{id}")] public static string PutUsers(string id) => id;
    [HttpApi(LambdaHttpMethod.Delete, "/users/{id}")] public static string DeleteUsers(string id) => id;
}
