using System.Globalization;

namespace Dentally.NexGen.Client;

/// <summary>
/// The contract's practice-local time strings (<c>2025-05-20T10:00:00</c>: wall-clock time in the site's
/// zone, no offset), kept inside the SDK: every public member holds a practice-local time as a
/// <see cref="DateTime"/> of kind <see cref="DateTimeKind.Unspecified"/>, and only this class (through
/// <see cref="Serialization.PracticeLocalTimeConverter"/> and the query parameters) reads or writes the text.
/// Only <see cref="DateTimeKind.Unspecified"/> values are accepted from a caller: a Local or UTC value would
/// mean the caller's zone or UTC, not the practice's, and converting it would silently move the appointment.
/// </summary>
internal static class PracticeLocalTime
{
    /// <summary>The wire format.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Checks a caller's practice-local time (<see cref="Check"/>) and formats it for the wire.</summary>
    /// <exception cref="ArgumentException">The kind is Local or Utc, or the value has fractions of a second.</exception>
    public static string ToWire(DateTime value, string parameterName)
        => ToWire(Check(value, parameterName));

    /// <summary>Formats a time already checked, or read from the server, for the wire (or a message).</summary>
    public static string ToWire(DateTime value)
        => value.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>What <see cref="ToWire(DateTime, string)"/> checks, without formatting: for validation ahead of the request that formats.</summary>
    /// <exception cref="ArgumentException">The kind is Local or Utc, or the value has fractions of a second.</exception>
    public static DateTime Check(DateTime value, string parameterName)
        => IsValid(value) ? value : Refuse(value, parameterName);

    /// <summary>Whether <see cref="Check"/> accepts <paramref name="value"/>, for a caller whose name for it costs a string to build.</summary>
    public static bool IsValid(DateTime value) => value.Kind == DateTimeKind.Unspecified && value.Ticks % TimeSpan.TicksPerSecond == 0;

    // How to get the practice's wall clock from an instant. DateTime.SpecifyKind alone, the obvious fix for
    // a Local or Utc kind, keeps the machine's or UTC's hour and silently moves the appointment.
    private const string ConvertAnInstant =
        "convert an instant with TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(site.Timezone)).DateTime";

    private static DateTime Refuse(DateTime value, string parameterName)
    {
        if (value.Kind != DateTimeKind.Unspecified)
        {
            var zone = value.Kind == DateTimeKind.Utc ? "UTC" : "this machine's time zone";
            throw new ArgumentException(
                $"{parameterName} must be a practice-local wall-clock time (DateTimeKind.Unspecified), not DateTimeKind.{value.Kind}: "
                + $"that is a time in {zone}, not in the practice's. Create it with new DateTime(y, m, d, h, min, s), or {ConvertAnInstant}; "
                + "DateTime.SpecifyKind alone would keep the other zone's hour.",
                parameterName);
        }

        // Fractions mostly mean a clock reading of kind Unspecified (DateTimeOffset.UtcNow.DateTime, DateTimeOffset.Now.DateTime): say so, or
        // the caller rounds it and sends the machine's or UTC's hour as the practice's.
        throw new ArgumentException(
            $"{parameterName} must be a whole second: the API has no sub-second times. A value with fractions usually comes from a clock "
            + $"(DateTimeOffset.UtcNow.DateTime, DateTimeOffset.Now.DateTime), whose zone is not the practice's: {ConvertAnInstant}, then drop the fractions.",
            parameterName);
    }

    /// <summary>Reads a practice-local time string from the API, or says it is not one (the converter's read).</summary>
    public static bool TryFromWire(string? value, out DateTime time)
        => DateTime.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
