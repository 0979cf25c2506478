using System.Net.Http;
using Polly;

namespace Dentally.NexGen.Client;

/// <summary>
/// What the handler knows about one request across its attempts: the message itself (the retry
/// predicate needs its method and headers), when it started (the overall timeout counts from there),
/// how many times it has been sent, and the first attempt's outcome while it waits for the retry
/// pipeline to judge it.
/// </summary>
internal sealed class RequestAttempts
{
    /// <summary>Where the retry predicate finds this object in Polly's context.</summary>
    public static readonly ResiliencePropertyKey<RequestAttempts> Key = new("Dentally.NexGen.Client.Request");

    private int _sent;
    private Outcome<HttpResponseMessage>? _firstOutcome;

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

    /// <summary>Hands the first attempt's outcome to the retry pipeline, which then judges it as its own first attempt.</summary>
    public void Replay(Outcome<HttpResponseMessage> firstOutcome) => _firstOutcome = firstOutcome;

    /// <summary>The outcome set by <see cref="Replay"/>, once; afterwards false, and the attempt must be sent.</summary>
    public bool TakeReplay(out Outcome<HttpResponseMessage> outcome)
    {
        outcome = _firstOutcome.GetValueOrDefault();
        var had = _firstOutcome.HasValue;
        _firstOutcome = null;
        return had;
    }
}
