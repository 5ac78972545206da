// Compile-time stand-in for the Amazon.Lambda.AspNetCoreServer and Amazon.Lambda.AspNetCoreServer.Hosting packages
// (public API subset: the function base classes and AddAWSLambdaHosting), used only by tests. The real packages are not
// on this environment's NuGet feed; see StandIns/README.md. Compiled only with ProjectBuilder.WithAspNetCoreOnLambda(),
// which also references the real ASP.NET Core shared framework these types build on.
#nullable disable
namespace Amazon.Lambda.AspNetCoreServer
{
    using System;
    using System.Threading.Tasks;
    using Amazon.Lambda.APIGatewayEvents;
    using Amazon.Lambda.ApplicationLoadBalancerEvents;
    using Amazon.Lambda.Core;
    using Microsoft.AspNetCore.Hosting;
    using Microsoft.Extensions.Hosting;

    public enum StartupMode
    {
        Constructor,
        FirstRequest,
    }

    public abstract class AbstractAspNetCoreFunction
    {
        public const string LAMBDA_CONTEXT = "LambdaContext";
        public const string LAMBDA_REQUEST_OBJECT = "LambdaRequestObject";
    }

    public abstract class AbstractAspNetCoreFunction<TREQUEST, TRESPONSE> : AbstractAspNetCoreFunction
    {
        protected AbstractAspNetCoreFunction() { }
        protected AbstractAspNetCoreFunction(StartupMode startupMode) { }

        protected virtual void Init(IWebHostBuilder builder) { }
        protected virtual void Init(IHostBuilder builder) { }
        protected virtual IHostBuilder CreateHostBuilder() => throw new NotSupportedException();
        protected void Start() { }

        public virtual Task<TRESPONSE> FunctionHandlerAsync(TREQUEST request, ILambdaContext lambdaContext) => throw new NotSupportedException();
    }

    public abstract class APIGatewayProxyFunction : AbstractAspNetCoreFunction<APIGatewayProxyRequest, APIGatewayProxyResponse>
    {
        protected APIGatewayProxyFunction() { }
        protected APIGatewayProxyFunction(StartupMode startupMode) : base(startupMode) { }
    }

    public abstract class APIGatewayProxyFunction<TStartup> : APIGatewayProxyFunction where TStartup : class
    {
        protected APIGatewayProxyFunction() { }
        protected APIGatewayProxyFunction(StartupMode startupMode) : base(startupMode) { }
        protected override void Init(IWebHostBuilder builder) { }
    }

    public abstract class APIGatewayHttpApiV2ProxyFunction : AbstractAspNetCoreFunction<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>
    {
        protected APIGatewayHttpApiV2ProxyFunction() { }
        protected APIGatewayHttpApiV2ProxyFunction(StartupMode startupMode) : base(startupMode) { }
    }

    public abstract class APIGatewayHttpApiV2ProxyFunction<TStartup> : APIGatewayHttpApiV2ProxyFunction where TStartup : class
    {
        protected APIGatewayHttpApiV2ProxyFunction() { }
        protected APIGatewayHttpApiV2ProxyFunction(StartupMode startupMode) : base(startupMode) { }
        protected override void Init(IWebHostBuilder builder) { }
    }

    public abstract class ApplicationLoadBalancerFunction : AbstractAspNetCoreFunction<ApplicationLoadBalancerRequest, ApplicationLoadBalancerResponse>
    {
        protected ApplicationLoadBalancerFunction() { }
        protected ApplicationLoadBalancerFunction(StartupMode startupMode) : base(startupMode) { }
    }

    public abstract class ApplicationLoadBalancerFunction<TStartup> : ApplicationLoadBalancerFunction where TStartup : class
    {
        protected ApplicationLoadBalancerFunction() { }
        protected ApplicationLoadBalancerFunction(StartupMode startupMode) : base(startupMode) { }
        protected override void Init(IWebHostBuilder builder) { }
    }
}

// Amazon.Lambda.AspNetCoreServer.Hosting declares its public API in this namespace so that `builder.Services` finds it.
namespace Microsoft.Extensions.DependencyInjection
{
    public enum LambdaEventSource
    {
        RestApi,
        HttpApi,
        ApplicationLoadBalancer,
    }

    public static class ServiceCollectionExtensions
    {
        public static IServiceCollection AddAWSLambdaHosting(this IServiceCollection services, LambdaEventSource eventSource) => services;
    }
}
