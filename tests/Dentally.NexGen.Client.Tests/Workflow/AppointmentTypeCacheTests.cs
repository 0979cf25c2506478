using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Client.Tests.Workflow;

public sealed class AppointmentTypeCacheTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    [Fact]
    public async Task Types_are_fetched_once_then_served_from_the_cache_until_they_expire()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new AppointmentTypeCache(TimeSpan.FromMinutes(10), clock);
        WorkflowStub.Types(_harness);

        var first = await cache.GetAsync(_harness.Client);
        var second = await cache.GetAsync(_harness.Client);
        clock.Advance(TimeSpan.FromMinutes(9));
        var stillCached = await cache.GetAsync(_harness.Client);
        clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await cache.GetAsync(_harness.Client);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.True(stillCached.FromCache);
        Assert.False(expired.FromCache);
        Assert.Equal(new[] { "NPE", "HYG", "EMG", "ARC" }, first.Types.Select(t => t.Code));
        Assert.Equal(2, _harness.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_misses_share_one_request()
    {
        var cache = new AppointmentTypeCache();
        WorkflowStub.Types(_harness);
        var held = _harness.Hold(r => r.Method == HttpMethod.Get);

        // All twenty ask while the first fetch's answer is held back.
        var lookups = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetAsync(_harness.Client)));
        await held.WhenHoldingAsync(1);
        held.Release();

        Assert.All(await lookups.WaitAsync(Waiting.Patience), l => Assert.Equal(4, l.Types.Count));
        Assert.Single(_harness.Requests);
    }

    [Fact]
    public async Task Types_older_than_the_time_to_live_by_the_time_they_arrive_are_still_the_answer_of_the_fetch_made_for_them()
    {
        // Every read of this clock moves it on a minute: whatever is fetched is stale before the caller
        // sees it. The fetch still answers its own caller, once, instead of being fetched again forever.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMinutes(1) };
        var cache = new AppointmentTypeCache(TimeSpan.FromSeconds(1), clock);
        WorkflowStub.Types(_harness);

        var lookup = await cache.GetAsync(_harness.Client).WaitAsync(Waiting.Patience);
        var again = await cache.GetAsync(_harness.Client).WaitAsync(Waiting.Patience);

        Assert.False(lookup.FromCache);
        Assert.False(again.FromCache);
        Assert.Equal(4, lookup.Types.Count);
        Assert.Equal(2, _harness.Requests.Count);
    }

    [Fact]
    public async Task A_refresh_sends_its_own_request_even_while_an_earlier_fetch_is_under_way()
    {
        // The earlier fetch was answered before the new type existed; the refresh must see it.
        var cache = new AppointmentTypeCache();
        _harness.RespondInSequence(
            WireMock.RequestBuilders.Request.Create().UsingGet().WithPath($"/api/v1/{SdkHarness.Org}/appointment-types"),
            SdkHarness.Json(200, WorkflowStub.TypesJson()),
            SdkHarness.Json(200, WorkflowStub.TypesJson(includeNewType: true)));
        var held = _harness.Hold(r => r.Method == HttpMethod.Get, limit: 1);

        var earlier = cache.GetAsync(_harness.Client);
        await held.WhenHoldingAsync(1);
        Assert.False(earlier.IsCompleted, "the earlier fetch should still be under way");
        var (types, fetched) = await cache.GetAsync(_harness.Client, refresh: true, CancellationToken.None).AsTask().WaitAsync(Waiting.Patience);
        held.Release();

        Assert.True(fetched);
        Assert.Contains(types, t => t.Code == "NEW");
        Assert.DoesNotContain((await earlier.WaitAsync(Waiting.Patience)).Types, t => t.Code == "NEW");
        Assert.Equal(2, _harness.Requests.Count);
    }

    public void Dispose() => _harness.Dispose();
}
