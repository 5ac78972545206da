namespace Sharpless.Common
{
    /// <summary>
    /// Why <see cref="HandlerIndex"/> counts a method (or lambda) as a Lambda handler. When several reasons apply, the
    /// strongest evidence is given, in this order: what the project says (attribute, handler string, a bootstrap or
    /// ASP.NET Core registration), then the conventions (event type, <c>Function.FunctionHandler</c>), and last an
    /// <c>ILambdaContext</c> parameter alone, which project-level rules may treat as weak evidence (a shared library's
    /// helpers take the context too).
    /// </summary>
    internal enum HandlerSource
    {
        /// <summary><c>[LambdaFunction]</c>, <c>[HttpApi]</c>, <c>[RestApi]</c> (Sharpless or Lambda Annotations).</summary>
        Attribute = 1,

        /// <summary>Named by a handler string in the project's deployment files.</summary>
        HandlerString,

        /// <summary>Handed to <c>LambdaBootstrapBuilder.Create</c>, directly or through a local, field or property.</summary>
        Bootstrap,

        /// <summary>ASP.NET Core on Lambda: a controller action, a minimal-API endpoint delegate or a request middleware.</summary>
        AspNetCore,

        /// <summary>A public method whose first parameter is an <c>Amazon.Lambda.*Events</c> event type.</summary>
        EventType,

        /// <summary><c>Function.FunctionHandler</c> in a Lambda project (the <c>dotnet new lambda.*</c> default).</summary>
        FunctionHandlerConvention,

        /// <summary>Only an <c>ILambdaContext</c> parameter (a public method, local function or lambda).</summary>
        LambdaContextParameter,
    }
}
