using System.Globalization;

namespace Dentally.NexGen.Client.Testing.Scheduling;

/// <summary>A site's opening intervals on a given day, from its <c>opening_hours</c> (a day may appear more than once; a missing day is closed).</summary>
internal static class SiteCalendar
{
    public static IEnumerable<(DateTime Opens, DateTime Closes)> OpenIntervals(Site site, DateTime day)
    {
        var name = DayName(day.DayOfWeek);
        return site.OpeningHours
            .Where(hours => string.Equals(hours.DayOfWeek, name, StringComparison.OrdinalIgnoreCase))
            .Select(hours => (Opens: TimeOfDay(hours.Opens), Closes: TimeOfDay(hours.Closes)))
            .Where(interval => interval.Opens is not null && interval.Closes > interval.Opens)
            .Select(interval => (day.Date + interval.Opens!.Value, day.Date + interval.Closes!.Value))
            .OrderBy(interval => interval.Item1)
            .ToList();
    }

    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => DaysOfWeek.Monday,
        DayOfWeek.Tuesday => DaysOfWeek.Tuesday,
        DayOfWeek.Wednesday => DaysOfWeek.Wednesday,
        DayOfWeek.Thursday => DaysOfWeek.Thursday,
        DayOfWeek.Friday => DaysOfWeek.Friday,
        DayOfWeek.Saturday => DaysOfWeek.Saturday,
        _ => DaysOfWeek.Sunday,
    };

    private static TimeSpan? TimeOfDay(string? text)
        => TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var time) ? time : null;
}
