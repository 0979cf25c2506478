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

    private RequestCounter(RequestCounter? outer) => _outer = outer;

    public int Count => Volatile.Read(ref _count);

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
