namespace Dentally.NexGen.Client;

/// <summary>
/// Refuses a page that holds the page before it again: a server that ignores <c>page</c> but echoes it in
/// the envelope (<see cref="WrongPage"/> cannot tell) answers page 1 every time, and the walk would go on
/// until its <c>total</c>, yielding the same items. Offset paging repeats the last item of a page when a
/// record is added before it between two requests, so a whole page of several items comes again only
/// if exactly that many were added in between; a page of one item is refused when it comes a third time
/// in a row. Compared by uuid, in order; the page before is held, so no copy is made.
/// </summary>
internal sealed class RepeatedPage<TItem>(Func<TItem, Guid> identity)
{
    private ICollection<TItem>? _previous;
    private int _repeats;

    /// <summary>Throws when <paramref name="items"/> holds the page before again (see the remarks), else remembers it.</summary>
    public void Check(string operation, ICollection<TItem> items)
    {
        _repeats = IsRepeat(items) ? _repeats + 1 : 0;
        if (_repeats > 1 || (_repeats == 1 && items.Count > 1))
        {
            throw PageViolation.Of(operation, "$.items", WrongPage.Kind);
        }

        _previous = items;
    }

    private bool IsRepeat(ICollection<TItem> items)
    {
        if (_previous is not { } previous || previous.Count != items.Count || items.Count == 0)
        {
            return false;
        }

        using var before = previous.GetEnumerator();
        foreach (var item in items)
        {
            before.MoveNext();
            if (item is null || before.Current is null || identity(item) != identity(before.Current))
            {
                return false;
            }
        }

        return true;
    }
}
