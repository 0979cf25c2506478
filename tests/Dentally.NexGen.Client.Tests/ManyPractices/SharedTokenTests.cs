using System.Collections.Concurrent;
using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ManyPractices;

/// <summary>
/// <see cref="NexGenTokenProviders.Cached"/> with tokens an identity provider issues per organisation or
/// per partner: one acquisition serves every practice the token covers, however many there are.
/// </summary>
public sealed class SharedTokenTests : IDisposable
{
    private readonly ConcurrentQueue<NexGenTokenRequest> _acquired = new();
    private SdkHarness? _harness;

    [Fact]
    public async Task One_partner_token_serves_every_organisation_and_practice_after_one_acquisition()
    {
        var harness = Harness(NexGenTokenSharing.PerPartner, request => "partner-1");
        harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer partner-1")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var practices = (from org in new[] { "org_a", "org_b", "org_c" }
                         from practice in new[] { "practice_1", "practice_2", "practice_3", "practice_4" }
                         select harness.Client.ForPractice(org, practice)).ToList();

        await Task.WhenAll(practices.SelectMany(p => Enumerable.Range(0, 5).Select(_ => p.Providers.ListAsync())));

        Assert.Single(_acquired);
        Assert.Equal(60, harness.Requests.Count);
        Assert.All(harness.Requests, r => Assert.Equal("Bearer partner-1", r.Headers!["Authorization"].Single()));
        Assert.Equal(12, harness.Requests.Select(r => (r.Path, r.Headers!["X-Practice-Id"].Single())).Distinct().Count());
    }

    [Fact]
    public async Task An_organisation_token_serves_its_practices_and_no_other_organisation()
    {
        var harness = Harness(NexGenTokenSharing.PerOrganization, request => request.OrganizationId + "-token");
        harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var practices = (from org in new[] { "org_a", "org_b" }
                         from practice in new[] { "practice_1", "practice_2", "practice_3" }
                         select harness.Client.ForPractice(org, practice)).ToList();

        await Task.WhenAll(practices.SelectMany(p => Enumerable.Range(0, 4).Select(_ => p.Providers.ListAsync())));

        Assert.Equal(new[] { "org_a", "org_b" }, _acquired.Select(r => r.OrganizationId).Order());
        Assert.Equal(24, harness.Requests.Count);
        Assert.All(harness.Requests, r => Assert.Equal($"Bearer {r.Path.Split('/')[3]}-token", r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task A_burst_of_401s_across_the_practices_sharing_a_token_makes_one_refresh()
    {
        var version = 1;
        var harness = Harness(NexGenTokenSharing.PerPartner, request => "partner-" + (request.ForceRefresh ? Interlocked.Increment(ref version) : version));
        harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer partner-1"))
            .RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer partner-2")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var practices = Enumerable.Range(1, 10).Select(n => harness.Client.ForPractice("org_a", "practice_" + n)).ToList();

        // The old token's 401s are held back until all twenty are sent, so the practices are refused together.
        var refusals = harness.Hold(r => SdkHarness.HasHeader(r, "Authorization", "Bearer partner-1"));
        var calls = Task.WhenAll(practices.SelectMany(p => Enumerable.Range(0, 2).Select(_ => p.Providers.ListAsync())));
        await refusals.WhenHoldingAsync(20);
        refusals.Release();
        await calls.WaitAsync(Waiting.Patience);

        Assert.Equal(new[] { false, true }, _acquired.Select(r => r.ForceRefresh));
        var byToken = harness.Requests.GroupBy(r => r.Headers!["Authorization"].Single()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["Bearer partner-1"] = 20, ["Bearer partner-2"] = 20 }, byToken);
    }

    [Fact]
    public async Task A_practice_that_saw_the_refused_token_just_before_another_replaced_it_takes_the_replacement_without_another_acquisition()
    {
        // The window the burst above hit now and then under load: practice B looks at the shared token (still
        // the refused one), practice A replaces it in full, and only then does B ask the cache to replace it.
        var version = 0;
        var acquisitions = new ConcurrentQueue<NexGenTokenRequest>();
        var cache = (CachingTokenProvider)NexGenTokenProviders.Cached(
            (request, _) =>
            {
                acquisitions.Enqueue(request);
                return new ValueTask<NexGenAccessToken>(new NexGenAccessToken("partner-" + Interlocked.Increment(ref version), DateTimeOffset.MaxValue));
            },
            sharing: NexGenTokenSharing.PerPartner);
        Assert.Equal("partner-1", await cache.GetTokenAsync(new NexGenTokenRequest("org_a", "practice_a"), CancellationToken.None));
        string? replacedMeanwhile = null;

        var b = await cache.ReplaceAsync(
            new NexGenTokenRequest("org_a", "practice_b", forceRefresh: true),
            token =>
            {
                if (replacedMeanwhile is null)
                {
                    replacedMeanwhile = cache.ReplaceAsync(new NexGenTokenRequest("org_a", "practice_a", forceRefresh: true), t => t == "partner-1", CancellationToken.None).AsTask().GetAwaiter().GetResult();
                }

                return token == "partner-1";
            },
            CancellationToken.None);

        // Before the fix: B replaced A's fresh token too, a third acquisition ("partner-3").
        Assert.Equal("partner-2", replacedMeanwhile);
        Assert.Equal("partner-2", b);
        Assert.Equal(new[] { false, true }, acquisitions.Select(r => r.ForceRefresh));
    }

    [Fact]
    public async Task A_401_that_arrives_after_another_practice_refreshed_the_shared_token_takes_the_new_one_without_another_acquisition()
    {
        var version = 1;
        var harness = Harness(NexGenTokenSharing.PerPartner, request => "partner-" + (request.ForceRefresh ? Interlocked.Increment(ref version) : version));
        harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer partner-1").WithHeader("X-Practice-Id", "practice_b"))
            .RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer partner-1").WithHeader("X-Practice-Id", "practice_a"))
            .RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer partner-2")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var practiceA = harness.Client.ForPractice("org_a", "practice_a");
        var practiceB = harness.Client.ForPractice("org_a", "practice_b");

        // Practice B's request with the old token is answered late: after practice A's refresh has ended.
        var lateRefusal = harness.Hold(r => SdkHarness.HasHeader(r, "Authorization", "Bearer partner-1") && SdkHarness.HasHeader(r, "X-Practice-Id", "practice_b"));
        var late = practiceB.Providers.ListAsync();
        await lateRefusal.WhenHoldingAsync(1);
        await practiceA.Providers.ListAsync().WaitAsync(Waiting.Patience);
        Assert.False(late.IsCompleted, "practice B's 401 should still be held");
        lateRefusal.Release();
        await late.WaitAsync(Waiting.Patience);

        Assert.Equal(new[] { false, true }, _acquired.Select(r => r.ForceRefresh));
        Assert.Equal(
            new[] { ("practice_a", "Bearer partner-2"), ("practice_b", "Bearer partner-2") },
            harness.Requests.Where(r => r.Headers!["Authorization"].Single() == "Bearer partner-2")
                .Select(r => (r.Headers!["X-Practice-Id"].Single(), r.Headers!["Authorization"].Single())).Order());
    }

    [Fact]
    public async Task Practices_refused_for_good_cost_one_refresh_of_the_shared_token_not_one_per_request()
    {
        var version = 1;
        var harness = Harness(NexGenTokenSharing.PerPartner, request => "partner-" + (request.ForceRefresh ? Interlocked.Increment(ref version) : version));
        // Two practices refuse every token; the others accept any.
        harness.Server.Given(Request.Create().UsingGet().WithHeader("X-Practice-Id", "revoked_x")).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        harness.Server.Given(Request.Create().UsingGet().WithHeader("X-Practice-Id", "revoked_y")).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        harness.Server.Given(Request.Create().UsingGet().WithHeader("X-Practice-Id", "healthy")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var revokedX = harness.Client.ForPractice("org_a", "revoked_x");
        var revokedY = harness.Client.ForPractice("org_a", "revoked_y");
        var healthy = harness.Client.ForPractice("org_a", "healthy");

        for (var round = 0; round < 10; round++)
        {
            await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => revokedX.Providers.ListAsync());
            await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => revokedY.Providers.ListAsync());
            Assert.Equal(0, (await healthy.Providers.ListAsync()).Total);
        }

        Assert.Equal(new[] { false, true }, _acquired.Select(r => r.ForceRefresh));
    }

    [Fact]
    public async Task A_practice_cancelled_while_the_shared_token_is_acquired_leaves_the_acquisition_to_the_other_practices()
    {
        var issue = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var abandoned = 0;
        var waiting = 0;
        var cached = NexGenTokenProviders.Cached(
            async (request, cancellationToken) =>
            {
                _acquired.Enqueue(request);
                using var registration = cancellationToken.Register(() => Interlocked.Increment(ref abandoned));
                return new NexGenAccessToken(await issue.Task.WaitAsync(cancellationToken), DateTimeOffset.MaxValue);
            },
            sharing: NexGenTokenSharing.PerPartner);
        _harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.FromDelegate((request, cancellationToken) =>
            {
                // The cache joins a caller to the acquisition under way before it hands back the wait.
                var token = cached.GetTokenAsync(request, cancellationToken);
                Interlocked.Increment(ref waiting);
                return token;
            });
        });
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer partner-1")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        using var cancellation = new CancellationTokenSource();
        var first = _harness.Client.ForPractice("org_a", "practice_1").Providers.ListAsync(cancellationToken: cancellation.Token);
        await Waiting.UntilAsync(() => !_acquired.IsEmpty, "the acquisition");
        var others = Task.WhenAll(Enumerable.Range(2, 3).Select(i => _harness.Client.ForPractice("org_b", "practice_" + i).Providers.ListAsync()));
        await Waiting.UntilAsync(() => Volatile.Read(ref waiting) == 4, "every practice waiting on the one acquisition");

        await cancellation.CancelAsync();
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(Waiting.Patience));
        issue.SetResult("partner-1");

        Assert.Equal(3, (await others.WaitAsync(Waiting.Patience)).Length);
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.Single(_acquired);
        Assert.Equal(0, Volatile.Read(ref abandoned));
    }

    [Fact]
    public void Sharing_must_be_a_defined_value_and_is_named_by_the_provider()
    {
        static ValueTask<NexGenAccessToken> Acquire(NexGenTokenRequest request, CancellationToken cancellationToken)
            => new(new NexGenAccessToken("token", DateTimeOffset.MaxValue));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NexGenTokenProviders.Cached(Acquire, sharing: (NexGenTokenSharing)3));
        Assert.Equal("sharing", error.ParamName);
        Assert.Equal("CachingTokenProvider(PerOrganization)", NexGenTokenProviders.Cached(Acquire, sharing: NexGenTokenSharing.PerOrganization).ToString());
        Assert.Equal("CachingTokenProvider(PerPractice)", NexGenTokenProviders.Cached(Acquire).ToString());
    }

    public void Dispose() => _harness?.Dispose();

    private SdkHarness Harness(NexGenTokenSharing sharing, Func<NexGenTokenRequest, string> token)
        => _harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.Cached(
                async (request, cancellationToken) =>
                {
                    _acquired.Enqueue(request);
                    await Task.Yield();
                    return new NexGenAccessToken(token(request), DateTimeOffset.MaxValue);
                },
                sharing: sharing);
        });
}
