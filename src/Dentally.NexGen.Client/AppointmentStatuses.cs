namespace Dentally.NexGen.Client;

/// <summary>
/// The appointment statuses this version of the contract knows (<see cref="Appointment.Status"/>,
/// <see cref="InvalidStatusTransitionProblem.CurrentStatus"/>), as <c>const</c> strings so that they compare
/// with <c>==</c> and serve as <c>case</c> labels. The set is extensible: the server may send values added
/// later (for example <c>no_show</c>), which the SDK passes through unchanged.
/// </summary>
public static class AppointmentStatuses
{
    /// <summary>Booked; the starting status.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>Confirmed by the patient or practice.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>The patient has arrived.</summary>
    public const string Arrived = "arrived";

    /// <summary>The visit is over (final).</summary>
    public const string Completed = "completed";

    /// <summary>Cancelled (final).</summary>
    public const string Cancelled = "cancelled";
}
