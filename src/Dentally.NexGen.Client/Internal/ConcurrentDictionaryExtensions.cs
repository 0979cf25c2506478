using System.Collections.Concurrent;

namespace Dentally.NexGen.Client;

/// <summary>What the caches need of <see cref="ConcurrentDictionary{TKey, TValue}"/> on every target framework.</summary>
internal static class ConcurrentDictionaryExtensions
{
    /// <summary>
    /// Removes <paramref name="key"/> only while it still maps to <paramref name="value"/>, so an entry
    /// another thread has replaced meanwhile stays (netstandard2.0 has no <c>TryRemove(KeyValuePair)</c>).
    /// </summary>
    public static bool RemoveIfSame<TKey, TValue>(this ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
        => ((ICollection<KeyValuePair<TKey, TValue>>)dictionary).Remove(new KeyValuePair<TKey, TValue>(key, value));
}
