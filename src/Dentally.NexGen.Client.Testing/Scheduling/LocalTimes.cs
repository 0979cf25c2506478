using System.Globalization;
using System.Text.RegularExpressions;
using Dentally.NexGen.Client.Testing.Validation;

namespace Dentally.NexGen.Client.Testing.Scheduling;

/// <summary>
/// The contract's practice-local times: <c>2025-05-20T10:00:00</c>, wall-clock time in the site's zone
/// with no offset. A time sent with an offset or <c>Z</c> is rejected with its own message, because
/// that is the mistake a client makes when it formats a <see cref="DateTimeOffset"/>.
/// </summary>
internal static class LocalTimes
{
    public const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss";

    private static readonly Regex Plain = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", RegexOptions.CultureInvariant);
    private static readonly Regex WithOffset = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)$", RegexOptions.CultureInvariant);

    public static bool TryParse(string text, out DateTime value, out string problem)
    {
        value = default;
        problem = string.Empty;
        if (WithOffset.IsMatch(text))
        {
            problem = Messages.LocalTimeOffset;
            return false;
        }

        if (!Plain.IsMatch(text))
        {
            problem = Messages.LocalTimeFormat;
            return false;
        }

        if (!DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            problem = Messages.LocalTimeInvalid;
            return false;
        }

        return true;
    }

    public static string Write(DateTime value) => value.ToString(Format, CultureInfo.InvariantCulture);
}
