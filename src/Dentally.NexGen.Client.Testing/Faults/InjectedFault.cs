namespace Dentally.NexGen.Client.Testing;

/// <summary>A fault waiting for matching requests; it strikes the next <see cref="Remaining"/> of them, then retires.</summary>
public sealed class InjectedFault
{
    private readonly Func<ReceivedRequest, bool> _matches;
    private int _remaining;
    private int _applied;

    internal InjectedFault(string description, Func<ReceivedRequest, bool> matches, SandboxFault fault, int times)
    {
        Description = description;
        _matches = matches;
        Fault = fault;
        _remaining = times;
    }

    /// <summary>Which requests it applies to, as given when it was injected.</summary>
    public string Description { get; }

    /// <summary>What it does.</summary>
    public SandboxFault Fault { get; }

    /// <summary>How many more matching requests it will strike.</summary>
    public int Remaining => Volatile.Read(ref _remaining);

    /// <summary>How many requests it has struck so far.</summary>
    public int Applied => Volatile.Read(ref _applied);

    /// <summary>Stops it striking any further requests.</summary>
    public void Cancel() => Interlocked.Exchange(ref _remaining, 0);

    /// <summary>Takes one use if the request matches and uses remain; safe under concurrent requests.</summary>
    internal bool TryStrike(ReceivedRequest request)
    {
        if (Remaining <= 0 || !_matches(request))
        {
            return false;
        }

        while (true)
        {
            var left = Volatile.Read(ref _remaining);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, left - 1, left) == left)
            {
                Interlocked.Increment(ref _applied);
                return true;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Fault} for {Description} ({Remaining} left)";
}
