using System.Collections.Generic;

namespace Sharpless.Http
{
    /// <summary>
    /// An HTTP response a route method returns when a plain value (always 200) is not enough: a status code, headers
    /// and an optional value. Create one with <see cref="Results"/>. The generated router writes <see cref="Value"/> as
    /// JSON through the project's JsonSerializerContext (by its run-time type), a <c>string</c> as text/plain and a
    /// <c>byte[]</c> as binary.
    /// </summary>
    public interface IResult
    {
        /// <summary>The HTTP status code.</summary>
        int StatusCode { get; }

        /// <summary>Response headers, in order. A <c>Set-Cookie</c> header becomes a cookie of the response.</summary>
        IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>The response body's value, or null for no body.</summary>
        object? Value { get; }
    }
}
