namespace Dentally.NexGen.Client;

/// <summary>What to change on an appointment; members left <see langword="null"/> are unchanged.</summary>
public sealed class AppointmentChanges
{
    /// <summary>New notes; an empty string clears them.</summary>
    public string? Notes { get; set; }

    /// <summary>New practice-local start; moving needs both start and end.</summary>
    public DateTime? ScheduledStart { get; set; }

    /// <summary>New practice-local end; moving needs both start and end.</summary>
    public DateTime? ScheduledEnd { get; set; }
}
