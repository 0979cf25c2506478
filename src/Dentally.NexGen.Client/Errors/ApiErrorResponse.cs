using System.Globalization;
using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>What the SDK could read from an error response: never the raw body.</summary>
internal sealed class ApiErrorResponse
{
    public const string RequestIdHeader = "X-Request-Id";

    public ApiErrorResponse(int statusCode, Problem? problem, string? requestId, TimeSpan? retryAfter)
    {
        StatusCode = statusCode;
        Problem = problem;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    public Problem? Problem { get; }

    public string? RequestId { get; }

    public TimeSpan? RetryAfter { get; }

    public static ApiErrorResponse FromGenerated(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        string? requestId = null;
        if (headers is not null)
        {
            foreach (var header in headers)
            {
                if (string.Equals(header.Key, RequestIdHeader, StringComparison.OrdinalIgnoreCase))
                {
                    requestId = header.Value.FirstOrDefault();
                }
            }
        }

        return new ApiErrorResponse(statusCode, null, requestId, null);
    }

    public static string? ReadRequestId(HttpResponseMessage response)
        => response.Headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Reads <c>Retry-After</c> in either of its forms: delta-seconds or an HTTP date.</summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter is null)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter.Date is { } date)
        {
            // Measured against the server's own Date header when sent, so clock skew does not count.
            var reference = response.Headers.Date ?? now;
            var wait = date - reference;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "HTTP {0} (request id {1})", StatusCode, RequestId ?? "none");
}
