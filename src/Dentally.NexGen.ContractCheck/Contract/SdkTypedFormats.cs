namespace Dentally.NexGen.ContractCheck.Contract;

/// <summary>
/// The string formats the SDK reads into a type of its own — a Guid (<c>uuid</c>), a date, an instant
/// (<c>date-time</c>), a practice-local time (<c>date-time-local</c>, by its pattern) and a <see cref="Uri"/>
/// (NSwag generates <c>format: uri</c> as <c>System.Uri</c>) — so a value outside the format fails its read. Any
/// other string (<c>email</c>, <c>uri-reference</c>, a pattern alone such as <c>HH:mm</c> or a country code) it
/// keeps as the text sent. A test holds this list to the generated models' property types.
/// </summary>
internal static class SdkTypedFormats
{
    private static readonly HashSet<string> Formats = new(StringComparer.Ordinal) { "uuid", "date", "date-time", "date-time-local", "uri" };

    /// <summary>Whether the SDK parses a string of <paramref name="format"/> rather than keeping its text.</summary>
    public static bool Contains(string? format) => !string.IsNullOrEmpty(format) && Formats.Contains(format!);
}
