using System.Net.Http;
using Polly;

namespace Dentally.NexGen.Client;

/// <summary>
/// What the handler knows about one request across its attempts: the message itself (the retry
/// predicate needs its method and headers), when it started (the overall timeout counts from there),
/// how many times it has been sent, and an attempt's outcome on its way to the retry pipeline.
/// </summary>
internal sealed class RequestAttempts
{
    /// <summary>Where the retry predicate finds this object in Polly's context.</summary>
    public static readonly ResiliencePropertyKey<RequestAttempts> Key = new("Dentally.NexGen.Client.Request");

    private int _sent;
    private Outcome<HttpResponseMessage>? _handedOver;

    public RequestAttempts(HttpRequestMessage request, long started)
    {
        Request = request;
        Started = started;
    }

    public HttpRequestMessage Request { get; }

    /// <summary>The clock's timestamp when the request was handed to the SDK.</summary>
    public long Started { get; }

    /// <summary>Set once an attempt was cut short by the overall timeout: nothing may follow it.</summary>
    public bool OverallTimeoutExpired { get; set; }

    /// <summary>Counts one more send (a token-refresh resend included) and returns its number. Attempts of one request never overlap.</summary>
    public int NextSend() => ++_sent;

    /// <summary>How many times the request has been sent so far.</summary>
    public int Sent => _sent;

    /// <summary>
    /// Hands an outcome to the retry pipeline's callback: the first attempt's, for the pipeline to judge
    /// as its own first attempt, or that of an attempt the callback just made.
    /// </summary>
    public void HandOver(Outcome<HttpResponseMessage> outcome) => _handedOver = outcome;

    /// <summary>The outcome handed over, once; false when there is none (the callback must send).</summary>
    public bool TakeHandedOver(out Outcome<HttpResponseMessage> outcome)
    {
        outcome = _handedOver.GetValueOrDefault();
        var had = _handedOver.HasValue;
        _handedOver = null;
        return had;
    }
}
