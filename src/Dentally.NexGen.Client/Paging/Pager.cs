using System.Runtime.CompilerServices;

namespace Dentally.NexGen.Client;

/// <summary>
/// Walks a paged list lazily, one request per page, stopping at <c>total</c> or a short page (<see cref="PageEnd"/>),
/// refusing an answer for another page than asked (<see cref="WrongPage"/>), the page before again
/// (<see cref="RepeatedPage{TItem}"/>) or with a total its own items
/// contradict (<see cref="WrongTotal"/>), and ending at the next item once the caller cancels.
/// </summary>
internal static class Pager
{
    /// <param name="operation">The contract's operationId, named by a <see cref="NexGenContractViolationException"/>.</param>
    /// <param name="fetchPage">Requests one page.</param>
    /// <param name="shape">Reads a page's envelope.</param>
    /// <param name="identity">An item's uuid, to tell a page met again.</param>
    /// <param name="pageSize">The <c>page_size</c> each request asks for.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static async IAsyncEnumerable<TItem> WalkAsync<TPage, TItem>(
        string operation,
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, PageShape<TItem>> shape,
        Func<TItem, Guid> identity,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var end = new PageEnd(pageSize);
        var repeated = new RepeatedPage<TItem>(identity);
        for (var page = 1; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = shape(await fetchPage(page, cancellationToken).ConfigureAwait(false));
            var pageItems = current.Items ?? [];
            // Checked before any item is yielded, so a server ignoring `page` hands the caller no repeated page.
            WrongPage.Check(operation, page, current.Page);
            WrongTotal.Check(operation, page, pageItems.Count, current.Total, pageSize);
            repeated.Check(operation, pageItems);
            foreach (var item in pageItems)
            {
                // A caller cancelling while it handles an item (its own request aborted) gets no more of the page.
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            // Stop at the reported total, and on a page shorter than the server's page size even if the
            // total said more: a page past the end is requested only when the first page was short of both.
            if (end.IsLast(page, pageItems.Count, current.Total, current.PageSize))
            {
                yield break;
            }
        }
    }
}
