namespace Sharpless
{
    /// <summary>
    /// The HTTP method of an API Gateway route. Named <c>LambdaHttpMethod</c> rather than <c>HttpMethod</c>
    /// so it never collides with <c>System.Net.Http.HttpMethod</c>, which implicit usings bring into every project.
    /// </summary>
    public enum LambdaHttpMethod
    {
        /// <summary>Any method (API Gateway's <c>ANY</c>).</summary>
        Any = 0,
        /// <summary>GET</summary>
        Get,
        /// <summary>POST</summary>
        Post,
        /// <summary>PUT</summary>
        Put,
        /// <summary>PATCH</summary>
        Patch,
        /// <summary>DELETE</summary>
        Delete,
        /// <summary>HEAD</summary>
        Head,
        /// <summary>OPTIONS</summary>
        Options,
    }
}
