using System.Globalization;
using Dentally.NexGen.ContractCheck.Validation;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// Whether a list still pages by <c>page</c>: page 2 of a list whose first answer showed more than one page's worth.
/// A server that ignores <c>page</c> answers page 1 every time, which the SDK refuses in production while walking a
/// list (<c>wrong-page</c>: at <c>$.page</c> when the envelope says another page, at <c>$.items</c> when a page of
/// several items holds the page before again). A GET.
/// </summary>
internal static class PagingProbe
{
    public static async Task RunAsync(CheckSession session, ProbeAnswer first, CancellationToken cancellationToken)
    {
        var seen = first.IsSuccess ? first.Items : [];
        if (seen.Count < 2)
        {
            return;
        }

        // Two items a page when there are items for page 2 to hold beyond them, so a repeat is of several items (as the
        // SDK refuses it; one item again is what offset paging does when a record is added before it).
        var size = seen.Count >= 3 ? 2 : 1;
        var operation = first.Operation;
        var answer = await session.SendAsync(
            session.Request(operation.Id) with { Query = [new("page", "2"), new("page_size", size.ToString(CultureInfo.InvariantCulture))], Note = "page 2" },
            cancellationToken).ConfigureAwait(false);
        session.ExpectAccepted(answer);
        if (!answer.IsSuccess)
        {
            return;
        }

        if ((answer.Body as JObject)?["page"] is JValue { Type: JTokenType.Integer } page && page.Value<long>() != 2)
        {
            session.Report(operation.Id, "$.page", DifferenceClass.Breaking, DifferenceKinds.WrongPage, "page 2, the page asked for", $"page {page.Value<long>().ToString(CultureInfo.InvariantCulture)}: the server ignores page", answer.RequestId);
        }
        else if (size > 1 && answer.Items.Count == size && answer.Items.Select(Uuid).SequenceEqual(seen.Take(size).Select(Uuid)) && answer.Items.All(i => Uuid(i) is not null))
        {
            session.Report(operation.Id, "$.items", DifferenceClass.Breaking, DifferenceKinds.WrongPage, "the items of page 2", "the items of page 1 again: the server ignores page", answer.RequestId);
        }
    }

    private static string? Uuid(JObject item) => JsonText.Of(item, "uuid");
}
