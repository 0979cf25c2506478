using System.Globalization;
using System.Text;

namespace Dentally.NexGen.Client;

/// <summary>
/// The words of a patient search's query, and whether a patient's name holds them. The contract matches
/// "first name, last name, or a partial match across both": a word of the query is part of the name, case,
/// punctuation and accents aside (<c>obrien</c> in O'Brien, <c>janesm</c> in the two names run together,
/// <c>jose</c> in José). Words are runs of letters, digits and combining marks, so no culture data is needed
/// to find them. Accents are set aside only where the runtime has culture data: in globalization-invariant
/// mode (Alpine and chiseled container images) a word missed where only accents could tell is
/// <see cref="NameMatch.Unsure"/>, never <see cref="NameMatch.No"/>, so no conforming answer is refused and
/// no patient is taken for someone else on its account.
/// </summary>
internal sealed class PatientQueryWords
{
    private const CompareOptions AccentsAndCaseAside = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType;
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    private readonly bool _canSetAccentsAside;

    /// <param name="canSetAccentsAside">Whether the runtime has culture data (a test passes <see langword="false"/> for the invariant mode).</param>
    internal PatientQueryWords(bool canSetAccentsAside) => _canSetAccentsAside = canSetAccentsAside;

    /// <summary>This runtime's: without culture data CompareInfo compares ordinally whatever the options say.</summary>
    public static PatientQueryWords Runtime { get; } = new(Compare.IndexOf("\u00e9", "e", CompareOptions.IgnoreNonSpace) == 0);

    /// <summary>The query's words, folded (lower case, letters, digits and marks only).</summary>
    public static string[] Of(string query)
    {
        var words = new List<string>(2);
        var start = -1;
        for (var i = 0; i <= query.Length; i++)
        {
            var inWord = i < query.Length && IsWordCharacter(query[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(query.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }
        }

        return words.ToArray();
    }

    /// <summary>Whether the name holds at least one of <paramref name="words"/>.</summary>
    public NameMatch HoldsAny(Patient patient, string[] words) => Holds(patient, words, every: false);

    /// <summary>Whether the name holds every one of <paramref name="words"/>.</summary>
    public NameMatch HoldsAll(Patient patient, string[] words) => Holds(patient, words, every: true);

    /// <summary>Whether the patient's first and last names are <paramref name="firstName"/> and <paramref name="lastName"/>, case, punctuation and spacing aside.</summary>
    public NameMatch IsNamed(Patient patient, string firstName, string lastName)
    {
        var name = new FoldedName(patient, _canSetAccentsAside);
        return Least(Same(name.First, Fold(firstName)), Same(name.Last, Fold(lastName)));
    }

    private static NameMatch Least(NameMatch first, NameMatch second)
        => first == NameMatch.No || second == NameMatch.No ? NameMatch.No
            : first == NameMatch.Unsure || second == NameMatch.Unsure ? NameMatch.Unsure
            : NameMatch.Yes;

    private NameMatch Same(string a, string b)
        => string.Equals(a, b, StringComparison.Ordinal) ? NameMatch.Yes
            : _canSetAccentsAside ? (Compare.Compare(a, b, AccentsAndCaseAside) == 0 ? NameMatch.Yes : NameMatch.No)
            : OnlyAccentsCouldTell(a, b);

    /// <summary>
    /// The first sure answer ("no" for every word, "yes" for any), else <see cref="NameMatch.Unsure"/> if a word
    /// was, else the other sure answer. Most names hold a word as it is, case aside: the name is folded only
    /// when one does not.
    /// </summary>
    private NameMatch Holds(Patient patient, string[] words, bool every)
    {
        var decisive = every ? NameMatch.No : NameMatch.Yes;
        var result = every ? NameMatch.Yes : NameMatch.No;
        FoldedName? name = null;
        foreach (var word in words)
        {
            var held = HoldsAsItIs(patient, word) ? NameMatch.Yes : (name ??= new FoldedName(patient, _canSetAccentsAside)).Holds(word);
            if (held == decisive)
            {
                return decisive;
            }

            if (held == NameMatch.Unsure)
            {
                result = NameMatch.Unsure;
            }
        }

        return result;
    }

    private static bool HoldsAsItIs(Patient patient, string word)
        => (patient.FirstName?.IndexOf(word, StringComparison.OrdinalIgnoreCase) ?? -1) >= 0
            || (patient.LastName?.IndexOf(word, StringComparison.OrdinalIgnoreCase) ?? -1) >= 0;

    /// <summary>Without culture data, a difference is sure only where both sides are ASCII.</summary>
    private static NameMatch OnlyAccentsCouldTell(string a, string b)
        => IsAscii(a) && IsAscii(b) ? NameMatch.No : NameMatch.Unsure;

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007f')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordCharacter(char c)
        => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static string Fold(string? text)
    {
        var folded = new StringBuilder(text?.Length ?? 0);
        foreach (var c in text ?? string.Empty)
        {
            if (IsWordCharacter(c))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    /// <summary>A patient's names folded as the query's words are, once per patient.</summary>
    private sealed class FoldedName(Patient patient, bool canSetAccentsAside)
    {
        public string First { get; } = Fold(patient.FirstName);

        public string Last { get; } = Fold(patient.LastName);

        // Built on the first word looked for, once: IsNamed needs only the two names.
        private string Joined => field ??= First + Last;

        public NameMatch Holds(string word)
            => Joined.Contains(word) ? NameMatch.Yes
                : canSetAccentsAside ? (Compare.IndexOf(Joined, word, AccentsAndCaseAside) >= 0 ? NameMatch.Yes : NameMatch.No)
                : OnlyAccentsCouldTell(Joined, word);
    }
}
