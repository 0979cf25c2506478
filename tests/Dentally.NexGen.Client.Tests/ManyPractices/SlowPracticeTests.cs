using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ManyPractices;

/// <summary>
/// One practice that stalls or is rate limited with a long <c>Retry-After</c> holds only its own calls:
/// the other practices' calls on the same client (same pipeline, same connections) are answered while
/// it waits, without the clock moving, and its caller's cancellation ends only its calls.
/// </summary>
public sealed class SlowPracticeTests : IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(20);
    private readonly SdkHarness _harness = new(o => o.Retry = new NexGenRetryOptions { MaxDelay = TimeSpan.FromSeconds(30), BaseDelay = TimeSpan.FromMilliseconds(5), UseJitter = false });

    public SlowPracticeTests()
    {
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("X-Practice-Id", "practice_slow"))
            .RespondWith(SdkHarness.Problem(429, "rate-limited", "Slow down").WithHeader("Retry-After", "20"));
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("X-Practice-Id", "practice_held"))
            .RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("X-Practice-Id", "practice_fine"))
            .RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_practice_waiting_out_a_long_Retry_After_holds_no_other_practice()
    {
        using var cancellation = new CancellationTokenSource();
        var slow = _harness.Client.ForPractice("org_a", "practice_slow");
        var waiting = Enumerable.Range(0, 20).Select(_ => slow.Providers.ListAsync(cancellationToken: cancellation.Token)).ToList();
        await Waiting.UntilAsync(() => Clock.CountArmed(RetryAfter) == 20, "twenty calls waiting out the Retry-After");

        await FinePracticeAnswersAsync();

        await cancellation.CancelAsync();
        foreach (var call in waiting)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Waiting.Patience));
        }
    }

    [Fact]
    public async Task A_practice_whose_answers_stall_holds_no_other_practice()
    {
        var held = _harness.Hold(r => SdkHarness.HasHeader(r, "X-Practice-Id", "practice_held"));
        var stalled = _harness.Client.ForPractice("org_a", "practice_held");
        var waiting = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => stalled.Providers.ListAsync()));
        await held.WhenHoldingAsync(20);

        await FinePracticeAnswersAsync();

        Assert.False(waiting.IsCompleted);
        held.Release();
        Assert.Equal(20, (await waiting.WaitAsync(Waiting.Patience)).Length);
    }

    private TestClock Clock => (TestClock)_harness.Options.TimeProvider;

    /// <summary>Ten calls of another practice, answered while the clock stands still.</summary>
    private async Task FinePracticeAnswersAsync()
    {
        var before = Clock.GetUtcNow();
        var fine = _harness.Client.ForPractice("org_b", "practice_fine");
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => fine.Providers.ListAsync())).WaitAsync(Waiting.Patience);
        Assert.Equal(10, answers.Length);
        Assert.Equal(before, Clock.GetUtcNow());
    }
}
