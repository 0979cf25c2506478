using System.Runtime.CompilerServices;

namespace Dentally.NexGen.Client;

/// <summary>Walks a paged list lazily, one request per page, stopping at <c>total</c>.</summary>
internal static class Pager
{
    public static async IAsyncEnumerable<TItem> WalkAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, ICollection<TItem>> items,
        Func<TPage, int> total,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = 0;
        for (var page = 1; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = await fetchPage(page, cancellationToken).ConfigureAwait(false);
            var pageItems = items(current) ?? [];
            foreach (var item in pageItems)
            {
                yield return item;
            }

            seen += pageItems.Count;
            // Stop at the reported total, and on a short or empty page even if the total said more:
            // a page past the end is never requested.
            if (seen >= total(current) || pageItems.Count < pageSize)
            {
                yield break;
            }
        }
    }
}
