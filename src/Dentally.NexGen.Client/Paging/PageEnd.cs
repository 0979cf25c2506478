namespace Dentally.NexGen.Client;

/// <summary>
/// Whether a page is the last of a list. The envelope's <c>page_size</c> says how many items a page
/// holds, and a server may hold fewer than the client asked for (a cap of its own below the contract's
/// 100): only a page shorter than what the server says it holds ends the list before its
/// <c>total</c>. Asking for 100 and getting 25 of 32 is the first page, not the whole list.
/// </summary>
internal static class PageEnd
{
    /// <param name="count">The items on this page.</param>
    /// <param name="seen">The items on this page and every one before it.</param>
    /// <param name="total">The envelope's <c>total</c>.</param>
    /// <param name="reportedPageSize">The envelope's <c>page_size</c>; taken only when it is smaller than <paramref name="requestedPageSize"/> and at least 1.</param>
    /// <param name="requestedPageSize">The <c>page_size</c> the request asked for.</param>
    public static bool IsLast(int count, int seen, int total, int reportedPageSize, int requestedPageSize)
    {
        var holds = reportedPageSize >= 1 && reportedPageSize < requestedPageSize ? reportedPageSize : requestedPageSize;
        return seen >= total || count < holds;
    }
}
