using System.Globalization;

namespace Dentally.NexGen.Client;

/// <summary>
/// Converts between <see cref="DateTime"/> and the contract's practice-local time strings
/// (<c>2025-05-20T10:00:00</c>: wall-clock time in the site's zone, no offset). Only
/// <see cref="DateTimeKind.Unspecified"/> values are accepted: a Local or UTC value would mean the
/// caller's zone or UTC, not the practice's, and converting it would silently move the appointment.
/// </summary>
public static class PracticeLocalTime
{
    /// <summary>The wire format.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Formats a practice-local time for the wire.</summary>
    /// <param name="value">A time with <see cref="DateTimeKind.Unspecified"/> and whole seconds.</param>
    /// <param name="parameterName">The caller's parameter name, used in the exception.</param>
    /// <returns>The wire string, e.g. <c>2025-05-20T10:00:00</c>.</returns>
    /// <exception cref="ArgumentException">The kind is Local or Utc, or the value has fractions of a second.</exception>
    public static string ToWire(DateTime value, string parameterName)
        => Check(value, parameterName).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>What <see cref="ToWire"/> checks, without formatting: for validation ahead of the request that formats.</summary>
    internal static DateTime Check(DateTime value, string parameterName)
    {
        if (value.Kind != DateTimeKind.Unspecified)
        {
            throw new ArgumentException(
                $"{parameterName} must be a practice-local wall-clock time (DateTimeKind.Unspecified), not DateTimeKind.{value.Kind}. " +
                "Create it with new DateTime(y, m, d, h, min, s) or DateTime.SpecifyKind(value, DateTimeKind.Unspecified).",
                parameterName);
        }

        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"{parameterName} must be a whole second: the API has no sub-second times.", parameterName);
        }

        return value;
    }

    /// <summary>Reads a practice-local time string from the API, or says it is not one.</summary>
    internal static bool TryFromWire(string? value, out DateTime time)
        => DateTime.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Reads a practice-local time string from the API.</summary>
    /// <param name="value">A string such as <c>2025-05-20T10:00:00</c>.</param>
    /// <returns>The time with <see cref="DateTimeKind.Unspecified"/>.</returns>
    /// <exception cref="FormatException">The string is not in the contract's format.</exception>
    public static DateTime FromWire(string value)
        => DateTime.ParseExact(Guard.NotNull(value, nameof(value)), Format, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
