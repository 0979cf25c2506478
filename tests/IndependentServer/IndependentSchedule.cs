namespace Dentally.NexGen.Independent;

/// <summary>A free window for one provider at one site.</summary>
internal sealed record FreeSlot(Guid Provider, Guid Site, DateTime Start, DateTime End);

/// <summary>
/// Free slots as this server computes them: starts every 15 minutes within a site's opening hours, a
/// provider free when none of their bookings (at any site) overlaps. Conflicts are by provider.
/// </summary>
internal static class IndependentSchedule
{
    private static readonly TimeSpan Grid = TimeSpan.FromMinutes(15);

    public static IEnumerable<FreeSlot> Free(IndependentData data, SiteRecord site, TimeSpan length, DateTime from, DateTime to, Guid? provider)
    {
        for (var day = from.Date; day < to; day = day.AddDays(1))
        {
            foreach (var (weekday, opens, closes) in site.Hours)
            {
                if (weekday != day.DayOfWeek)
                {
                    continue;
                }

                for (var start = day + opens.ToTimeSpan(); start + length <= day + closes.ToTimeSpan(); start += Grid)
                {
                    if (start < from || start + length > to)
                    {
                        continue;
                    }

                    foreach (var p in data.Providers.Where(p => p.Sites.Contains(site.Uuid) && (provider is null || p.Uuid == provider)))
                    {
                        if (Collision(data, p.Uuid, start, start + length, except: null) is null)
                        {
                            yield return new FreeSlot(p.Uuid, site.Uuid, start, start + length);
                        }
                    }
                }
            }
        }
    }

    public static AppointmentRecord? Collision(IndependentData data, Guid provider, DateTime start, DateTime end, Guid? except)
        => data.Appointments.FirstOrDefault(a => a.Holds && a.Provider.Uuid == provider && a.Uuid != except && a.CurrentStart < end && start < a.CurrentEnd);

    /// <summary>Up to four free slots of that day at the site, any provider, the closest to the requested start first (earlier ones included).</summary>
    public static IReadOnlyList<FreeSlot> Suggestions(IndependentData data, SiteRecord site, TimeSpan length, DateTime requested)
        => Free(data, site, length, requested.Date, requested.Date.AddDays(1), provider: null)
            .OrderBy(s => (s.Start - requested).Duration())
            .ThenBy(s => s.Provider)
            .Take(4)
            .ToList();
}
