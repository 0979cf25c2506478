using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace Dentally.NexGen.ContractCheck.Validation;

/// <summary>
/// <c>format: date-time</c> as RFC 3339 writes it: a date, a time and a <c>Z</c> or UTC offset. NJsonSchema's own
/// check takes whatever <see cref="DateTime.TryParse(string?, out DateTime)"/> reads, <c>2025-05-10T14:32:00</c>
/// included — an instant without its offset, which the SDK refuses (it would be a time in the reader's own zone).
/// A space for the <c>T</c> is taken, as the SDK takes it.
/// </summary>
internal sealed class InstantFormatValidator : IFormatValidator
{
    private static readonly Regex Rfc3339 = new(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public string Format => JsonFormatStrings.DateTime;

    public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

    public bool IsValid(string value, JTokenType tokenType)
        => tokenType == JTokenType.Date || (Rfc3339.IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    /// <summary>NJsonSchema's format checks, with this one for <c>date-time</c> instead of its own.</summary>
    public static JsonSchemaValidatorSettings Settings()
    {
        var settings = new JsonSchemaValidatorSettings();
        settings.FormatValidators = [.. settings.FormatValidators.Where(v => v.Format != JsonFormatStrings.DateTime), new InstantFormatValidator()];
        return settings;
    }
}
