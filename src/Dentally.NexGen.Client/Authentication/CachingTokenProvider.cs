namespace Dentally.NexGen.Client;

/// <summary>
/// Keeps each token until shortly before it expires: <see cref="RefreshMargin"/> before, or half its
/// remaining life for a token that lives less than twice that. A token serves one tenant, an
/// organisation or every tenant (<see cref="NexGenTokenSharing"/>). Concurrent requests for a token
/// that is not fresh share one acquisition; a forced refresh replaces the token unless an acquisition
/// of it is already under way. Each acquisition drops the other tokens that are past their time, so a
/// tenant no longer served leaves no token behind.
/// </summary>
internal sealed class CachingTokenProvider(
    Func<NexGenTokenRequest, CancellationToken, ValueTask<NexGenAccessToken>> acquire,
    TimeProvider timeProvider,
    NexGenTokenSharing sharing = NexGenTokenSharing.PerPractice) : INexGenTokenProvider
{
    /// <summary>How long before its expiry a token is replaced, so it never expires in flight.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(2);

    private readonly SharedWorkCache<(string Organization, string Practice), Entry> _tokens = new(entry => timeProvider.GetUtcNow() < entry.RefreshAt);

    public ValueTask<string> GetTokenAsync(NexGenTokenRequest request, CancellationToken cancellationToken)
    {
        var key = KeyOf(request);
        return !request.ForceRefresh && _tokens.TryGetFresh(key, out var cached)
            ? new ValueTask<string>(cached.Token)
            : new ValueTask<string>(AcquireAsync(key, request, request.ForceRefresh ? Always : null, cancellationToken));
    }

    /// <summary>
    /// A replacement for a refused token: the token held now if it is another (a tenant sharing it has
    /// refreshed it since) or if it is itself the fresh result of a refresh less than
    /// <see cref="BearerTokenSource.RefreshCooldown"/> ago (a refreshed token refused again means the
    /// API refuses the tenant, not the token: refreshing per refusal would cost the identity provider a
    /// call for every request of a practice refused for good); else what a forced refresh gives.
    /// <paramref name="request"/> has <see cref="NexGenTokenRequest.ForceRefresh"/> set.
    /// </summary>
    public ValueTask<string> ReplaceAsync(NexGenTokenRequest request, Func<string, bool> isRefused, CancellationToken cancellationToken)
    {
        var key = KeyOf(request);
        if (_tokens.TryGetFresh(key, out var held) && !IsToReplace(held, isRefused))
        {
            return new ValueTask<string>(held.Token);
        }

        // Asked again of the token held when the cache swaps it: a tenant sharing it may have replaced it since
        // the look above, and replacing that one too would cost the identity provider a second call.
        return new ValueTask<string>(AcquireAsync(key, request, entry => IsToReplace(entry, isRefused), cancellationToken));
    }

    public override string ToString() => "CachingTokenProvider(" + sharing + ")";

    /// <summary>How many tokens are held (for tests).</summary>
    internal int TenantCount => _tokens.Count;

    private async Task<string> AcquireAsync((string, string) key, NexGenTokenRequest request, Func<Entry, bool>? replace, CancellationToken cancellationToken)
    {
        // Acquisitions are rare (once per tenant per token lifetime), so a pass over the tenants here costs
        // nothing a request would notice, and only tenants with a usable token stay.
        _tokens.DropStale();
        var (entry, _) = await _tokens.GetAsync(key, ct => FetchAsync(request, ct), replace, cancellationToken).ConfigureAwait(false);
        return entry.Token;
    }

    private static bool Always(Entry entry) => true;

    /// <summary>The token was refused, and is not itself the fresh result of a refresh less than <see cref="BearerTokenSource.RefreshCooldown"/> ago.</summary>
    private bool IsToReplace(Entry held, Func<string, bool> isRefused) => isRefused(held.Token) && !IsRecentRefresh(held);

    /// <summary>The tenants one token serves: the request's practice, its organisation, or every tenant.</summary>
    private (string Organization, string Practice) KeyOf(NexGenTokenRequest request) => sharing switch
    {
        NexGenTokenSharing.PerPartner => (string.Empty, string.Empty),
        NexGenTokenSharing.PerOrganization => (request.OrganizationId, string.Empty),
        _ => (request.OrganizationId, request.PracticeId),
    };

    private bool IsRecentRefresh(Entry entry) => timeProvider.GetUtcNow() - entry.RefreshedAt < BearerTokenSource.RefreshCooldown;

    private async Task<Entry> FetchAsync(NexGenTokenRequest request, CancellationToken cancellationToken)
    {
        var token = await acquire(request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(token.Token))
        {
            throw new InvalidOperationException("The NexGen token provider's acquire delegate returned an empty token.");
        }

        var now = timeProvider.GetUtcNow();
        var life = token.ExpiresOn > now ? token.ExpiresOn - now : TimeSpan.Zero;
        var margin = life < RefreshMargin + RefreshMargin ? TimeSpan.FromTicks(life.Ticks / 2) : RefreshMargin;
        return new Entry(token.Token, now + life - margin, request.ForceRefresh ? now : null);
    }

    /// <summary>A token, when to replace it (worked out once, at acquisition), and when a forced refresh acquired it.</summary>
    private sealed class Entry(string token, DateTimeOffset refreshAt, DateTimeOffset? refreshedAt)
    {
        public string Token { get; } = token;

        public DateTimeOffset RefreshAt { get; } = refreshAt;

        public DateTimeOffset? RefreshedAt { get; } = refreshedAt;
    }
}
