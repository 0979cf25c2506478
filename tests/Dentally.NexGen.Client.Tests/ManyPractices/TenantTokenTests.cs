using System.Collections.Concurrent;
using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ManyPractices;

/// <summary>Tokens per tenant: asked for by organisation and practice, refreshed once per 401 burst, only for that tenant.</summary>
public sealed class TenantTokenTests : IDisposable
{
    private static readonly TimeSpan BearerTokenSourceCooldown = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, int> _versions = new();
    private readonly ConcurrentQueue<NexGenTokenRequest> _refreshes = new();
    private readonly SdkHarness _harness;

    public TenantTokenTests()
    {
        _harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.FromDelegate(async (request, cancellationToken) =>
            {
                if (request.ForceRefresh)
                {
                    _refreshes.Enqueue(request);
                    await Task.Yield();
                    _versions.AddOrUpdate(request.OrganizationId, 2, (_, version) => version + 1);
                }

                return $"{request.OrganizationId}-{_versions.GetOrAdd(request.OrganizationId, 1)}";
            });
        });
    }

    [Fact]
    public async Task A_burst_of_401s_for_one_tenant_makes_one_refresh_and_leaves_the_other_tenant_alone()
    {
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer org_a-1"))
            .RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer org_a-2")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer org_b-1")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var clinicA = _harness.Client.ForPractice("org_a", "practice_1");
        var clinicB = _harness.Client.ForPractice("org_b", "practice_2");

        // The stale token's 401s are held back until all twenty are sent, so they are refused together.
        var refusals = _harness.Hold(r => SdkHarness.HasHeader(r, "Authorization", "Bearer org_a-1"));
        var calls = Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => clinicA.Providers.ListAsync())
                .Concat(Enumerable.Range(0, 10).Select(_ => clinicB.Providers.ListAsync())));
        await refusals.WhenHoldingAsync(20);
        refusals.Release();
        await calls.WaitAsync(Waiting.Patience);

        Assert.Equal(new[] { new NexGenTokenRequest("org_a", "practice_1", forceRefresh: true) }, _refreshes);
        var byToken = _harness.Requests.GroupBy(r => r.Headers!["Authorization"].Single()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["Bearer org_a-1"] = 20, ["Bearer org_a-2"] = 20, ["Bearer org_b-1"] = 10 }, byToken);
        Assert.All(_harness.Requests.Where(r => r.Headers!["Authorization"].Single() == "Bearer org_b-1"), r => Assert.Equal("/api/v1/org_b/providers", r.Path));
    }

    [Fact]
    public async Task A_request_refused_after_another_refreshed_the_token_takes_the_new_one_without_asking_again()
    {
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer org_a-1")).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer org_a-2")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var clinic = _harness.Client.ForPractice("org_a", "practice_1");

        await clinic.Providers.ListAsync();
        await clinic.Providers.ListAsync();

        Assert.Single(_refreshes);
        Assert.Equal(new[] { "Bearer org_a-1", "Bearer org_a-2", "Bearer org_a-2" }, _harness.Requests.Select(r => r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task The_cached_provider_keeps_each_tenants_token_until_two_minutes_before_it_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var acquired = new ConcurrentQueue<NexGenTokenRequest>();
        var provider = NexGenTokenProviders.Cached((request, _) =>
        {
            acquired.Enqueue(request);
            return new ValueTask<NexGenAccessToken>(new NexGenAccessToken($"{request.OrganizationId}-{acquired.Count}", clock.GetUtcNow().AddMinutes(10)));
        }, clock);
        var tenantA = new NexGenTokenRequest("org_a", "practice_1");
        var tenantB = new NexGenTokenRequest("org_b", "practice_2");

        Assert.Equal("org_a-1", await provider.GetTokenAsync(tenantA, default));
        Assert.Equal("org_b-2", await provider.GetTokenAsync(tenantB, default));
        clock.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal("org_a-1", await provider.GetTokenAsync(tenantA, default));
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("org_a-3", await provider.GetTokenAsync(tenantA, default));
        Assert.Equal("org_a-4", await provider.GetTokenAsync(new NexGenTokenRequest("org_a", "practice_1", forceRefresh: true), default));
        Assert.Equal("org_a-4", await provider.GetTokenAsync(tenantA, default));
        Assert.Equal("org_b-5", await provider.GetTokenAsync(tenantB, default));

        Assert.Equal(5, acquired.Count);
    }

    [Fact]
    public async Task The_cached_provider_makes_one_acquisition_for_concurrent_requests_and_forgets_a_failed_one()
    {
        var gate = new TaskCompletionSource<NexGenAccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var provider = NexGenTokenProviders.Cached((_, _) => Interlocked.Increment(ref calls) == 1
            ? new ValueTask<NexGenAccessToken>(gate.Task)
            : new ValueTask<NexGenAccessToken>(new NexGenAccessToken("second", DateTimeOffset.MaxValue)));
        var tenant = new NexGenTokenRequest("org_a", "practice_1");

        var waiting = Enumerable.Range(0, 10).Select(_ => provider.GetTokenAsync(tenant, default).AsTask()).ToList();
        gate.SetException(new HttpRequestException("identity provider unavailable"));

        foreach (var wait in waiting)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => wait);
        }

        Assert.Equal(1, calls);
        Assert.Equal("second", await provider.GetTokenAsync(tenant, default));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_tenant_whose_fresh_token_is_refused_too_is_not_refreshed_again_for_30_seconds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var acquired = new ConcurrentQueue<NexGenTokenRequest>();
        using var harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TimeProvider = clock;
            o.TokenProvider = NexGenTokenProviders.Cached((request, _) =>
            {
                acquired.Enqueue(request);
                return new ValueTask<NexGenAccessToken>(new NexGenAccessToken("tok-" + acquired.Count, clock.GetUtcNow().AddHours(1)));
            }, clock);
        });
        // The practice revoked the partner: every token is refused.
        harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        var revoked = harness.Client.ForPractice("org_revoked", "practice_1");

        for (var call = 0; call < 10; call++)
        {
            await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => revoked.Providers.ListAsync());
        }

        Assert.Equal(new[] { false, true }, acquired.Select(r => r.ForceRefresh));
        Assert.Equal(11, harness.Requests.Count);

        clock.Advance(BearerTokenSourceCooldown + TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => revoked.Providers.ListAsync());
        Assert.Equal(new[] { false, true, true }, acquired.Select(r => r.ForceRefresh));
        Assert.Equal(13, harness.Requests.Count);
    }

    [Fact]
    public async Task A_token_the_provider_changed_after_a_refresh_is_refreshed_when_refused_the_pause_is_only_for_the_refreshed_token()
    {
        // org_b's tokens: b-1 refused, b-2 accepted, then the provider's own store moves to b-3 (refused), b-4 accepted.
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer org_b-1")).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer org_b-2")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer org_b-3")).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        _harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer org_b-4")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var clinic = _harness.Client.ForPractice("org_b", "practice_1");

        await clinic.Providers.ListAsync();
        _versions["org_b"] = 3;
        await clinic.Providers.ListAsync();

        Assert.Equal(2, _refreshes.Count);
        Assert.Equal(new[] { "Bearer org_b-1", "Bearer org_b-2", "Bearer org_b-3", "Bearer org_b-4" }, _harness.Requests.Select(r => r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task A_read_of_the_old_token_that_ends_after_a_refresh_does_not_undo_it()
    {
        var version = 1;
        var holdNextRead = 0;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refreshes = 0;
        using var harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.FromDelegate(async (request, _) =>
            {
                if (request.ForceRefresh)
                {
                    Interlocked.Increment(ref refreshes);
                    return "v" + Interlocked.Increment(ref version);
                }

                var read = "v" + Volatile.Read(ref version);
                if (Interlocked.Exchange(ref holdNextRead, 0) == 1)
                {
                    held.SetResult();
                    await release.Task;
                }

                return read;
            });
        });
        harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer v1")).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer v2")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var clinic = harness.Client.ForPractice("org_a", "practice_1");

        holdNextRead = 1;
        var slow = clinic.Providers.ListAsync();
        await held.Task;
        await clinic.Providers.ListAsync();
        release.SetResult();
        await slow;

        Assert.Equal(1, refreshes);
        Assert.Equal(new[] { "Bearer v1", "Bearer v2", "Bearer v1", "Bearer v2" }, harness.Requests.Select(r => r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task The_cached_provider_keeps_a_short_lived_token_half_its_life_and_never_keeps_an_expired_or_empty_one()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var issued = new Queue<NexGenAccessToken>();
        var provider = NexGenTokenProviders.Cached((_, _) => new ValueTask<NexGenAccessToken>(issued.Dequeue()), clock);
        var tenant = new NexGenTokenRequest("org_a", "practice_1");

        issued.Enqueue(new NexGenAccessToken("one-minute", clock.GetUtcNow().AddMinutes(1)));
        Assert.Equal("one-minute", await provider.GetTokenAsync(tenant, default));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("one-minute", await provider.GetTokenAsync(tenant, default));
        clock.Advance(TimeSpan.FromSeconds(2));
        issued.Enqueue(new NexGenAccessToken("no-expiry-given", default));
        Assert.Equal("no-expiry-given", await provider.GetTokenAsync(tenant, default));
        issued.Enqueue(new NexGenAccessToken("after-the-expired-one", clock.GetUtcNow().AddHours(1)));
        Assert.Equal("after-the-expired-one", await provider.GetTokenAsync(tenant, default));
        Assert.Empty(issued);

        var empty = NexGenTokenProviders.Cached((_, _) => new ValueTask<NexGenAccessToken>(default(NexGenAccessToken)), clock);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => empty.GetTokenAsync(tenant, default).AsTask());
        Assert.Contains("empty token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenants_no_longer_served_leave_no_token_behind()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var cached = (CachingTokenProvider)NexGenTokenProviders.Cached(
            (request, _) => new ValueTask<NexGenAccessToken>(new NexGenAccessToken("tok_" + request.OrganizationId, clock.GetUtcNow().AddMinutes(30))), clock);
        var headers = new BearerTokenSource(cached, canRefresh: true, clock);
        var partner = NexGenScope.For(SdkHarness.NewOptions("https://api.example.com"));

        await headers.GetAsync(partner.ForPractice("org_a", "practice_1"), default);
        await headers.GetAsync(partner.ForPractice("org_b", "practice_1"), default);
        Assert.Equal((2, 2), (cached.TenantCount, headers.TenantCount));

        // Both tokens are past their time; org_b's renewal drops org_a's, which nobody asked for again.
        clock.Advance(TimeSpan.FromMinutes(40));
        await headers.GetAsync(partner.ForPractice("org_b", "practice_1"), default);
        Assert.Equal((1, 2), (cached.TenantCount, headers.TenantCount));

        // org_a's header goes once it has been idle an hour, when another tenant is first seen.
        await headers.GetAsync(partner.ForPractice("org_c", "practice_1"), default);
        Assert.Equal((2, 3), (cached.TenantCount, headers.TenantCount));
        clock.Advance(TimeSpan.FromMinutes(21));
        await headers.GetAsync(partner.ForPractice("org_d", "practice_1"), default);
        Assert.Equal((3, 3), (cached.TenantCount, headers.TenantCount));
    }

    [Fact]
    public void Token_types_never_show_the_token()
    {
        var token = new NexGenAccessToken("tok_SECRET", DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("tok_SECRET", token.ToString(), StringComparison.Ordinal);
        Assert.Equal("NexGenTokenRequest { OrganizationId = org_a, PracticeId = practice_1, ForceRefresh = True }", new NexGenTokenRequest("org_a", "practice_1", true).ToString());
    }

    public void Dispose() => _harness.Dispose();
}
