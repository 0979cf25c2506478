namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// The fake clock the timing tests wait on: a timer it reports armed must be one that moving time fires.
/// </summary>
public sealed class TestClockTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_timer_still_being_armed_on_another_thread_is_not_reported_armed_so_moving_time_then_cannot_miss_it()
    {
        // The timer's thread is held after the clock has tracked the timer and before its inner timer
        // is armed: where a thread of a loaded machine can be descheduled. A test polling CountArmed
        // would move time as soon as it counted the timer, and the timer would never fire
        // (PartnerProofTests' burst of 401s once hung so: one of twenty held requests never answered).
        var arming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var clock = new TestClock
        {
            WhileArming = _ =>
            {
                arming.TrySetResult();
                release.Wait(Waiting.Patience);
            },
        };
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var armer = Task.Factory.StartNew(
            () => clock.CreateTimer(_ => fired.TrySetResult(), null, Hold, Timeout.InfiniteTimeSpan),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        await arming.Task.WaitAsync(Waiting.Patience);

        Assert.Equal(0, clock.CountArmed(Hold));

        release.Set();
        using var timer = await armer.WaitAsync(Waiting.Patience);
        Assert.Equal(1, clock.CountArmed(Hold));
        clock.Advance(Hold);
        Assert.True(fired.Task.IsCompleted, "A timer reported armed did not fire when time moved past it.");
        Assert.Empty(clock.Armed);
    }
}
