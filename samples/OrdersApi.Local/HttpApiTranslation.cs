using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OrdersApi.Local;

/// <summary>
/// An HTTP request as the API Gateway HTTP API hands it to a Lambda function (payload format 2.0), and the function's
/// response back to HTTP. Shapes: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
/// (a <c>$default</c> stage and route, so <c>rawPath</c> is the request path as sent).
/// </summary>
internal static class HttpApiTranslation
{
    public static async Task<byte[]> ToEventAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "2.0");
            json.WriteString("routeKey", "$default");
            json.WriteString("rawPath", request.Path.Value ?? "/");
            json.WriteString("rawQueryString", request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty);

            var cookies = request.Headers.Cookie.ToString();
            if (cookies.Length > 0)
            {
                json.WriteStartArray("cookies");
                foreach (var cookie in cookies.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    json.WriteStringValue(cookie);
                }

                json.WriteEndArray();
            }

            // HTTP API lower-cases header names and joins repeated headers with commas; cookies travel apart.
            json.WriteStartObject("headers");
            foreach (var (name, values) in request.Headers)
            {
                if (!string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase))
                {
                    json.WriteString(name.ToLowerInvariant(), string.Join(',', values.ToArray()));
                }
            }

            json.WriteEndObject();

            var now = DateTimeOffset.UtcNow;
            json.WriteStartObject("requestContext");
            json.WriteString("accountId", "000000000000");
            json.WriteString("apiId", "local");
            json.WriteString("domainName", request.Host.Value);
            json.WriteString("domainPrefix", "local");
            json.WriteStartObject("http");
            json.WriteString("method", request.Method);
            json.WriteString("path", request.Path.Value ?? "/");
            json.WriteString("protocol", request.Protocol);
            json.WriteString("sourceIp", request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1");
            json.WriteString("userAgent", request.Headers.UserAgent.ToString());
            json.WriteEndObject();
            json.WriteString("requestId", Guid.NewGuid().ToString());
            json.WriteString("routeKey", "$default");
            json.WriteString("stage", "$default");
            json.WriteString("time", now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
            json.WriteNumber("timeEpoch", now.ToUnixTimeMilliseconds());
            json.WriteEndObject();

            if (body.Length > 0)
            {
                // Text bodies as text, anything else base64, as API Gateway does.
                var isText = IsText(request.ContentType);
                json.WriteString("body", isText ? Encoding.UTF8.GetString(body.ToArray()) : Convert.ToBase64String(body.ToArray()));
                json.WriteBoolean("isBase64Encoded", !isText);
            }
            else
            {
                json.WriteBoolean("isBase64Encoded", false);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the function's response: <c>statusCode</c>, <c>headers</c> (and <c>multiValueHeaders</c>), <c>cookies</c>
    /// as Set-Cookie, and <c>body</c>, base64-decoded when <c>isBase64Encoded</c>.
    /// </summary>
    public static async Task WriteResponseAsync(Stream functionResponse, HttpResponse response)
    {
        using var document = await JsonDocument.ParseAsync(functionResponse);
        var root = document.RootElement;
        response.StatusCode = root.TryGetProperty("statusCode", out var status) ? status.GetInt32() : 200;
        if (root.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                response.Headers.Append(header.Name, header.Value.ToString());
            }
        }

        if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in multi.EnumerateObject())
            {
                foreach (var value in header.Value.EnumerateArray())
                {
                    response.Headers.Append(header.Name, value.ToString());
                }
            }
        }

        if (root.TryGetProperty("cookies", out var cookies) && cookies.ValueKind == JsonValueKind.Array)
        {
            foreach (var cookie in cookies.EnumerateArray())
            {
                response.Headers.Append("Set-Cookie", cookie.GetString());
            }
        }

        if (root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String)
        {
            var base64 = root.TryGetProperty("isBase64Encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True;
            var bytes = base64 ? Convert.FromBase64String(body.GetString()!) : Encoding.UTF8.GetBytes(body.GetString()!);
            await response.Body.WriteAsync(bytes);
        }
    }

    private static bool IsText(string? contentType) =>
        contentType is null ||
        contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ||
        contentType.Contains("json", StringComparison.OrdinalIgnoreCase) ||
        contentType.Contains("xml", StringComparison.OrdinalIgnoreCase) ||
        contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
