namespace Dentally.NexGen.Client.Testing.State;

/// <summary>
/// The contract's lifecycle: scheduled → confirmed | cancelled; confirmed → arrived | cancelled;
/// arrived → completed; completed and cancelled are final (as is any status the sandbox does not know).
/// </summary>
internal static class StatusLifecycle
{
    public static IReadOnlyList<string> AllowedFrom(string status) => status switch
    {
        AppointmentStatuses.Scheduled => [AppointmentStatuses.Confirmed, AppointmentStatuses.Cancelled],
        AppointmentStatuses.Confirmed => [AppointmentStatuses.Arrived, AppointmentStatuses.Cancelled],
        AppointmentStatuses.Arrived => [AppointmentStatuses.Completed],
        _ => [],
    };

    public static bool CanMove(string from, string to) => AllowedFrom(from).Contains(to, StringComparer.Ordinal);

    /// <summary>Whether the appointment may still be moved to other times (it has not happened or ended).</summary>
    public static bool CanReschedule(string status)
        => status is AppointmentStatuses.Scheduled or AppointmentStatuses.Confirmed;
}
