using System.Net.Http;
using Polly;

namespace Dentally.NexGen.Client;

/// <summary>
/// What the handler knows about one request across its attempts: the message itself (the retry
/// predicate needs its method and headers) and how many times it has been sent.
/// </summary>
internal sealed class RequestAttempts
{
    /// <summary>Where the retry predicate finds this object in Polly's context.</summary>
    public static readonly ResiliencePropertyKey<RequestAttempts> Key = new("Dentally.NexGen.Client.Request");

    private int _sent;

    public RequestAttempts(HttpRequestMessage request)
    {
        Request = request;
    }

    public HttpRequestMessage Request { get; }

    /// <summary>Counts one more send (a token-refresh resend included) and returns its number. Attempts of one request never overlap.</summary>
    public int NextSend() => ++_sent;
}
