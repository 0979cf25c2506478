using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>Decides whether sending a request again can do harm.</summary>
internal static class RequestSafety
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>GET, HEAD, OPTIONS, PUT and DELETE may be repeated; POST and PATCH only with an idempotency key.</summary>
    public static bool MayRetry(HttpRequestMessage? request)
        => request is not null
           && (request.Method.Method.ToUpperInvariant() is "GET" or "HEAD" or "OPTIONS" or "PUT" or "DELETE"
               || request.Headers.Contains(IdempotencyKeyHeader));
}
