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

    /// <summary>
    /// Whether a transport that follows redirects has moved <paramref name="request"/> to another origin
    /// than <paramref name="sentTo"/>, where the SDK sent it. Such a request is never sent again (a retry,
    /// a resend after a 401): each send puts the token back on it, now addressed to that other host.
    /// </summary>
    public static bool MovedAway(HttpRequestMessage request, Uri? sentTo)
        => !ReferenceEquals(request.RequestUri, sentTo)
           && Uri.Compare(request.RequestUri, sentTo, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0;
}
