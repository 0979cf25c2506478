namespace Dentally.NexGen.Client;

/// <summary>A booking request for <see cref="AppointmentsOperations.CreateAsync"/>. Times are practice-local.</summary>
public sealed class NewAppointment
{
    /// <summary>The patient.</summary>
    public Guid PatientUuid { get; set; }

    /// <summary>The appointment type.</summary>
    public Guid AppointmentTypeUuid { get; set; }

    /// <summary>The site (location).</summary>
    public Guid LocationUuid { get; set; }

    /// <summary>The provider.</summary>
    public Guid ProviderUuid { get; set; }

    /// <summary>Start, practice-local wall-clock time (<see cref="DateTimeKind.Unspecified"/>).</summary>
    public DateTime ScheduledStart { get; set; }

    /// <summary>End, practice-local wall-clock time (<see cref="DateTimeKind.Unspecified"/>), after the start.</summary>
    public DateTime ScheduledEnd { get; set; }

    /// <summary>Optional notes, within the contract's maximum length for <c>notes</c>.</summary>
    public string? Notes { get; set; }
}
