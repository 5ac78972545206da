using System;

namespace Sharpless
{
    /// <summary>Serves the method as an API Gateway HTTP API route (payload format 2.0).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
    public sealed class HttpApiAttribute : Attribute
    {
        /// <summary>Creates a route.</summary>
        /// <param name="method">The HTTP method.</param>
        /// <param name="template">The route template, e.g. <c>/orders/{id}</c>.</param>
        public HttpApiAttribute(LambdaHttpMethod method, string template)
        {
            Method = method;
            Template = template;
        }

        /// <summary>The HTTP method.</summary>
        public LambdaHttpMethod Method { get; }

        /// <summary>The route template.</summary>
        public string Template { get; }
    }

    /// <summary>Serves the method as an API Gateway REST API route (payload format 1.0).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
    public sealed class RestApiAttribute : Attribute
    {
        /// <summary>Creates a route.</summary>
        /// <param name="method">The HTTP method.</param>
        /// <param name="template">The route template, e.g. <c>/orders/{id}</c>.</param>
        public RestApiAttribute(LambdaHttpMethod method, string template)
        {
            Method = method;
            Template = template;
        }

        /// <summary>The HTTP method.</summary>
        public LambdaHttpMethod Method { get; }

        /// <summary>The route template.</summary>
        public string Template { get; }
    }
}
