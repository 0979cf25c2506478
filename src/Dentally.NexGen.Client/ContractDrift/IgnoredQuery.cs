using System.Globalization;
using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// Checks a patient search's answer against its query. A server that no longer takes <c>query</c> (renamed in a
/// redesign of the Patients surface, or ignored) answers every patient, and a caller would take them for matches:
/// a booking workflow narrowing by date of birth, or left with one patient, would book for someone else. The
/// contract matches "first name, last name, or a partial match across both", so every match holds a word of the
/// query in its name (<see cref="PatientQueryWords"/>). A page holding a patient that holds none is breaking drift;
/// a page of which no patient holds one answers another question than the search's, and is a contract violation
/// naming the operation and the item, never the name or the query. A page that mixes the two is still read: a
/// server may match more than the contract says (a former surname), and the booking workflow books only a
/// patient whose name holds every word of its query.
/// </summary>
/// <remarks>Its <see cref="Kind"/> and <see cref="Path"/> (the <see cref="NexGenContractViolationException.Kind"/> and the drift's path) are in IgnoredQuery.Names.cs.</remarks>
internal static partial class IgnoredQuery
{
    private const string Operation = "searchPatients";
    private const string QueryParameter = "query=";

    /// <summary>Reports a page of <paramref name="body"/>, the answer to a search with a query, that holds a patient the query cannot match; throws when none of its patients can.</summary>
    public static void Check(object? body, HttpResponseMessage response, string operation, ContractDriftReporter? reporter, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        if (body is not PatientPage { Items: { Count: > 0 } items } || operation != Operation || QueryOf(response.RequestMessage?.RequestUri) is not { Length: > 0 } words)
        {
            return;
        }

        var unmatched = -1;
        var matched = false;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } patient)
            {
                continue;
            }

            if (PatientQueryWords.Runtime.HoldsAny(patient, words) != NameMatch.No)
            {
                matched = true;
            }
            else if (unmatched < 0)
            {
                unmatched = i;
            }
        }

        if (unmatched < 0)
        {
            return;
        }

        reporter?.Report(response.RequestMessage, operation, new ContractDriftFinding(Kind, Path), ContractDriftKinds.Breaking);
        if (!matched)
        {
            var path = "$.items[" + unmatched.ToString(CultureInfo.InvariantCulture) + "]";
            throw new NexGenContractViolationException(ApiErrorResponse.FromGenerated((int)response.StatusCode, headers), operation, path, Kind);
        }
    }

    /// <summary>The words of the request's <c>query</c> parameter, or <see langword="null"/> when it sent none.</summary>
    private static string[]? QueryOf(Uri? uri)
    {
        // Found in place in the address as the request was made (escaped), rather than split into pairs: every
        // search with a query reads it.
        var query = uri?.OriginalString;
        var at = query?.IndexOf(QueryParameter, StringComparison.Ordinal) ?? -1;
        while (at > 0 && query![at - 1] is not ('?' or '&'))
        {
            at = query.IndexOf(QueryParameter, at + 1, StringComparison.Ordinal);
        }

        if (at < 0)
        {
            return null;
        }

        var start = at + QueryParameter.Length;
        var end = query!.IndexOf('&', start);
        return PatientQueryWords.Of(Uri.UnescapeDataString(query.Substring(start, (end < 0 ? query.Length : end) - start).Replace('+', ' ')));
    }
}
