namespace Dentally.NexGen.Client;

/// <summary>Filters for listing appointments. Every filter is optional; times are practice-local.</summary>
public sealed class AppointmentQuery
{
    /// <summary>Only this patient's appointments.</summary>
    public Guid? PatientUuid { get; set; }

    /// <summary>Only this provider's appointments.</summary>
    public Guid? ProviderUuid { get; set; }

    /// <summary>Only appointments at this site.</summary>
    public Guid? LocationUuid { get; set; }

    /// <summary>Only appointments in this status (see <see cref="AppointmentStatuses"/>).</summary>
    public string? Status { get; set; }

    /// <summary>Only appointments starting at or after this practice-local time.</summary>
    public DateTime? From { get; set; }

    /// <summary>Only appointments starting before this practice-local time.</summary>
    public DateTime? To { get; set; }
}
