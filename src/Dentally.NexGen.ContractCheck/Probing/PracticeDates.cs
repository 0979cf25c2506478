using System.Globalization;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>Practice-local midnights some days from today, as the contract writes them (<c>2025-05-20T00:00:00</c>).</summary>
internal static class PracticeDates
{
    /// <summary>Midnight <paramref name="days"/> days after today (today by the options' clock, in UTC: a day either side does not matter this far out).</summary>
    public static string DaysFromToday(TimeProvider clock, int days)
        => clock.GetUtcNow().UtcDateTime.Date.AddDays(days).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
