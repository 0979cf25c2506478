using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>Decides whether sending a request again can do harm.</summary>
internal static class RequestSafety
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>GET, HEAD, OPTIONS, PUT and DELETE may be repeated; POST and PATCH only with an idempotency key.</summary>
    public static bool MayRetry(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return false;
        }

        var method = request.Method.Method.ToUpperInvariant();
        return method switch
        {
            "GET" or "HEAD" or "OPTIONS" or "PUT" or "DELETE" => true,
            _ => request.Headers.Contains(IdempotencyKeyHeader),
        };
    }
}
