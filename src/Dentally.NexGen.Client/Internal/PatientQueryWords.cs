using System.Globalization;

namespace Dentally.NexGen.Client;

/// <summary>
/// The words of a patient search's query, and whether a patient's name holds them. The contract matches
/// "first name, last name, or a partial match across both": a word of the query is part of the name, case,
/// accents and punctuation aside (<c>obrien</c> in O'Brien), or of the two names run together (<c>janesm</c>).
/// Accents and punctuation are set aside where the runtime has culture data; in globalization-invariant mode
/// only case is, and a match is then stricter, never looser.
/// </summary>
internal static class PatientQueryWords
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreSymbols | CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType;
    private static readonly char[] Separators = [' ', '\t', ',', ';'];
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    public static string[] Of(string query) => query.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    // Loops, not Array.Exists: a search reads every patient of its page through these, and a lambda over the
    // patient would allocate per patient.

    /// <summary>Whether the name holds at least one of <paramref name="words"/>.</summary>
    public static bool HoldsAny(Patient patient, string[] words)
    {
        foreach (var word in words)
        {
            if (Holds(patient, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the name holds every one of <paramref name="words"/>.</summary>
    public static bool HoldsAll(Patient patient, string[] words)
    {
        foreach (var word in words)
        {
            if (!Holds(patient, word))
            {
                return false;
            }
        }

        return true;
    }

    // Most matches hold the word as it is, case aside: found without culture data or a string built.
    private static bool Holds(Patient patient, string word)
        => (patient.FirstName?.IndexOf(word, StringComparison.OrdinalIgnoreCase) ?? -1) >= 0
            || (patient.LastName?.IndexOf(word, StringComparison.OrdinalIgnoreCase) ?? -1) >= 0
            || Compare.IndexOf(patient.FirstName + " " + patient.LastName, word, Loose) >= 0
            || Compare.IndexOf(patient.FirstName + patient.LastName, word, Loose) >= 0;
}
