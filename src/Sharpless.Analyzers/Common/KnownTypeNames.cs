namespace Sharpless.Common
{
    /// <summary>
    /// Metadata names of the types the analyzers recognise. Types are found by name in the user's compilation so
    /// Sharpless never needs the packages that define them; a rule whose types are absent registers nothing.
    /// </summary>
    internal static class KnownTypeNames
    {
        public const string SharplessLambdaFunctionAttribute = "Sharpless.LambdaFunctionAttribute";
        public const string SharplessHttpApiAttribute = "Sharpless.HttpApiAttribute";
        public const string SharplessRestApiAttribute = "Sharpless.RestApiAttribute";

        // Teams moving from the AWS Lambda Annotations framework keep their handlers recognised.
        public const string AnnotationsLambdaFunctionAttribute = "Amazon.Lambda.Annotations.LambdaFunctionAttribute";
        public const string AnnotationsHttpApiAttribute = "Amazon.Lambda.Annotations.APIGateway.HttpApiAttribute";
        public const string AnnotationsRestApiAttribute = "Amazon.Lambda.Annotations.APIGateway.RestApiAttribute";

        public const string LambdaContext = "Amazon.Lambda.Core.ILambdaContext";
        public const string LambdaBootstrapBuilder = "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder";

        public const string Lazy = "System.Lazy`1";
        public const string LazyInitializer = "System.Threading.LazyInitializer";

        public const string HttpClient = "System.Net.Http.HttpClient";
    }
}
