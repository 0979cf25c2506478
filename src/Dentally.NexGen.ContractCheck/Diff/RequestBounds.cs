using System.Globalization;
using NJsonSchema;

namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// The bounds the SDK checks before it sends or relies on (built from its contract: lengths and ranges of
/// parameters and request members, and the numeric <c>x-</c> members of operations and parameters such as
/// getAvailability's <c>x-maximum-window-days</c> and the Idempotency-Key header's <c>x-replay-window-hours</c>),
/// compared with a newer contract's. A tighter bound is breaking: the SDK lets through what the API would
/// refuse, or counts on what the API no longer grants. A looser one is info: the SDK refuses what the API would take.
/// </summary>
internal static class RequestBounds
{
    private const string Extension = "x-";
    private const string MinimumExtension = "x-minimum-";

    /// <summary>Compares the length and range bounds of two schemas of a sent value.</summary>
    public static void Compare(JsonSchema sdk, JsonSchema newer, Action<DifferenceClass, string, string, string> report)
    {
        Bound("maxLength", sdk.MaxLength, newer.MaxLength, isMaximum: true, report);
        // minLength 0 allows every string, exactly as no minLength does.
        Bound("minLength", sdk.MinLength is 0 ? null : sdk.MinLength, newer.MinLength is 0 ? null : newer.MinLength, isMaximum: false, report);
        Bound("maximum", sdk.Maximum, newer.Maximum, isMaximum: true, report);
        Bound("minimum", sdk.Minimum, newer.Minimum, isMaximum: false, report);
    }

    /// <summary>
    /// Compares the numeric <c>x-</c> members of an operation or a parameter that the SDK's contract sets. An
    /// <c>x-minimum-…</c> is a minimum; any other (<c>x-maximum-window-days</c>, <c>x-replay-window-hours</c>) is a
    /// limit the API grants, tighter when lower.
    /// </summary>
    public static void CompareExtensions(IDictionary<string, object?>? sdk, IDictionary<string, object?>? newer, Action<string, DifferenceClass, string, string, string> report)
    {
        foreach (var (name, value) in (sdk ?? new Dictionary<string, object?>()).Where(e => e.Key.StartsWith(Extension, StringComparison.Ordinal) && Number(e.Value) is not null).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var newerValue = newer is not null && newer.TryGetValue(name, out var found) ? found : null;
            var isMaximum = !name.StartsWith(MinimumExtension, StringComparison.Ordinal);
            Bound(name, Number(value), Number(newerValue), isMaximum, (@class, kind, expected, actual) => report(name, @class, kind, expected, actual));
        }
    }

    /// <summary>
    /// A bound newly set, or moved inwards (a maximum lower, a minimum higher), is tighter; one dropped or
    /// moved outwards is looser.
    /// </summary>
    private static void Bound(string keyword, decimal? sdk, decimal? newer, bool isMaximum, Action<DifferenceClass, string, string, string> report)
    {
        if (sdk == newer)
        {
            return;
        }

        var tighter = newer is not null && (sdk is null || (isMaximum ? newer < sdk : newer > sdk));
        Report(keyword, sdk, newer, tighter, report);
    }

    private static void Report(string keyword, decimal? sdk, decimal? newer, bool tighter, Action<DifferenceClass, string, string, string> report)
        => report(tighter ? DifferenceClass.Breaking : DifferenceClass.Info, tighter ? "bound-tightened" : "bound-loosened", Describe(keyword, sdk), Describe(keyword, newer));

    private static string Describe(string keyword, decimal? value)
        => value is { } number ? keyword + " " + number.ToString(CultureInfo.InvariantCulture) : "no " + keyword;

    // A YAML scalar arrives as the text it was written as ("31") or as a number, depending on the reader.
    private static decimal? Number(object? value)
        => decimal.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
