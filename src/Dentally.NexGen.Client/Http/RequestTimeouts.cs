namespace Dentally.NexGen.Client;

/// <summary>
/// The SDK's two timeouts kept as deadlines rather than as pipeline layers. Each attempt gets one timer,
/// set to whichever comes first: its own <see cref="NexGenClientOptions.AttemptTimeout"/> or what is
/// left of <see cref="NexGenClientOptions.OverallTimeout"/>. A timer for the overall timeout alone is
/// started only when a retry is on the way, to bound the delay before it.
/// </summary>
/// <remarks>
/// Two timeout strategies wrapped around every request cost two timers, two cancellation sources and
/// two asynchronous layers per call, even though almost every call needs neither (docs/performance.md).
/// </remarks>
internal sealed class RequestTimeouts
{
    public RequestTimeouts(NexGenClientOptions options)
    {
        Clock = options.TimeProvider;
        Attempt = options.AttemptTimeout;
        Overall = options.OverallTimeout;
    }

    /// <summary>Where timers and elapsed time come from (replaced in tests).</summary>
    public TimeProvider Clock { get; }

    public TimeSpan Attempt { get; }

    public TimeSpan Overall { get; }

    /// <summary>What is left of the overall timeout for a request that started at <paramref name="started"/>.</summary>
    public TimeSpan Remaining(long started) => Overall - Clock.GetElapsedTime(started);

    /// <summary>A source that cancels after <paramref name="delay"/> on <see cref="Clock"/>, and at once when <paramref name="outer"/> is cancelled.</summary>
    public TimedCancellation Start(TimeSpan delay, CancellationToken outer)
    {
#if NET8_0_OR_GREATER
        var source = new CancellationTokenSource(delay, Clock);
#else
        var source = Clock.CreateCancellationTokenSource(delay);
#endif
        return new TimedCancellation(source, outer);
    }
}
