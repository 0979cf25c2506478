using System.Globalization;
using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// Refuses a patient search answered with patients the query cannot have matched: a server that no longer
/// takes <c>query</c> (renamed in a redesign of the Patients surface, or ignored) answers every patient, and the
/// caller would take them for matches — a booking workflow narrowing by date of birth, or left with one patient,
/// would book for someone else. The contract matches "first name, last name, or a partial match across both",
/// so every match holds a word of the query in its name, case and accents aside; a patient whose name holds none
/// is a contract violation naming the operation and the item, never the name or the query.
/// </summary>
internal static class IgnoredQuery
{
    /// <summary>The <see cref="NexGenContractViolationException.Kind"/> and drift kind, as <c>nexgen check</c> names it.</summary>
    public const string Kind = "query-ignored";

    /// <summary>Where the drift is reported: the parameter, as <c>nexgen diff</c> names it.</summary>
    public const string Path = "parameter query query";

    private const string Operation = "searchPatients";
    private const string QueryParameter = "query=";
    private static readonly char[] Separators = [' ', '\t', ',', ';'];
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    /// <summary>Throws when <paramref name="body"/>, the answer to a search with a query, holds a patient the query cannot match.</summary>
    public static void Check(object? body, HttpResponseMessage response, string operation, ContractDriftReporter? reporter, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        if (body is not PatientPage { Items: { Count: > 0 } items } || operation != Operation || QueryOf(response.RequestMessage?.RequestUri) is not { Length: > 0 } words)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } patient && !Matches(patient, words))
            {
                reporter?.Report(operation, new ContractDriftFinding(Kind, Path), ContractDriftKinds.Breaking);
                var path = "$.items[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                throw new NexGenContractViolationException(ApiErrorResponse.FromGenerated((int)response.StatusCode, headers), operation, path, Kind);
            }
        }
    }

    /// <summary>Whether a word of the query is in the patient's name ("first last", or the two run together), case and accents aside.</summary>
    private static bool Matches(Patient patient, string[] words)
    {
        var name = patient.FirstName + " " + patient.LastName;
        var joined = patient.FirstName + patient.LastName;
        const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType;
        return Array.Exists(words, word => Compare.IndexOf(name, word, Loose) >= 0 || Compare.IndexOf(joined, word, Loose) >= 0);
    }

    /// <summary>The words of the request's <c>query</c> parameter, or <see langword="null"/> when it sent none.</summary>
    private static string[]? QueryOf(Uri? uri)
    {
        var query = uri?.Query;
        if (string.IsNullOrEmpty(query))
        {
            return null;
        }

        foreach (var pair in query!.TrimStart('?').Split('&'))
        {
            if (pair.StartsWith(QueryParameter, StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair.Substring(QueryParameter.Length).Replace('+', ' ')).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return null;
    }
}
