using System.Collections.Generic;

namespace Sharpless.Http
{
    /// <summary>The base of the typed results in <see cref="Results"/>: status, headers and value.</summary>
    public abstract class HttpResult : IResult
    {
        private static readonly KeyValuePair<string, string>[] NoHeaders = new KeyValuePair<string, string>[0];
        private List<KeyValuePair<string, string>>? _headers;

        /// <summary>Creates a result.</summary>
        protected HttpResult(int statusCode, object? value)
        {
            StatusCode = statusCode;
            Value = value;
        }

        /// <inheritdoc/>
        public int StatusCode { get; }

        /// <inheritdoc/>
        public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? NoHeaders;

        /// <inheritdoc/>
        public object? Value { get; }

        /// <summary>Adds a response header (a second call with the same name adds a second value).</summary>
        protected void AddHeader(string name, string value) => (_headers ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>200 OK without a body.</summary>
    public sealed class Ok : HttpResult
    {
        internal Ok() : base(200, null) { }

        /// <summary>Adds a response header.</summary>
        public Ok WithHeader(string name, string value) { AddHeader(name, value); return this; }
    }

    /// <summary>200 OK with <typeparamref name="T"/> as JSON.</summary>
    public sealed class Ok<T> : HttpResult
    {
        internal Ok(T value) : base(200, value) => TypedValue = value;

        /// <summary>The body value.</summary>
        public T TypedValue { get; }

        /// <summary>Adds a response header.</summary>
        public Ok<T> WithHeader(string name, string value) { AddHeader(name, value); return this; }
    }

    /// <summary>201 Created with a <c>Location</c> header and <typeparamref name="T"/> as JSON.</summary>
    public sealed class Created<T> : HttpResult
    {
        internal Created(string location, T value) : base(201, value)
        {
            Location = location;
            TypedValue = value;
            AddHeader("Location", location);
        }

        /// <summary>The URI of the created resource.</summary>
        public string Location { get; }

        /// <summary>The body value.</summary>
        public T TypedValue { get; }

        /// <summary>Adds a response header.</summary>
        public Created<T> WithHeader(string name, string value) { AddHeader(name, value); return this; }
    }

    /// <summary>A result with any status code, headers and optional value.</summary>
    public sealed class StatusCodeResult : HttpResult
    {
        internal StatusCodeResult(int statusCode, object? value) : base(statusCode, value) { }

        /// <summary>Adds a response header.</summary>
        public StatusCodeResult WithHeader(string name, string value) { AddHeader(name, value); return this; }
    }

    /// <summary>Creates the typed results route methods return.</summary>
    public static class Results
    {
        /// <summary>200 without a body.</summary>
        public static Ok Ok() => new Ok();

        /// <summary>200 with <paramref name="value"/> as JSON.</summary>
        public static Ok<T> Ok<T>(T value) => new Ok<T>(value);

        /// <summary>201 with a Location header and <paramref name="value"/> as JSON.</summary>
        public static Created<T> Created<T>(string location, T value) => new Created<T>(location, value);

        /// <summary>204 No Content.</summary>
        public static StatusCodeResult NoContent() => new StatusCodeResult(204, null);

        /// <summary>404 Not Found, with an optional body.</summary>
        public static StatusCodeResult NotFound(object? value = null) => new StatusCodeResult(404, value);

        /// <summary>400 Bad Request, with an optional body.</summary>
        public static StatusCodeResult BadRequest(object? value = null) => new StatusCodeResult(400, value);

        /// <summary>409 Conflict, with an optional body.</summary>
        public static StatusCodeResult Conflict(object? value = null) => new StatusCodeResult(409, value);

        /// <summary>Any status code, with an optional body.</summary>
        public static StatusCodeResult StatusCode(int statusCode, object? value = null) => new StatusCodeResult(statusCode, value);
    }
}
