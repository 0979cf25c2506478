namespace Dentally.NexGen.Client;

/// <summary>
/// Caches the appointment types for a while (default 10 minutes), as the booking guide recommends,
/// once per tenant: per organisation and practice (and the client's credentials), as the request that
/// fetches them names them, so a fetch made with one practice's token and <c>X-Practice-Id</c> never
/// answers another practice's call, and one practice's refusal (a 403) never fails another's booking.
/// Concurrent misses of one tenant share one request, which one caller's cancellation does not end
/// for the others (<see cref="SharedWork{T}"/>). Each fetch drops the lists past their time, so a practice no
/// longer served leaves nothing behind. Share one instance per process (DI does).
/// </summary>
public class AppointmentTypeCache
{
    /// <summary>The default time a tenant's types are kept: 10 minutes.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromMinutes(10);

    // A day-old list of types is stale anyway, and a longer one (TimeSpan.MaxValue) would overflow the
    // freshness check at a later booking instead of being refused where it is set.
    internal static readonly TimeSpan MaxTimeToLive = TimeSpan.FromDays(1);

    private readonly SharedWorkCache<TenantKey, Entry> _entries;
    private readonly TimeProvider _timeProvider;

    // The cache DI registers serves every named client of the app: each keeps its types as its own options say.
    private bool _perClient;

    /// <summary>For mocking: a test double derived from this class overrides the members it needs.</summary>
    protected AppointmentTypeCache()
    {
        _timeProvider = TimeProvider.System;
        TimeToLive = DefaultTimeToLive;
        _entries = new(IsFresh);
    }

    /// <summary>Creates a cache.</summary>
    /// <param name="timeToLive">How long types are kept; default 10 minutes.</param>
    /// <param name="timeProvider">The clock; default the system clock.</param>
    public AppointmentTypeCache(TimeSpan? timeToLive = null, TimeProvider? timeProvider = null)
    {
        TimeToLive = timeToLive ?? DefaultTimeToLive;
        if (TimeToLive <= TimeSpan.Zero || TimeToLive > MaxTimeToLive)
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, $"timeToLive must be positive and at most {MaxTimeToLive.TotalHours:0} hours.");
        }

        _timeProvider = timeProvider ?? TimeProvider.System;
        _entries = new(IsFresh);
    }

    /// <summary>
    /// The app's one cache for every client registered in DI: a tenant's types are kept for the
    /// <see cref="NexGenClientOptions.AppointmentTypeCacheDuration"/>, on the <see cref="NexGenClientOptions.TimeProvider"/>,
    /// of the client that fetched them, not of the client registered first.
    /// </summary>
    internal static AppointmentTypeCache PerClient(NexGenClientOptions first)
        => new(first.AppointmentTypeCacheDuration, first.TimeProvider) { _perClient = true };

    /// <summary>How long a tenant's types are kept.</summary>
    public virtual TimeSpan TimeToLive { get; }

    /// <summary>How many tenants' types (or fetches) are held (for tests).</summary>
    internal int TenantCount => _entries.Count;

    /// <summary>Forgets every cached tenant.</summary>
    public virtual void Clear() => _entries.Clear();

    /// <summary>The appointment types (active and inactive) of the client's organisation as its practice sees them, from the cache while fresh.</summary>
    /// <param name="client">The client whose tenant (organisation, practice, credentials) is meant.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The types and whether they came from the cache.</returns>
    public virtual async Task<AppointmentTypeLookup> GetAsync(NexGenClient client, CancellationToken cancellationToken = default)
    {
        var (types, fetched) = await GetAsync(Guard.NotNull(client, nameof(client)), refresh: false, cancellationToken).ConfigureAwait(false);
        return new AppointmentTypeLookup(types.ToList(), fromCache: !fetched);
    }

    /// <summary>
    /// The tenant's types, from the cache while fresh. <paramref name="refresh"/> drops the cached
    /// list (or the fetch under way) first. <c>Fetched</c> says whether this call made the request.
    /// </summary>
    internal ValueTask<(IList<AppointmentType> Types, bool Fetched)> GetAsync(NexGenClient client, bool refresh, CancellationToken cancellationToken)
    {
        // A warm, fresh entry is answered at once: every booking asks, almost always for this.
        return !refresh && _entries.TryGetFresh(client.TypeCacheKey, out var cached)
            ? new ValueTask<(IList<AppointmentType>, bool)>((cached.Types, false))
            : new ValueTask<(IList<AppointmentType>, bool)>(FetchAsync(client, refresh, cancellationToken));
    }

    private async Task<(IList<AppointmentType> Types, bool Fetched)> FetchAsync(NexGenClient client, bool refresh, CancellationToken cancellationToken)
    {
        if (refresh)
        {
            // A fetch under way may have been sent before the type the caller looks for was created.
            _entries.Remove(client.TypeCacheKey);
        }

        // Fetches are rare (once per tenant per time to live), so a pass over the tenants here costs nothing a
        // booking would notice, and a practice no longer served leaves no list behind for the life of the app.
        _entries.DropStale();
        var (entry, fetched) = await _entries.GetAsync(client.TypeCacheKey, ct => ListTypesAsync(client, ct), replace: null, cancellationToken).ConfigureAwait(false);
        return (entry.Types, fetched);
    }

    private static bool IsFresh(Entry entry) => entry.FetchedAt + entry.TimeToLive > entry.Clock.GetUtcNow();

    private async Task<Entry> ListTypesAsync(NexGenClient client, CancellationToken cancellationToken)
    {
        // Every type, active or not, so an inactive code can be refused by name rather than "not found".
        var list = await client.AppointmentTypes.ListAsync(isActive: null, cancellationToken).ConfigureAwait(false);
        var (clock, timeToLive) = _perClient ? (client.Options.TimeProvider, client.Options.AppointmentTypeCacheDuration) : (_timeProvider, TimeToLive);
        return new Entry(list.Items ?? new List<AppointmentType>(), clock, clock.GetUtcNow(), timeToLive);
    }

    /// <summary>A tenant's types, with the clock and duration they are kept by.</summary>
    private sealed class Entry(IList<AppointmentType> types, TimeProvider clock, DateTimeOffset fetchedAt, TimeSpan timeToLive)
    {
        public IList<AppointmentType> Types { get; } = types;

        public TimeProvider Clock { get; } = clock;

        public DateTimeOffset FetchedAt { get; } = fetchedAt;

        public TimeSpan TimeToLive { get; } = timeToLive;
    }
}
