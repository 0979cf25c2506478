namespace Dentally.NexGen.Client;

/// <summary>
/// Narrows a patient search to the patients whose full name is the query. The contract leaves how a
/// server matches "first name, last name, or a partial match across both" to the server: one may answer
/// "Jane Smith" with Jane Smith alone, another with every patient matching either word, best first (Jonathan
/// Smith too), and both conform. A query that is exactly one patient's full name names that patient, on
/// either server; a query that names nobody in full (<c>Smith</c>) leaves every match standing.
/// </summary>
internal static class FullNameMatch
{
    /// <summary>The matches whose "first last" is <paramref name="query"/> (case and spacing aside), when some but not all are; else all of them.</summary>
    public static List<Patient> Narrow(List<Patient> matches, string? query)
    {
        if (matches.Count < 2 || query is null)
        {
            return matches;
        }

        var wanted = Words(query);
        var named = matches.FindAll(m => string.Equals(Words(m.FirstName + " " + m.LastName), wanted, StringComparison.OrdinalIgnoreCase));
        return named.Count > 0 ? named : matches;
    }

    private static string Words(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
