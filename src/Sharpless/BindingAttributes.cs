using System;

namespace Sharpless
{
    /// <summary>Binds a parameter from a route template segment.</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class FromRouteAttribute : Attribute
    {
        /// <summary>The route parameter name; defaults to the parameter name.</summary>
        public string? Name { get; set; }
    }

    /// <summary>Binds a parameter from the query string.</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class FromQueryAttribute : Attribute
    {
        /// <summary>The query parameter name; defaults to the parameter name.</summary>
        public string? Name { get; set; }
    }

    /// <summary>Binds a parameter from a request header (case-insensitive).</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class FromHeaderAttribute : Attribute
    {
        /// <summary>The header name; defaults to the parameter name.</summary>
        public string? Name { get; set; }
    }

    /// <summary>Binds a parameter from the request body (JSON).</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class FromBodyAttribute : Attribute
    {
    }

    /// <summary>Binds a parameter from the dependency-injection container built once per execution environment.</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class FromServicesAttribute : Attribute
    {
    }

    /// <summary>Marks the class that configures services for the project's functions (run once, in the init phase).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class LambdaStartupAttribute : Attribute
    {
    }
}
