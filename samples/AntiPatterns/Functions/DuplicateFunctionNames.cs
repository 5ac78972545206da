using Sharpless;

namespace AntiPatterns.Functions;

// "Every function class has a Handle method": two functions named Handle share one constant in
// Sharpless.Generated.Functions and one logical ID in the template, so neither gets a handler.

public class InvoiceHandler
{
    // SLS1008: also named Handle (PaymentHandler.Handle). Give one of them [LambdaFunction(Name = "...")].
    [LambdaFunction]
    public string Handle(string invoiceId) => "invoice " + invoiceId;
}

public class PaymentHandler
{
    // SLS1008: also named Handle (InvoiceHandler.Handle).
    [LambdaFunction]
    public string Handle(string paymentId) => "payment " + paymentId;
}
