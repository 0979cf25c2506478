using Dentally.NexGen.Client.Testing.State;

namespace Dentally.NexGen.Client.Testing.Scheduling;

/// <summary>
/// Free slots: each opening interval of the site is cut into candidate windows of the requested
/// duration, starting at the interval's opening time and every <see cref="NexGenSandboxOptions.SlotInterval"/>
/// after it, ending by closing time; a candidate is free for a provider who has no blocking booking
/// overlapping it. Results are ordered by start, then by provider in seed order.
/// </summary>
internal sealed class SlotFinder
{
    private const int MaxSuggestions = 3;

    private readonly SandboxState _state;

    public SlotFinder(SandboxState state) => _state = state;

    public IReadOnlyList<Slot> Free(Site site, IReadOnlyList<ProviderRecord> providers, TimeSpan duration, DateTime from, DateTime to, Guid? excluding = null)
    {
        var zone = TimeZones.Find(site.Timezone);
        var slots = new List<(DateTime Start, int Provider, Slot Slot)>();
        var seen = new HashSet<(DateTime, Guid)>();
        for (var day = from.Date; day <= to.Date; day = day.AddDays(1))
        {
            foreach (var (opens, closes) in SiteCalendar.OpenIntervals(site, day))
            {
                for (var start = opens; start + duration <= closes; start += _state.Options.SlotInterval)
                {
                    if (start < from || start + duration > to)
                    {
                        continue;
                    }

                    for (var index = 0; index < providers.Count; index++)
                    {
                        var provider = providers[index].Uuid;
                        var end = start + duration;
                        if (seen.Add((start, provider)) && BookingConflicts.Find(_state, provider, TimeZones.ToUtc(start, zone), TimeZones.ToUtc(end, zone), excluding) is null)
                        {
                            slots.Add((start, index, NewSlot(site, provider, start, end)));
                        }
                    }
                }
            }
        }

        return slots.OrderBy(s => s.Start).ThenBy(s => s.Provider).Select(s => s.Slot).ToList();
    }

    /// <summary>Up to three free windows of the same length for the same provider and site, later the same day.</summary>
    public IReadOnlyList<Slot> Suggest(Site site, ProviderRecord provider, DateTime requestedStart, TimeSpan duration, Guid? excluding = null)
        => Free(site, [provider], duration, requestedStart, requestedStart.Date.AddDays(1), excluding).Take(MaxSuggestions).ToList();

    private static Slot NewSlot(Site site, Guid provider, DateTime start, DateTime end) => new()
    {
        ProviderUuid = provider,
        LocationUuid = site.Uuid,
        ScheduledStart = start,
        ScheduledEnd = end,
    };
}
