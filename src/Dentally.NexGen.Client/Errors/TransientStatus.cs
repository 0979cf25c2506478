namespace Dentally.NexGen.Client;

/// <summary>
/// The statuses that say the server (or a gateway in front of it) is busy or failing for now, not that it refused
/// the request for good: 408, 429, 500, 502, 503 and 504. The SDK retries them (<c>RetryRule</c>); the
/// contract check leaves them unchecked, as the server's state rather than its contract. Any other 5xx — a 501 for
/// an operation the API no longer implements, say — is an answer of the API's own.
/// </summary>
internal static class TransientStatus
{
    public static bool Is(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;
}
