namespace Dentally.NexGen.Client;

/// <summary>
/// A timer's cancellation source tied to an outer token (the caller's, or the overall timeout's), so
/// that one token carries both; <see cref="TimedOut"/> tells the timer apart from the outer token.
/// </summary>
internal readonly struct TimedCancellation : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _outer;
    private readonly CancellationTokenRegistration _link;

    public TimedCancellation(CancellationTokenSource source, CancellationToken outer)
    {
        _source = source;
        _outer = outer;
#if NET6_0_OR_GREATER
        _link = outer.CanBeCanceled ? outer.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source) : default;
#else
        _link = outer.CanBeCanceled ? outer.Register(static state => ((CancellationTokenSource)state!).Cancel(), source) : default;
#endif
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the timer, not the outer token, cancelled.</summary>
    public bool TimedOut => _source.IsCancellationRequested && !_outer.IsCancellationRequested;

    public void Dispose()
    {
        _link.Dispose();
        _source.Dispose();
    }
}
