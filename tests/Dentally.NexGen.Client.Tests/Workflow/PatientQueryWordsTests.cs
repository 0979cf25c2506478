namespace Dentally.NexGen.Client.Tests.Workflow;

/// <summary>
/// Whether a patient's name holds a search's words: case, punctuation and the two names run together aside
/// everywhere, accents aside where the runtime has culture data, and never a sure "no" where only accents
/// could tell (globalization-invariant mode, as in Alpine and chiseled container images).
/// </summary>
public sealed class PatientQueryWordsTests
{
    private static readonly PatientQueryWords WithCultureData = new(canSetAccentsAside: true);
    private static readonly PatientQueryWords WithoutCultureData = new(canSetAccentsAside: false);

    [Theory]
    [InlineData("Jane Smith", new[] { "jane", "smith" })]
    [InlineData("  O'Brien,  Pat ", new[] { "o", "brien", "pat" })]
    [InlineData("Smith-Jones", new[] { "smith", "jones" })]
    [InlineData("--", new string[0])]
    public void Words_are_runs_of_letters_and_digits_in_lower_case(string query, string[] words)
        => Assert.Equal(words, PatientQueryWords.Of(query));

    [Theory]
    [InlineData("obrien", "Pat", "O'Brien")]
    [InlineData("janesm", "Jane", "Smith")]
    [InlineData("SMITH", "Jane", "Smith-Jones")]
    public void A_word_held_but_for_case_or_punctuation_is_held_with_or_without_culture_data(string query, string first, string last)
    {
        Assert.Equal(NameMatch.Yes, WithCultureData.HoldsAll(Patient(first, last), PatientQueryWords.Of(query)));
        Assert.Equal(NameMatch.Yes, WithoutCultureData.HoldsAll(Patient(first, last), PatientQueryWords.Of(query)));
    }

    [Fact]
    public void An_accent_is_set_aside_with_culture_data_and_is_unsure_not_a_miss_without()
    {
        var jose = Patient("José", "Smith");

        Assert.Equal(NameMatch.Yes, WithCultureData.HoldsAny(jose, PatientQueryWords.Of("jose")));
        Assert.Equal(NameMatch.Unsure, WithoutCultureData.HoldsAny(jose, PatientQueryWords.Of("jose")));
        Assert.Equal(NameMatch.Unsure, WithoutCultureData.HoldsAll(jose, PatientQueryWords.Of("jose smith")));
        Assert.Equal(NameMatch.Unsure, WithoutCultureData.IsNamed(Patient("Zoë", "Smith"), "Zoe", "Smith"));
        Assert.Equal(NameMatch.Yes, WithCultureData.IsNamed(Patient("Zoë", "Smith"), "Zoe", "Smith"));
    }

    [Fact]
    public void A_name_of_other_ASCII_words_is_surely_not_held_either_way()
    {
        foreach (var words in new[] { WithCultureData, WithoutCultureData })
        {
            Assert.Equal(NameMatch.No, words.HoldsAll(Patient("Jane", "Doe"), PatientQueryWords.Of("Jane Smith")));
            Assert.Equal(NameMatch.No, words.HoldsAny(Patient("Tom", "Brown"), PatientQueryWords.Of("Jane Smith")));
            Assert.Equal(NameMatch.No, words.IsNamed(Patient("Jane", "Smithson"), "Jane", "Smith"));
            Assert.Equal(NameMatch.Yes, words.IsNamed(Patient("jane", "SMITH"), "Jane", "Smith"));
        }
    }

    private static Patient Patient(string first, string last) => new() { FirstName = first, LastName = last };
}
