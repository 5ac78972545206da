namespace Sharpless.Functions
{
    /// <summary>
    /// Metadata names the function generator looks for. Amazon.Lambda.*, System.Text.Json and
    /// Microsoft.Extensions.DependencyInjection are used only when the user's compilation has them.
    /// </summary>
    internal static class FunctionTypeNames
    {
        public const string LambdaFunctionAttribute = "Sharpless.LambdaFunctionAttribute";
        public const string LambdaStartupAttribute = "Sharpless.LambdaStartupAttribute";
        public const string LambdaJsonContextAttribute = "Sharpless.LambdaJsonContextAttribute";
        public const string LambdaMainAttribute = "Sharpless.LambdaMainAttribute";
        public const string FromServicesAttribute = "Sharpless.FromServicesAttribute";

        public const string LambdaContext = "Amazon.Lambda.Core.ILambdaContext";
        public const string LambdaBootstrapBuilder = "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder";

        public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
        public const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";
        public const string JsonSerializer = "System.Text.Json.JsonSerializer";

        public const string ServiceCollection = "Microsoft.Extensions.DependencyInjection.ServiceCollection";
        public const string ServiceCollectionInterface = "Microsoft.Extensions.DependencyInjection.IServiceCollection";

        // BuildServiceProvider lives in the container package; the abstractions package alone cannot build a container.
        public const string ContainerBuilderExtensions = "Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions";

        public const string CancellationToken = "System.Threading.CancellationToken";
        public const string Stream = "System.IO.Stream";
        public const string Task = "System.Threading.Tasks.Task";
        public const string TaskOfT = "System.Threading.Tasks.Task`1";
        public const string ValueTask = "System.Threading.Tasks.ValueTask";
        public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    }
}
