using Dentally.NexGen.Client.Testing.Scheduling;

namespace Dentally.NexGen.Client.Testing.State;

/// <summary>A booking as stored: references by UUID, practice-local times and their UTC instants. Changed only under the state lock.</summary>
internal sealed class AppointmentRecord
{
    public AppointmentRecord(Guid uuid, Guid patientUuid, Guid appointmentTypeUuid, Guid locationUuid, Guid providerUuid, string? notes, DateTimeOffset createdAt)
    {
        Uuid = uuid;
        PatientUuid = patientUuid;
        AppointmentTypeUuid = appointmentTypeUuid;
        LocationUuid = locationUuid;
        ProviderUuid = providerUuid;
        Notes = notes;
        CreatedAt = createdAt;
    }

    public Guid Uuid { get; }

    public string Status { get; set; } = AppointmentStatuses.Scheduled;

    public Guid PatientUuid { get; }

    public Guid AppointmentTypeUuid { get; }

    public Guid LocationUuid { get; }

    public Guid ProviderUuid { get; }

    public DateTime Start { get; private set; }

    public DateTime End { get; private set; }

    public DateTime UtcStart { get; private set; }

    public DateTime UtcEnd { get; private set; }

    public string? Notes { get; set; }

    public string? CancellationReason { get; set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Whether it keeps its provider busy: every status but <c>cancelled</c> does.</summary>
    public bool Blocks => !string.Equals(Status, AppointmentStatuses.Cancelled, StringComparison.Ordinal);

    public void Schedule(DateTime start, DateTime end, TimeZoneInfo zone)
    {
        Start = start;
        End = end;
        UtcStart = TimeZones.ToUtc(start, zone);
        UtcEnd = TimeZones.ToUtc(end, zone);
    }
}
