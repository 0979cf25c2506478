using Dentally.NexGen.Client.Testing.State;

namespace Dentally.NexGen.Client.Testing.Scheduling;

/// <summary>
/// Finds the booking a provider already has in a window. Windows are half-open (an appointment ending
/// at 10:00 does not collide with one starting at 10:00), compared as UTC instants so sites in
/// different zones are handled; cancelled appointments never block.
/// </summary>
internal static class BookingConflicts
{
    public static AppointmentRecord? Find(SandboxState state, Guid providerUuid, DateTime utcStart, DateTime utcEnd, Guid? excluding = null)
        => state.Appointments.All
            .Where(a => a.ProviderUuid == providerUuid && a.Uuid != excluding && a.Blocks)
            .Where(a => a.UtcStart < utcEnd && utcStart < a.UtcEnd)
            .OrderBy(a => a.UtcStart)
            .FirstOrDefault();
}
