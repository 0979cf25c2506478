using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Scheduling;
using Dentally.NexGen.Client.Testing.State;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary>The double-booking check shared by booking and moving: a 409 <c>slot-conflict</c> naming the colliding booking, with suggestions.</summary>
internal sealed class ConflictCheck(SandboxState state)
{
    private readonly SlotFinder _slots = new(state);

    /// <summary>The 409 response when the provider is busy in the window; <see langword="null"/> when the window is free.</summary>
    public SandboxResponse? Check(SandboxRequest request, Site site, ProviderRecord provider, DateTime start, DateTime end, Guid? excluding = null)
    {
        var zone = TimeZones.Find(site.Timezone);
        var clash = BookingConflicts.Find(state, provider.Uuid, TimeZones.ToUtc(start, zone), TimeZones.ToUtc(end, zone), excluding);
        if (clash is null)
        {
            return null;
        }

        var conflict = new ConflictDetail
        {
            Resource = ConflictResources.Provider,
            ResourceUuid = provider.Uuid,
            ScheduledStart = clash.Start,
            ScheduledEnd = clash.End,
        };
        return Problems.SlotConflict(request, conflict, _slots.Suggest(site, provider, start, end - start, excluding));
    }
}
