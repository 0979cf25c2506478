namespace Dentally.NexGen.Client;

/// <summary>
/// Tells, page by page, whether a walk has reached the last page of a list. The envelope's <c>page_size</c>
/// says how many items a page holds, and a server may hold fewer than the client asked for (a cap of its
/// own below the contract's 100): only a page shorter than what the server holds a page ends the list
/// before its <c>total</c>. Asking for 100 and getting 25 of 32 is the first page, not the whole list, also
/// from a server whose envelope echoes the 100 asked for: a first page short of both its <c>page_size</c>
/// and its <c>total</c> (a consistent server fills it up to one or the other) shows the server's real page
/// size, and later pages are held to that. A total that counts more than the server holds then costs one
/// more request, answered with an empty page. A total the first page's own items contradict (fewer than
/// them, or negative: a server that never fills it in) is not trusted for the rest of the walk: only a
/// short page ends it. A walk handed to the caller refuses such a total first (<see cref="WrongTotal"/>);
/// a bounded look of the SDK's own (<see cref="EarlierRun"/>) reads on.
/// </summary>
internal sealed class PageEnd(int requestedPageSize)
{
    private int _seen;
    private int _cap = int.MaxValue;
    private bool _totalContradicted;

    /// <summary>Records a page and says whether it is the last.</summary>
    /// <param name="page">The page number, from 1.</param>
    /// <param name="count">The items on this page.</param>
    /// <param name="total">The envelope's <c>total</c>.</param>
    /// <param name="reportedPageSize">The envelope's <c>page_size</c>; taken only when it is smaller than the size asked for and at least 1.</param>
    public bool IsLast(int page, int count, int total, int reportedPageSize)
    {
        _seen += count;
        var stated = reportedPageSize >= 1 && reportedPageSize < requestedPageSize ? reportedPageSize : requestedPageSize;
        if (page == 1 && count > 0 && count < stated && count < total)
        {
            _cap = count;
        }

        _totalContradicted |= WrongTotal.Contradicts(page, count, total);
        return (!_totalContradicted && _seen >= total) || count < Math.Min(stated, _cap);
    }
}
