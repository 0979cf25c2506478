using System.Collections.Concurrent;

namespace Dentally.NexGen.Client;

/// <summary>
/// Values fetched once for every concurrent caller (<see cref="SharedWork{T}"/>), kept while fresh: a
/// caller gets the fresh value, joins the fetch under way, or starts one. A failed or abandoned fetch is
/// never kept, and the value a caller waited for is its answer even if it is no longer fresh when it
/// arrives. What "fresh" means is the owner's: a token's refresh time, a list's age.
/// </summary>
internal sealed class SharedWorkCache<TKey, T>(Func<T, bool> isFresh, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, SharedWork<T>> _entries = new(comparer ?? EqualityComparer<TKey>.Default);

    /// <summary>How many keys have a value or a fetch (for tests).</summary>
    public int Count => _entries.Count;

    public void Clear() => _entries.Clear();

    /// <summary>Forgets the key's value or fetch; callers already waiting on the fetch still get it.</summary>
    public void Remove(TKey key) => _entries.TryRemove(key, out _);

    /// <summary>The key's value, if it has been fetched and is fresh: the path every warm call takes.</summary>
    public bool TryGetFresh(TKey key, out T value)
    {
        if (_entries.TryGetValue(key, out var entry) && IsFresh(entry))
        {
            value = entry.Work!.Result;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// The key's value: the fresh one (unless <paramref name="replace"/> says to replace it), else the fetch
    /// under way, else a new one by <paramref name="fetch"/>. <paramref name="replace"/> is asked of the value
    /// held at the moment it would be swapped out, so a caller that decided on an older value never replaces
    /// the newer one a concurrent caller fetched meanwhile. <c>Fetched</c> says whether this call started the
    /// fetch it waited for. <paramref name="cancellationToken"/> ends this caller's wait only.
    /// </summary>
    public async Task<(T Value, bool Fetched)> GetAsync(TKey key, Func<CancellationToken, Task<T>> fetch, Func<T, bool>? replace, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SharedWork<T>? mine = null;
            var work = _entries.AddOrUpdate(
                key,
                _ => mine = new SharedWork<T>(fetch),
                (_, old) => IsUnderWay(old) || (IsFresh(old) && replace?.Invoke(old.Work!.Result) != true) ? old : mine = new SharedWork<T>(fetch));
            if (!work.TryJoin())
            {
                // Every caller waiting on it gave up, so it was cancelled: start another.
                _entries.RemoveIfSame(key, work);
                continue;
            }

            try
            {
                return (await work.WaitAsync(cancellationToken).ConfigureAwait(false), ReferenceEquals(work, mine));
            }
            catch when (work.Work!.IsFaulted || work.Work.IsCanceled)
            {
                // A failed fetch is not kept: the next caller tries again. (A caller who only stopped
                // waiting leaves the fetch running, and kept, for the others.)
                _entries.RemoveIfSame(key, work);
                throw;
            }
        }
    }

    /// <summary>Drops every fetched value that is no longer fresh, so a key no longer asked for leaves nothing behind.</summary>
    public void DropStale()
    {
        foreach (var entry in _entries)
        {
            if (entry.Value.Work is { IsCompleted: true } && !IsFresh(entry.Value))
            {
                _entries.RemoveIfSame(entry.Key, entry.Value);
            }
        }
    }

    /// <summary>Started and not finished, or made by a concurrent caller who has yet to start it.</summary>
    private static bool IsUnderWay(SharedWork<T> work) => work.Work is not { IsCompleted: true };

    private bool IsFresh(SharedWork<T> work) => work.Work is { Status: TaskStatus.RanToCompletion } done && isFresh(done.Result);
}
