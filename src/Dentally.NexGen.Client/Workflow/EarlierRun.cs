namespace Dentally.NexGen.Client;

/// <summary>
/// Finds an appointment this booking already made, when a 409 <c>slot-conflict</c> may be the
/// booking's own appointment rather than someone else's:
/// <list type="bullet">
/// <item>a rerun with the caller's key that the server can no longer replay (its 24-hour key window
/// has passed, or it lost its key store): the first choice then comes back as taken — by the earlier
/// run's appointment, or by whatever made the earlier run rebook (<see cref="FindAsync"/>, the whole
/// rebooking window);</item>
/// <item>a POST the SDK sent more than once (its answer was lost, then the server forgot the key
/// before the retry): the retry meets the appointment the first send made (<see cref="FindAtAsync"/>,
/// that slot only).</item>
/// </list>
/// Booking a replacement would give the patient a second appointment. The contract has no field that
/// could carry a booking reference, so an appointment counts as this booking's when it holds
/// everything the booking would have sent: this patient, this type, this site, a provider the policy
/// accepts, the booking's length, its notes (compared exactly when the server returns them), a start within the window looked at,
/// and a status other than cancelled. Only after a conflict, so a booking that succeeds at once costs
/// nothing more; at most <see cref="MaxPages"/> pages are requested.
/// </summary>
internal static class EarlierRun
{
    public const int MaxPages = 5;

    /// <summary>The earliest of this booking's appointments starting in the rebooking window.</summary>
    public static async Task<Appointment?> FindAsync(NexGenClient client, BookingRequest request, Guid patient, Guid type, Guid provider, TimeSpan length, DateTime windowEnd, CancellationToken cancellationToken)
        => Earliest(await FindBetweenAsync(
            client, request, patient, type, length, request.Start, windowEnd,
            p => request.Rebooking.AllowOtherProvider || p == provider,
            cancellationToken).ConfigureAwait(false));

    /// <summary>This booking's appointment at exactly <paramref name="slot"/> (its provider, site and start).</summary>
    public static async Task<Appointment?> FindAtAsync(NexGenClient client, BookingRequest request, Guid patient, Guid type, Slot slot, CancellationToken cancellationToken)
        => Earliest(await FindAllAtAsync(client, request, patient, type, slot, cancellationToken).ConfigureAwait(false));

    /// <summary>Every appointment of this booking at exactly <paramref name="slot"/>: more than one only where a server made it twice.</summary>
    public static Task<List<Appointment>> FindAllAtAsync(NexGenClient client, BookingRequest request, Guid patient, Guid type, Slot slot, CancellationToken cancellationToken)
        => FindBetweenAsync(
            client, request, patient, type, slot.ScheduledEnd - slot.ScheduledStart, slot.ScheduledStart, slot.ScheduledStart.AddSeconds(1),
            p => p == slot.ProviderUuid,
            cancellationToken);

    private static Appointment? Earliest(List<Appointment> found)
    {
        Appointment? earliest = null;
        foreach (var appointment in found)
        {
            if (earliest is null || appointment.ScheduledStart < earliest.ScheduledStart)
            {
                earliest = appointment;
            }
        }

        return earliest;
    }

    private static async Task<List<Appointment>> FindBetweenAsync(
        NexGenClient client, BookingRequest request, Guid patient, Guid type, TimeSpan length, DateTime from, DateTime to, Func<Guid, bool> acceptsProvider, CancellationToken cancellationToken)
    {
        using var step = NexGenDiagnostics.ActivitySource.StartActivity("BookingWorkflow.FindEarlierBooking");
        var query = new AppointmentQuery { PatientUuid = patient, LocationUuid = request.LocationUuid, From = from, To = to };
        var found = new List<Appointment>();
        var end = new PageEnd(Validate.MaxPageSize);

        // The limit is checked before each request: a server that ignores the filters (or keeps
        // answering full pages) costs at most MaxPages requests, never a page more.
        for (var page = 1; page <= MaxPages; page++)
        {
            var current = await client.Appointments.ListAsync(query, page, Validate.MaxPageSize, cancellationToken).ConfigureAwait(false);
            var items = current.Items ?? [];
            foreach (var appointment in items)
            {
                // The server's filters are trusted for paging only: every criterion is checked here again,
                // and an appointment a drifting server repeats on another page counts once.
                if (IsThisBookings(appointment, request, patient, type, length, from, to, acceptsProvider)
                    && !found.Exists(a => a.Uuid == appointment.Uuid))
                {
                    found.Add(appointment);
                }
            }

            if (end.IsLast(page, items.Count, current.Total, current.PageSize))
            {
                break;
            }
        }

        step?.SetTag("nexgen.found", found.Count > 0);
        return found;
    }

    private static bool IsThisBookings(Appointment appointment, BookingRequest request, Guid patient, Guid type, TimeSpan length, DateTime from, DateTime to, Func<Guid, bool> acceptsProvider)
    {
        if (string.Equals(appointment.Status, AppointmentStatuses.Cancelled, StringComparison.Ordinal)
            || appointment.Patient?.Uuid != patient
            || appointment.AppointmentType?.Uuid != type
            || appointment.Location?.Uuid != request.LocationUuid
            || appointment.Provider is null
            || !acceptsProvider(appointment.Provider.Uuid)
            || !NotesAgree(appointment.Notes, request.Notes))
        {
            return false;
        }

        var (start, end) = (appointment.ScheduledStart, appointment.ScheduledEnd);
        return start >= from && start < to && end - start == length;
    }

    /// <summary>
    /// Whether the notes the server returned are the booking's. <c>notes</c> is optional in the contract, and
    /// a server may leave it out of what it returns (the booking guide's own 201 answers a booking sent
    /// with notes without them): notes left out say nothing either way. Notes returned are compared exactly.
    /// </summary>
    private static bool NotesAgree(string? returned, string? sent)
        => returned is null || string.Equals(returned, sent ?? string.Empty, StringComparison.Ordinal);
}
