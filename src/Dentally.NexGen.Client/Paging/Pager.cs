using System.Runtime.CompilerServices;

namespace Dentally.NexGen.Client;

/// <summary>Walks a paged list lazily, one request per page, stopping at <c>total</c> or a short page (<see cref="PageEnd"/>).</summary>
internal static class Pager
{
    public static async IAsyncEnumerable<TItem> WalkAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, ICollection<TItem>> items,
        Func<TPage, int> total,
        Func<TPage, int> reportedPageSize,
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
            // Stop at the reported total, and on a page shorter than the server's page size even if the
            // total said more: a page past the end is never requested.
            if (PageEnd.IsLast(pageItems.Count, seen, total(current), reportedPageSize(current), pageSize))
            {
                yield break;
            }
        }
    }
}
