using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// A fake clock that also records the due time of every timer started on it, so a test can wait until
/// the SDK has actually scheduled a wait before advancing the clock past it (advancing first would
/// leave a timer created afterwards waiting forever).
/// </summary>
internal sealed class SchedulingClock : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public SchedulingClock()
        : base(DateTimeOffset.UtcNow)
    {
    }

    public bool HasScheduled(TimeSpan dueTime) => _dueTimes.Contains(dueTime);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _dueTimes.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
