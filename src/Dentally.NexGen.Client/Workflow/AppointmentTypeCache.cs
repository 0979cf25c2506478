using System.Collections.Concurrent;

namespace Dentally.NexGen.Client;

/// <summary>
/// Caches each organisation's appointment types for a while (default 10 minutes), as the booking
/// guide recommends. Concurrent misses share one request, which one caller's cancellation does not
/// end for the others (<see cref="SharedWork{T}"/>). Share one instance per process (DI does).
/// </summary>
public class AppointmentTypeCache
{
    /// <summary>The default time an organisation's types are kept: 10 minutes.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, SharedWork<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>For mocking: a test double derived from this class overrides the members it needs.</summary>
    protected AppointmentTypeCache()
    {
        _timeProvider = TimeProvider.System;
        TimeToLive = DefaultTimeToLive;
    }

    /// <summary>Creates a cache.</summary>
    /// <param name="timeToLive">How long types are kept; default 10 minutes.</param>
    /// <param name="timeProvider">The clock; default the system clock.</param>
    public AppointmentTypeCache(TimeSpan? timeToLive = null, TimeProvider? timeProvider = null)
    {
        TimeToLive = timeToLive ?? DefaultTimeToLive;
        if (TimeToLive <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "timeToLive must be positive.");
        }

        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long an organisation's types are kept.</summary>
    public virtual TimeSpan TimeToLive { get; }

    /// <summary>Forgets every cached organisation.</summary>
    public virtual void Clear() => _entries.Clear();

    /// <summary>The client's organisation's appointment types (active and inactive), from the cache while fresh.</summary>
    /// <param name="client">The client whose organisation is meant.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The types and whether they came from the cache.</returns>
    public virtual async Task<AppointmentTypeLookup> GetAsync(NexGenClient client, CancellationToken cancellationToken = default)
    {
        var (types, fetched) = await GetAsync(Guard.NotNull(client, nameof(client)), refresh: false, cancellationToken).ConfigureAwait(false);
        return new AppointmentTypeLookup(types.ToList(), fromCache: !fetched);
    }

    /// <summary>
    /// The organisation's types, from the cache while fresh. <paramref name="refresh"/> drops the cached
    /// list first. <c>Fetched</c> says whether this call made the request.
    /// </summary>
    internal ValueTask<(IList<AppointmentType> Types, bool Fetched)> GetAsync(NexGenClient client, bool refresh, CancellationToken cancellationToken)
    {
        // A warm, fresh entry is answered at once: every booking asks, almost always for this.
        if (!refresh
            && _entries.TryGetValue(client.TypeCacheKey, out var cached)
            && cached.Work is { Status: TaskStatus.RanToCompletion } done
            && !IsExpired(done.Result))
        {
            return new ValueTask<(IList<AppointmentType>, bool)>((done.Result.Types, false));
        }

        return new ValueTask<(IList<AppointmentType>, bool)>(GetOrFetchAsync(client, refresh, cancellationToken));
    }

    private async Task<(IList<AppointmentType> Types, bool Fetched)> GetOrFetchAsync(NexGenClient client, bool refresh, CancellationToken cancellationToken)
    {
        var key = client.TypeCacheKey;
        if (refresh)
        {
            _entries.TryRemove(key, out _);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SharedWork<Entry>? mine = null;
            var fetch = _entries.GetOrAdd(key, _ => mine = new SharedWork<Entry>(ct => ListTypesAsync(client, ct)));
            if (!fetch.TryJoin())
            {
                // Every caller waiting on it gave up, so it was cancelled: start a new one.
                _entries.RemoveIfSame(key, fetch);
                continue;
            }

            Entry entry;
            try
            {
                entry = await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch when (fetch.Work!.IsFaulted || fetch.Work.IsCanceled)
            {
                // A failed fetch must not poison the cache for the next caller. (A caller who stopped
                // waiting leaves the fetch running, and cached, for the others.)
                _entries.RemoveIfSame(key, fetch);
                throw;
            }

            if (IsExpired(entry))
            {
                _entries.RemoveIfSame(key, fetch);
                continue;
            }

            return (entry.Types, ReferenceEquals(fetch, mine));
        }
    }

    private bool IsExpired(Entry entry) => entry.FetchedAt + TimeToLive <= _timeProvider.GetUtcNow();

    private async Task<Entry> ListTypesAsync(NexGenClient client, CancellationToken cancellationToken)
    {
        // Every type, active or not, so an inactive code can be refused by name rather than "not found".
        var list = await client.AppointmentTypes.ListAsync(isActive: null, cancellationToken).ConfigureAwait(false);
        return new Entry(list.Items ?? new List<AppointmentType>(), _timeProvider.GetUtcNow());
    }

    private sealed class Entry(IList<AppointmentType> types, DateTimeOffset fetchedAt)
    {
        public IList<AppointmentType> Types { get; } = types;

        public DateTimeOffset FetchedAt { get; } = fetchedAt;
    }
}
