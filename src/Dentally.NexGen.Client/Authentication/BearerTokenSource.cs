using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Dentally.NexGen.Client;

/// <summary>
/// Turns the token provider's tokens into <c>Authorization</c> header values, per tenant. A tenant's
/// header is built once and shared by its requests until its token changes. A 401 refreshes only that
/// tenant's token, once however many of its requests were refused together: a request refused with a
/// token that has since been replaced gets the replacement without asking the provider again (with a
/// token <see cref="NexGenTokenProviders.Cached"/> shares between tenants, also when another tenant replaced it). A fresh
/// token that is refused too (a practice that revoked the partner) is not refreshed again for
/// <see cref="RefreshCooldown"/>: its calls fail with 401 at once instead of costing the identity
/// provider a call each. A tenant without a request for <see cref="IdleLifetime"/> is forgotten (its
/// header holds its token), checked at most once a minute, when another tenant is first seen. The
/// provider's failures come out as <see cref="TokenProviderFailure"/>: the send that needed the token was not made. A
/// provider that ignores its token is waited for only as long as the token allows (the attempt's timeout, the caller's cancellation).
/// </summary>
internal sealed class BearerTokenSource
{
    /// <summary>How long a refreshed token that the API refused too is not refreshed again.</summary>
    public static readonly TimeSpan RefreshCooldown = TimeSpan.FromSeconds(30);

    /// <summary>How long a tenant's header is kept without a request.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(1);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly INexGenTokenProvider _provider;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Organization, string Practice), TenantTokens> _tenants = new();
    private long _nextSweepTicks;

    public BearerTokenSource(INexGenTokenProvider provider, bool canRefresh, TimeProvider timeProvider)
    {
        _provider = provider;
        CanRefresh = canRefresh;
        _time = timeProvider;
    }

    /// <summary>Whether a 401 is worth one more try with a fresh token (a static token cannot change).</summary>
    public bool CanRefresh { get; }

    public async ValueTask<BearerToken> GetAsync(NexGenScope tenant, CancellationToken cancellationToken)
    {
        var tokens = TokensOf(tenant);
        var refreshes = tokens.Refreshes;
        string token;
        try
        {
            // The provider is the caller's code: a token it ignores must still end the wait (CancellableWait).
            token = await CancellableWait.WaitAsync(_provider.GetTokenAsync(new NexGenTokenRequest(tenant.OrganizationId, tenant.PracticeId), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (TokenProviderFailure.IsProviders(failure, cancellationToken))
        {
            throw new TokenProviderFailure(failure);
        }

        var current = tokens.Current;
        if (current is not null && current.Holds(token))
        {
            return current;
        }

        var created = Create(token);
        lock (tokens)
        {
            // A refresh that ended while the provider was answering holds a newer token than this read.
            if (tokens.Refreshes == refreshes)
            {
                tokens.Current = created;
            }
        }

        return created;
    }

    /// <summary>
    /// A token to replace <paramref name="refused"/>: the tenant's newer one if another request already
    /// refreshed it, else one fresh from the provider; <paramref name="refused"/> itself when it is the
    /// fresh token of a refresh less than <see cref="RefreshCooldown"/> ago.
    /// </summary>
    public async Task<BearerToken> RefreshAsync(NexGenScope tenant, BearerToken refused, CancellationToken cancellationToken)
    {
        var tokens = TokensOf(tenant);
        SharedWork<BearerToken> refresh;
        lock (tokens)
        {
            if (tokens.Current is { } current && !current.IsSameAs(refused))
            {
                return current;
            }

            if (tokens.Refresh is { Work.Status: TaskStatus.RanToCompletion } last && last.Work.Result.IsSameAs(refused)
                && _time.GetUtcNow() - tokens.RefreshedAt < RefreshCooldown)
            {
                return refused;
            }

            // Requests refused together join the refresh under way; one that has ended (with the same
            // token, a failure, or cancelled because every waiter gave up) is not reused.
            if (tokens.Refresh is not { Work.IsCompleted: false } underWay || !underWay.TryJoin())
            {
                underWay = tokens.Refresh = new SharedWork<BearerToken>(ct => FetchFreshAsync(tenant, tokens, refused, ct));
                underWay.TryJoin();
            }

            refresh = underWay;
        }

        return await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<BearerToken> FetchFreshAsync(NexGenScope tenant, TenantTokens tokens, BearerToken refused, CancellationToken cancellationToken)
    {
        var request = new NexGenTokenRequest(tenant.OrganizationId, tenant.PracticeId, forceRefresh: true);
        // The SDK's own cache can tell whether a token that other tenants share has been replaced since
        // this one was refused; any other provider is asked for a fresh token.
        string token;
        try
        {
            token = _provider is CachingTokenProvider cache
                ? await cache.ReplaceAsync(request, refused.Holds, cancellationToken).ConfigureAwait(false)
                : await CancellableWait.WaitAsync(_provider.GetTokenAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (TokenProviderFailure.IsProviders(failure, cancellationToken))
        {
            throw new TokenProviderFailure(failure);
        }

        lock (tokens)
        {
            var fresh = tokens.Current is { } current && current.Holds(token) ? current : Create(token);
            tokens.Current = fresh;
            tokens.Refreshes++;
            tokens.RefreshedAt = _time.GetUtcNow();
            return fresh;
        }
    }

    /// <summary>How many tenants' headers are held (for tests).</summary>
    internal int TenantCount => _tenants.Count;

    private TenantTokens TokensOf(NexGenScope tenant)
    {
        var now = _time.GetUtcNow();
        var key = (tenant.OrganizationId, tenant.PracticeId);
        if (!_tenants.TryGetValue(key, out var tokens))
        {
            ForgetIdleTenants(now);
            tokens = _tenants.GetOrAdd(key, static _ => new TenantTokens());
        }

        Interlocked.Exchange(ref tokens.LastUsedTicks, now.UtcTicks);
        return tokens;
    }

    private void ForgetIdleTenants(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, next) != next)
        {
            return;
        }

        var idleSince = (now - IdleLifetime).UtcTicks;
        foreach (var entry in _tenants)
        {
            // A forgotten tenant in use by a request still in flight keeps working on its own entry.
            if (Interlocked.Read(ref entry.Value.LastUsedTicks) < idleSince)
            {
                _tenants.RemoveIfSame(entry.Key, entry.Value);
            }
        }
    }

    private static BearerToken Create(string token)
    {
        if (TokenRule.Problem(token) is { } problem)
        {
            // The message says where the problem is, never what the token was; the request it was for is not sent.
            throw new InvalidOperationException($"The NexGen token provider returned a token it cannot send: a token {problem}.");
        }

        // Header values are only read once set, so one instance can serve concurrent requests.
        return new BearerToken(token, new AuthenticationHeaderValue("Bearer", token));
    }

    /// <summary>One tenant's current header and refresh; written under its own lock.</summary>
    private sealed class TenantTokens
    {
        public volatile BearerToken? Current;

        public volatile int Refreshes;

        public SharedWork<BearerToken>? Refresh;

        public DateTimeOffset RefreshedAt;

        public long LastUsedTicks;
    }
}
