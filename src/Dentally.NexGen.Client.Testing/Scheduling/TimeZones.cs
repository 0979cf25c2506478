using System.Collections.Concurrent;

namespace Dentally.NexGen.Client.Testing.Scheduling;

/// <summary>
/// Site time zones, used only to compare bookings at sites in different zones (a provider cannot be in
/// San Francisco and Bristol at once). An unknown zone name is treated as UTC rather than failing.
/// </summary>
internal static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    public static TimeZoneInfo Find(string ianaName) => Cache.GetOrAdd(ianaName, Load);

    /// <summary>The UTC instant of a practice-local time; a time in a DST gap uses the zone's standard offset.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return DateTime.SpecifyKind(wallClock - zone.GetUtcOffset(wallClock), DateTimeKind.Utc);
    }

    private static TimeZoneInfo Load(string ianaName)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaName);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
