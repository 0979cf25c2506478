using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.TestSupport;

/// <summary>
/// A fake clock for timing tests whose outcome must not depend on the machine's speed. It knows which
/// of its timers are armed, so a test waits until the code under test is really waiting (an attempt
/// timeout armed, a server hold started) before it moves time past it: moving time first would leave a
/// timer armed afterwards waiting forever, and moving it too late is impossible because nothing
/// happens until the test says so.
/// </summary>
/// <remarks>
/// A timer counts as armed only once its inner timer is. Counted earlier, a test that moves time as
/// soon as it sees the timer armed could do so while the timer's thread is still between the two: the
/// inner timer would then count its due time from the moved time, and fire only if time moved again.
/// With <see cref="AutoAdvanceUpTo"/> set, a timer armed for at most that long fires as soon as it is
/// armed: retry back-offs pass at once, while timeouts (longer) fire only when a test advances the clock.
/// </remarks>
internal sealed class TestClock : FakeTimeProvider
{
    // The tracked timers, each with whether its inner timer is armed yet (see the remarks).
    private readonly ConcurrentDictionary<TrackedTimer, bool> _armed = new();

    public TestClock()
        : this(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public TestClock(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Timers armed for this long or less fire at once (see the remarks); <see cref="TimeSpan.Zero"/>, the default, turns that off.</summary>
    public TimeSpan AutoAdvanceUpTo { get; init; }

    /// <summary>Called between tracking a timer and arming its inner timer, so that a test of this clock can hold a timer there.</summary>
    internal Action<TimeSpan>? WhileArming { get; init; }

    /// <summary>How long each armed timer has left, shortest first.</summary>
    public IReadOnlyList<TimeSpan> Armed
    {
        get
        {
            var now = GetUtcNow();
            return _armed.Where(t => t.Value).Select(t => t.Key.DueAt - now).Order().ToList();
        }
    }

    /// <summary>Whether a timer with exactly <paramref name="remaining"/> left is armed.</summary>
    public bool IsArmed(TimeSpan remaining) => Armed.Contains(remaining);

    /// <summary>How many timers with exactly <paramref name="remaining"/> left are armed.</summary>
    public int CountArmed(TimeSpan remaining) => Armed.Count(t => t == remaining);

    /// <summary>Waits until a timer with exactly <paramref name="remaining"/> left is armed.</summary>
    public Task WhenArmedAsync(TimeSpan remaining) => Waiting.UntilAsync(() => IsArmed(remaining), $"a timer of {remaining} to be armed");

    /// <summary>Waits until a timer with exactly <paramref name="remaining"/> left is armed, then moves time by <paramref name="remaining"/> so that it fires.</summary>
    public async Task FireAsync(TimeSpan remaining)
    {
        await WhenArmedAsync(remaining);
        Advance(remaining);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, period);
        timer.Inner = base.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Track(TrackedTimer timer, TimeSpan dueTime)
    {
        timer.DueAt = GetUtcNow() + dueTime;
        _armed[timer] = false;
    }

    // Unless it fired (and was disarmed) meanwhile, inside Change or on the thread that moved time.
    private void InnerArmed(TrackedTimer timer) => _armed.TryUpdate(timer, true, false);

    private void AutoAdvance(TrackedTimer timer, TimeSpan dueTime)
    {
        if (dueTime <= AutoAdvanceUpTo)
        {
            // On another thread, once the caller has its timer: firing inside CreateTimer would run the
            // caller's callback before it could even hold on to the timer.
            ThreadPool.QueueUserWorkItem(_ => AdvanceTo(timer));
        }
    }

    private void AdvanceTo(TrackedTimer timer)
    {
        var left = timer.DueAt - GetUtcNow();
        if (_armed.ContainsKey(timer) && left > TimeSpan.Zero)
        {
            Advance(left);
        }
    }

    private void Disarmed(TrackedTimer timer) => _armed.TryRemove(timer, out _);

    private sealed class TrackedTimer(TestClock clock, TimeSpan period) : ITimer
    {
        private TimeSpan _period = period;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            clock.Disarmed(this);
            var armed = dueTime != Timeout.InfiniteTimeSpan;
            if (armed)
            {
                // Tracked before the inner timer is armed: a due time of zero fires inside Change.
                clock.Track(this, dueTime);
                clock.WhileArming?.Invoke(dueTime);
            }

            var changed = Inner.Change(dueTime, period);
            if (armed)
            {
                clock.InnerArmed(this);
                clock.AutoAdvance(this, dueTime);
            }

            return changed;
        }

        public void Fired()
        {
            if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero)
            {
                clock.Disarmed(this);
            }
            else
            {
                DueAt += _period;
            }
        }

        public void Dispose()
        {
            clock.Disarmed(this);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
