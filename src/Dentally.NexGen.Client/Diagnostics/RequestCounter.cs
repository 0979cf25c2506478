using System.Threading;

namespace Dentally.NexGen.Client;

/// <summary>
/// Counts the HTTP attempts made inside one logical operation (a booking): the count flows with the
/// async context from the operation into the handler chain, so concurrent operations never mix.
/// </summary>
internal sealed class RequestCounter
{
    private static readonly AsyncLocal<RequestCounter?> Ambient = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts counting for the current async flow; dispose to stop.</summary>
    public static Scope Begin()
    {
        var previous = Ambient.Value;
        var counter = new RequestCounter();
        Ambient.Value = counter;
        return new Scope(counter, previous);
    }

    public static void RecordAttempt()
    {
        if (Ambient.Value is { } counter)
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
