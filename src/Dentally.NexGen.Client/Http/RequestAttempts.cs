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

    public RequestAttempts(HttpRequestMessage request)
    {
        Request = request;
    }

    public HttpRequestMessage Request { get; }

    /// <summary>Sends so far, a token-refresh resend included. Attempts of one request never overlap.</summary>
    public int Sent { get; private set; }

    public int NextSend() => ++Sent;
}
