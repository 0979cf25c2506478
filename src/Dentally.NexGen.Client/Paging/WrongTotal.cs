namespace Dentally.NexGen.Client;

/// <summary>
/// Refuses a page whose envelope <c>total</c> cannot be the size of the list: negative, or on the first page
/// fewer than the items that page holds (a server that never fills in <c>total</c> and sends 0, or counts
/// the page rather than the list). The walk stops at <c>total</c>, so it would end after the first page
/// and hand back a list that looks complete and is not. Only the first page is held to its items: its
/// offset is 0 whatever the server's page size, and later pages may legitimately hold more than the total
/// left (a record added between two requests repeats an item). A first page shorter than the page size asked
/// for is the whole list whatever its total says: its items are returned, not refused.
/// </summary>
internal static class WrongTotal
{
    /// <summary>The <see cref="NexGenContractViolationException.Kind"/> of a total the page's own items contradict.</summary>
    public const string Kind = "wrong-total";

    /// <summary>
    /// Throws when <paramref name="total"/> is negative, or on a full page 1 less than <paramref name="count"/>,
    /// the page's items (of <paramref name="pageSize"/> asked for).
    /// </summary>
    public static void Check(string operation, int page, int count, int total, int pageSize)
    {
        if (page == 1 && count < pageSize && total >= 0)
        {
            return;
        }

        if (Contradicts(page, count, total))
        {
            throw PageViolation.Of(operation, "$.total", Kind);
        }
    }

    /// <summary>Whether <paramref name="total"/> cannot be the list's size: negative, or on page 1 less than <paramref name="count"/>, the page's items.</summary>
    public static bool Contradicts(int page, int count, int total) => total < 0 || (page == 1 && count > total);
}
