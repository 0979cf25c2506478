using System.Collections.Concurrent;

namespace Dentally.NexGen.Client;

/// <summary>
/// Keeps each tenant's token until shortly before it expires: <see cref="RefreshMargin"/> before, or
/// half its remaining life for a token that lives less than twice that. Concurrent
/// requests for a tenant without a fresh token share one acquisition; a forced refresh replaces the
/// tenant's token unless an acquisition for it is already under way. Each acquisition drops the other
/// tenants' tokens that are past their time, so a tenant no longer served leaves no token behind.
/// </summary>
internal sealed class CachingTokenProvider(
    Func<NexGenTokenRequest, CancellationToken, ValueTask<NexGenAccessToken>> acquire,
    TimeProvider timeProvider) : INexGenTokenProvider
{
    /// <summary>How long before its expiry a token is replaced, so it never expires in flight.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<(string Organization, string Practice), SharedWork<Entry>> _tokens = new();

    public ValueTask<string> GetTokenAsync(NexGenTokenRequest request, CancellationToken cancellationToken)
    {
        var key = (request.OrganizationId, request.PracticeId);
        if (!request.ForceRefresh && _tokens.TryGetValue(key, out var cached) && IsFresh(cached))
        {
            return new ValueTask<string>(cached.Work!.Result.Token);
        }

        return new ValueTask<string>(AcquireAsync(key, request, cancellationToken));
    }

    public override string ToString() => "CachingTokenProvider";

    private async Task<string> AcquireAsync((string, string) key, NexGenTokenRequest request, CancellationToken cancellationToken)
    {
        DropStaleTokens();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var work = _tokens.AddOrUpdate(key, _ => Start(request), (_, old) => IsUnderWay(old) || (!request.ForceRefresh && IsFresh(old)) ? old : Start(request));
            if (!work.TryJoin())
            {
                // Every caller waiting on it gave up, so it was cancelled: start another.
                _tokens.RemoveIfSame(key, work);
                continue;
            }

            try
            {
                return (await work.WaitAsync(cancellationToken).ConfigureAwait(false)).Token;
            }
            catch when (work.Work!.IsFaulted || work.Work.IsCanceled)
            {
                // A failed acquisition is not cached: the next request tries again.
                _tokens.RemoveIfSame(key, work);
                throw;
            }
        }
    }

    private SharedWork<Entry> Start(NexGenTokenRequest request)
        => new(async cancellationToken =>
        {
            var token = await acquire(request, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(token.Token))
            {
                throw new InvalidOperationException("The NexGen token provider's acquire delegate returned an empty token.");
            }

            var now = timeProvider.GetUtcNow();
            var life = token.ExpiresOn > now ? token.ExpiresOn - now : TimeSpan.Zero;
            var margin = life < RefreshMargin + RefreshMargin ? TimeSpan.FromTicks(life.Ticks / 2) : RefreshMargin;
            return new Entry(token.Token, now + life - margin);
        });

    // Acquisitions are rare (once per tenant per token lifetime), so a pass over the tenants here costs
    // nothing a request would notice, and the dictionary holds only tenants with a usable token.
    private void DropStaleTokens()
    {
        foreach (var entry in _tokens)
        {
            if (entry.Value.Work is { IsCompleted: true } && !IsFresh(entry.Value))
            {
                _tokens.RemoveIfSame(entry.Key, entry.Value);
            }
        }
    }

    /// <summary>How many tenants' tokens are held (for tests).</summary>
    internal int TenantCount => _tokens.Count;

    private static bool IsUnderWay(SharedWork<Entry> work) => work.Work is not { IsCompleted: true };

    private bool IsFresh(SharedWork<Entry> work)
        => work.Work is { Status: TaskStatus.RanToCompletion } done && timeProvider.GetUtcNow() < done.Result.RefreshAt;

    /// <summary>A tenant's token and when to replace it (worked out once, when it was acquired).</summary>
    private sealed class Entry(string token, DateTimeOffset refreshAt)
    {
        public string Token { get; } = token;

        public DateTimeOffset RefreshAt { get; } = refreshAt;
    }
}
