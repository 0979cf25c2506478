namespace Dentally.NexGen.Client;

/// <summary>
/// Refuses an answer whose envelope <c>page</c> is not the page the walk asked for. A server that ignores
/// <c>page</c> answers page 1 every time, and the walk would go on until its <c>total</c>: with
/// <c>page_size</c> 1 and a total of a million, a million requests yielding the same items. Ending the walk
/// quietly would hand back a list that looks complete and is not, so this is a contract violation naming
/// the operation. Items met on two pages are not checked: offset paging legitimately repeats an item when a
/// record is added between two requests, and a caller matching by uuid counts it once.
/// </summary>
internal static class WrongPage
{
    /// <summary>The <see cref="NexGenContractViolationException.Kind"/> of an answer for another page than asked.</summary>
    public const string Kind = "wrong-page";

    /// <summary>Throws when <paramref name="answered"/>, the envelope's <c>page</c>, is not <paramref name="asked"/>.</summary>
    public static void Check(string operation, int asked, int answered)
    {
        if (answered != asked)
        {
            throw PageViolation.Of(operation, "$.page", Kind);
        }
    }
}
