using Sharpless;

namespace AntiPatterns.Deployment;

// template.yaml is this project's SAM template. The package would rewrite it from the code after every local build,
// but this project turns that off (SharplessWriteTemplate=false, as CI builds and CDK projects do), so the drift rules
// compare it with the code instead. It is in step with the code except for the mistakes below: a commit that changed
// the code and forgot the template. The fix for all of them is one local build with template writing on.

public class InvoiceFunctions
{
    // SLS1016: a new function; template.yaml has no resource that runs its handler and none named ExportInvoices, so
    // it would never be deployed.
    [LambdaFunction]
    public string ExportInvoices(string month) => "invoices of " + month;

    // SLS1020: 512 MB in code, but the template's Render resource still deploys 1024 MB.
    [LambdaFunction(MemorySize = 512, Timeout = 10)]
    public string Render(string invoiceId) => "invoice " + invoiceId;
}

// Renamed from RefundFunctions: the generated handler is now BillingFunctions_Refund_Handler.
public class BillingFunctions
{
    // SLS1017: the template's Refund resource still runs AntiPatterns.Deployment.RefundFunctions_Refund_Handler, a
    // class that no longer exists; Lambda would fail every invocation with "could not find type".
    [LambdaFunction]
    public string Refund(string paymentId) => "refunded " + paymentId;
}

/// <summary>The invoice API, served by its own router function InvoicesApi (template resource InvoicesApi).</summary>
public static class InvoiceRoutes
{
    [LambdaFunction(Name = "InvoicesApi")]
    [HttpApi(LambdaHttpMethod.Get, "/invoices/{id}")]
    public static string Get(string id) => "invoice " + id;

    // SLS1018: a new route; InvoicesApi has no HttpApi event for DELETE /invoices/{id}, so API Gateway never sends it.
    // (SLS1019 is in template.yaml: the PostInvoices event is for a POST /invoices route that was removed from here.)
    [LambdaFunction(Name = "InvoicesApi")]
    [HttpApi(LambdaHttpMethod.Delete, "/invoices/{id}")]
    public static string Void(string id) => "voided " + id;
}
