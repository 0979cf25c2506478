using System.Globalization;
using Dentally.NexGen.ContractCheck.Contract;
using NJsonSchema;

namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// What a value may be — its bounds (lengths, ranges, item counts), its pattern and its default — and the
/// numeric <c>x-</c> members of operations and parameters (getAvailability's <c>x-maximum-window-days</c>, the
/// Idempotency-Key header's <c>x-replay-window-hours</c>, or one the SDK's contract does not have), compared with
/// a newer contract's and classed for the side the value travels:
/// <list type="bullet">
/// <item>a value the SDK sends (a parameter, a request member): a tighter bound or a new or changed pattern is
/// breaking, as the SDK lets through what the API would refuse, or counts on what it no longer grants; a looser
/// one is info. A changed default is breaking: a request that leaves the value out now gets another.</item>
/// <item>a value the SDK reads (a response member): a pattern widened or dropped is breaking where the SDK parses
/// the value (a format it reads into a type of its own, <see cref="SdkTypedFormats"/>: practice-local times are
/// read by their pattern), as the server may send what that read refuses; on a string the SDK keeps as text
/// (<c>HH:mm</c> opening times, country codes, phone numbers, colours) it is info. A pattern added, and any bound,
/// is info: the SDK does not check a response's bounds.</item>
/// </list>
/// </summary>
internal static class ValueBounds
{
    private const string Extension = "x-";
    private const string MinimumExtension = "x-minimum-";
    private const int MaxQuotedLength = 60;

    /// <summary>Compares the bounds, pattern and (for a sent value) default of two schemas of a value.</summary>
    public static void Compare(JsonSchema sdk, JsonSchema newer, SchemaSide side, Action<DifferenceClass, string, string, string> report)
    {
        void Bound(string keyword, decimal? mine, decimal? theirs, bool isMaximum)
            => ValueBounds.Bound(keyword, mine, theirs, isMaximum, side, report);

        Bound("maxLength", sdk.MaxLength, newer.MaxLength, isMaximum: true);
        // minLength 0 allows every string, exactly as no minLength does.
        Bound("minLength", sdk.MinLength is 0 ? null : sdk.MinLength, newer.MinLength is 0 ? null : newer.MinLength, isMaximum: false);
        Bound("maximum", sdk.Maximum, newer.Maximum, isMaximum: true);
        Bound("minimum", sdk.Minimum, newer.Minimum, isMaximum: false);
        Bound("maxItems", sdk.MaxItems is 0 ? null : sdk.MaxItems, newer.MaxItems is 0 ? null : newer.MaxItems, isMaximum: true);
        Bound("minItems", sdk.MinItems is 0 ? null : sdk.MinItems, newer.MinItems is 0 ? null : newer.MinItems, isMaximum: false);
        Pattern(sdk.Pattern, newer.Pattern, side, SdkTypedFormats.Contains(sdk.Format), report);
        if (side == SchemaSide.Request)
        {
            Default(sdk.Default, newer.Default, report);
        }
    }

    /// <summary>
    /// Compares the numeric <c>x-</c> members of an operation or a parameter, in either contract. An
    /// <c>x-minimum-…</c> is a minimum; any other (<c>x-maximum-window-days</c>, <c>x-replay-window-hours</c>, a
    /// new <c>x-rate-limit-per-minute</c>) is a limit the API grants, tighter when lower, and tighter when new.
    /// </summary>
    public static void CompareExtensions(IDictionary<string, object?>? sdk, IDictionary<string, object?>? newer, Action<string, DifferenceClass, string, string, string> report)
    {
        var names = Numbers(sdk).Keys.Union(Numbers(newer).Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var isMaximum = !name.StartsWith(MinimumExtension, StringComparison.Ordinal);
            Bound(name, Number(sdk, name), Number(newer, name), isMaximum, SchemaSide.Request, (@class, kind, expected, actual) => report(name, @class, kind, expected, actual));
        }
    }

    /// <summary>
    /// A bound newly set, or moved inwards (a maximum lower, a minimum higher), is tighter; one dropped or
    /// moved outwards is looser.
    /// </summary>
    private static void Bound(string keyword, decimal? sdk, decimal? newer, bool isMaximum, SchemaSide side, Action<DifferenceClass, string, string, string> report)
    {
        if (sdk == newer)
        {
            return;
        }

        var tighter = newer is not null && (sdk is null || (isMaximum ? newer < sdk : newer > sdk));
        var breaks = tighter && side == SchemaSide.Request;
        report(breaks ? DifferenceClass.Breaking : DifferenceClass.Info, tighter ? "bound-tightened" : "bound-loosened", Describe(keyword, sdk), Describe(keyword, newer));
    }

    private static void Pattern(string? sdk, string? newer, SchemaSide side, bool parsedBySdk, Action<DifferenceClass, string, string, string> report)
    {
        (sdk, newer) = (string.IsNullOrEmpty(sdk) ? null : sdk, string.IsNullOrEmpty(newer) ? null : newer);
        if (string.Equals(sdk, newer, StringComparison.Ordinal))
        {
            return;
        }

        // Sent: a pattern the API now checks may refuse the SDK's values. Read: values the old pattern ruled out may
        // now come, which only a value the SDK parses fails on; text is passed on as sent.
        var breaks = side == SchemaSide.Request ? newer is not null : sdk is not null && parsedBySdk;
        report(breaks ? DifferenceClass.Breaking : DifferenceClass.Info, "pattern-changed", Describe("pattern", sdk), Describe("pattern", newer));
    }

    private static void Default(object? sdk, object? newer, Action<DifferenceClass, string, string, string> report)
    {
        var (mine, theirs) = (Text(sdk), Text(newer));
        if (!string.Equals(mine, theirs, StringComparison.Ordinal))
        {
            report(DifferenceClass.Breaking, "default-changed", Describe("default", mine), Describe("default", theirs));
        }
    }

    private static string Describe(string keyword, decimal? value)
        => Describe(keyword, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>The contract's own value (a bound, a pattern, a default), quoted unless it is long.</summary>
    private static string Describe(string keyword, string? value)
        => value is null ? "no " + keyword : value.Length <= MaxQuotedLength ? keyword + " " + value : "another " + keyword;

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    private static Dictionary<string, decimal> Numbers(IDictionary<string, object?>? extensions)
    {
        var numbers = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            if (name.StartsWith(Extension, StringComparison.Ordinal) && Number(value) is { } number)
            {
                numbers[name] = number;
            }
        }

        return numbers;
    }

    private static decimal? Number(IDictionary<string, object?>? extensions, string name)
        => extensions is not null && extensions.TryGetValue(name, out var value) ? Number(value) : null;

    // A YAML scalar arrives as the text it was written as ("31") or as a number, depending on the reader.
    private static decimal? Number(object? value)
        => decimal.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
