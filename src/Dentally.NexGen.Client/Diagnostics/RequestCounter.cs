using System.Net.Http;
using System.Threading;

namespace Dentally.NexGen.Client;

/// <summary>
/// Counts the HTTP attempts made inside one logical operation (a booking): the count flows with the
/// async context from the operation into the handler chain, so concurrent operations never mix.
/// Counters nest: an attempt counts for every counter open in the flow, so a booking can count the
/// sends of one of its POSTs (was it sent more than once?) inside its own total.
/// </summary>
internal sealed class RequestCounter
{
    private static readonly AsyncLocal<RequestCounter?> Ambient = new();
    private readonly RequestCounter? _outer;
    private int _count;
    private int _inDoubt;

    private RequestCounter(RequestCounter? outer) => _outer = outer;

    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// How many attempts sent their request and got no answer saying it was refused unapplied: a write
    /// among them may have been applied (<see cref="RecordAttemptEnd"/>).
    /// </summary>
    public int InDoubt => Volatile.Read(ref _inDoubt);

    /// <summary>Starts counting for the current async flow; dispose to stop.</summary>
    public static Scope Begin()
    {
        var previous = Ambient.Value;
        var counter = new RequestCounter(previous);
        Ambient.Value = counter;
        return new Scope(counter, previous);
    }

    public static void RecordAttempt()
    {
        for (var counter = Ambient.Value; counter is not null; counter = counter._outer)
        {
            Interlocked.Increment(ref counter._count);
        }
    }

    /// <summary>
    /// Records how an attempt of <paramref name="request"/> ended, which had sent it
    /// <paramref name="sendsBefore"/> times before: in doubt when it sent it again and got no answer
    /// (a failure, a timeout, a cancellation, a body cut off) or an answer that does not say the request
    /// was refused before it was applied (a 5xx, a 409 <c>idempotency-key-in-use</c>, a 301, 302 or 303).
    /// 400, 401, 403, 404, 408, 422 and 429 refuse the request itself, and so do 307 and 308, which ask for
    /// it to be sent again, unchanged, to the Location (RFC 9110 §15.4.8, §15.4.9): a server that had applied it would not;
    /// a 303 answers a POST that was processed, and a 301 or 302 may answer one that was. A token
    /// provider's failure follows no send or a 401, and a connection never made carried nothing.
    /// </summary>
    public static void RecordAttemptEnd(HttpRequestMessage request, int sendsBefore, HttpResponseMessage? response, Exception? failure)
    {
        if (Ambient.Value is null
            || TelemetryHandler.Sends(request) == sendsBefore
            || failure is TokenProviderFailure
            || TransportCause.NeverSent(failure)
            || (int?)response?.StatusCode is 307 or 308 or 400 or 401 or 403 or 404 or 408 or 422 or 429)
        {
            return;
        }

        for (var counter = Ambient.Value; counter is not null; counter = counter._outer)
        {
            Interlocked.Increment(ref counter._inDoubt);
        }
    }

    internal readonly struct Scope : IDisposable
    {
        private readonly RequestCounter? _previous;

        public Scope(RequestCounter counter, RequestCounter? previous)
        {
            Counter = counter;
            _previous = previous;
        }

        public RequestCounter Counter { get; }

        public void Dispose() => Ambient.Value = _previous;
    }
}
